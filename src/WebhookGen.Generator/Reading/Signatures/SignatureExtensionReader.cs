using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading.Signatures;

/// <summary>
/// Reads the top-level <c>x-webhook-signature</c> extension, WebhookGen's vocabulary for declaring how deliveries are
/// signed (docs/security.md). A <c>scheme</c> preset fills the defaults and the other keys override them; without a preset,
/// <c>header</c> and <c>secretEncoding</c> are required, because a guessed secret encoding silently fails every signature.
/// Every problem is a WHG017 error at its key: a signature scheme is never half-read.
/// </summary>
internal static class SignatureExtensionReader
{
    public const string Name = "x-webhook-signature";
    private const string Pointer = "/" + Name;

    private static readonly Dictionary<string, string> Algorithms = new(StringComparer.OrdinalIgnoreCase) { ["sha1"] = "Sha1", ["sha256"] = "Sha256", ["sha512"] = "Sha512" };
    private static readonly Dictionary<string, string> Encodings = new(StringComparer.OrdinalIgnoreCase) { ["hex"] = "Hex", ["base64"] = "Base64" };
    private static readonly Dictionary<string, string> SecretEncodings = new(StringComparer.OrdinalIgnoreCase) { ["utf8"] = "Utf8", ["whsec-base64"] = "WhsecBase64" };
    private static readonly Dictionary<string, string> Parts = new(StringComparer.OrdinalIgnoreCase) { ["id"] = "Id", ["timestamp"] = "Timestamp", ["body"] = "Body" };
    private static readonly string[] Presets = ["hub", "standard-webhooks", "stripe"];

    private static readonly string[] Keys =
    [
        "scheme", "header", "algorithm", "encoding", "prefix", "signedContent", "contentSeparator", "signatureSeparator",
        "idHeader", "timestampHeader", "timestampPrefix", "tolerance", "secretEncoding",
    ];

    /// <summary>The declared scheme; null when the spec has no extension or it is invalid (then reported).</summary>
    public static SignatureModel? Read(JsonObject root, SpecReadContext context)
    {
        if (!root.TryGetPropertyValue(Name, out var node))
        {
            return null;
        }

        if (node is not JsonObject extension)
        {
            return Fail(context, Pointer, "it must be an object (see docs/security.md)");
        }

        var reader = new Reader(extension, context);
        foreach (var key in extension.Select(p => p.Key).Where(k => !Keys.Contains(k, StringComparer.Ordinal)))
        {
            reader.Error(key, $"'{key}' is not a key of {Name}; the keys are {string.Join(", ", Keys)}");
        }

        var preset = reader.Choice("scheme", Presets.ToDictionary(p => p, p => p, StringComparer.OrdinalIgnoreCase));
        var header = reader.Text("header");
        var algorithm = reader.Choice("algorithm", Algorithms);
        var start = preset switch
        {
            "hub" => SignatureModel.Hub(header ?? "X-Hub-Signature-256", algorithm ?? "Sha256"),
            "standard-webhooks" => SignatureModel.StandardWebhooks(header ?? "webhook-signature", "webhook-id", "webhook-timestamp"),
            "stripe" => SignatureModel.Stripe(header ?? "Stripe-Signature"),
            _ => null,
        };

        if (start is null && header is null && !reader.Has("header"))
        {
            reader.Error(null, "'header' is required unless 'scheme' names a preset");
        }

        var secretEncoding = reader.Choice("secretEncoding", SecretEncodings);
        if (start is null && secretEncoding is null && !reader.Has("secretEncoding"))
        {
            reader.Error(null, "'secretEncoding' is required unless 'scheme' names a preset: utf8 (the secret's bytes) or whsec-base64 (base64 after an optional 'whsec_' prefix)");
        }

        var model = new SignatureModel(
            SignatureKind.Extension,
            header ?? start?.HeaderName ?? string.Empty,
            algorithm ?? start?.Algorithm ?? "Sha256",
            reader.Choice("encoding", Encodings) ?? start?.Encoding ?? "Hex",
            reader.Text("prefix", allowEmpty: true) ?? start?.Prefix ?? string.Empty,
            reader.SignedContent() ?? start?.SignedContent ?? new EquatableArray<string>(ImmutableArray.Create("Body")),
            reader.Text("contentSeparator", allowEmpty: true) ?? start?.ContentSeparator ?? ".",
            reader.Text("signatureSeparator") ?? start?.SignatureSeparator ?? ",",
            reader.Text("idHeader") ?? start?.IdHeaderName,
            reader.Text("timestampHeader") ?? (reader.Has("timestampPrefix") ? null : start?.TimestampHeaderName),
            reader.Text("timestampPrefix") ?? (reader.Has("timestampHeader") ? null : start?.TimestampPrefix),
            reader.Seconds("tolerance") ?? SignatureModel.DefaultToleranceSeconds,
            secretEncoding ?? start?.SecretEncoding ?? "Utf8");

        foreach (var problem in Inconsistencies(model))
        {
            reader.Error(null, problem);
        }

        return reader.Failed ? null : model;
    }

    /// <summary>What makes a scheme unverifiable even though each key is valid on its own.</summary>
    private static IEnumerable<string> Inconsistencies(SignatureModel model)
    {
        if (!model.SignedContent.Contains("Body"))
        {
            yield return "'signedContent' must include body";
        }

        if (model.SignedContent.Contains("Id") && model.IdHeaderName is null)
        {
            yield return "'signedContent' includes id, so 'idHeader' is required";
        }

        if (model.SignedContent.Contains("Timestamp") && model.TimestampHeaderName is null && model.TimestampPrefix is null)
        {
            yield return "'signedContent' includes timestamp, so 'timestampHeader' or 'timestampPrefix' is required";
        }

        if (model.TimestampHeaderName is not null && model.TimestampPrefix is not null)
        {
            yield return "'timestampHeader' and 'timestampPrefix' are exclusive: the timestamp is in a header of its own or in the signature header";
        }
    }

    private static SignatureModel? Fail(SpecReadContext context, string pointer, string problem)
    {
        context.Report(DiagnosticDescriptors.InvalidExtension, pointer, Name, problem);
        return null;
    }

    /// <summary>Reads typed values of the extension's keys, reporting each wrong one at its key.</summary>
    private sealed class Reader(JsonObject extension, SpecReadContext context)
    {
        public bool Failed { get; private set; }

        public bool Has(string key) => extension.ContainsKey(key);

        public void Error(string? key, string problem)
        {
            Failed = true;
            context.Report(DiagnosticDescriptors.InvalidExtension, key is null ? Pointer : SpecPointer.Append(Pointer, key), Name, problem);
        }

        public string? Text(string key, bool allowEmpty = false)
        {
            if (!extension.TryGetPropertyValue(key, out var node))
            {
                return null;
            }

            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text && (allowEmpty || text.Trim().Length > 0))
            {
                return text;
            }

            Error(key, $"'{key}' must be a{(allowEmpty ? string.Empty : " non-empty")} string");
            return null;
        }

        public string? Choice(string key, Dictionary<string, string> choices)
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (choices.TryGetValue(text.Trim(), out var member))
            {
                return member;
            }

            Error(key, $"'{key}' is '{text}'; it must be one of {string.Join(", ", choices.Keys)}");
            return null;
        }

        public int? Seconds(string key)
        {
            if (!extension.TryGetPropertyValue(key, out var node))
            {
                return null;
            }

            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var seconds) && seconds > 0)
            {
                return seconds;
            }

            Error(key, $"'{key}' must be a positive whole number of seconds, not {node?.ToJsonString() ?? "null"}");
            return null;
        }

        public EquatableArray<string>? SignedContent()
        {
            const string Key = "signedContent";
            if (!extension.TryGetPropertyValue(Key, out var node))
            {
                return null;
            }

            var parts = new List<string>();
            if (node is JsonArray array && array.Count > 0)
            {
                foreach (var item in array)
                {
                    if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String && Parts.TryGetValue(value.GetValue<string>(), out var part) && !parts.Contains(part))
                    {
                        parts.Add(part);
                        continue;
                    }

                    Error(Key, $"'{Key}' lists each of id, timestamp and body at most once, not {item?.ToJsonString() ?? "null"}");
                    return null;
                }

                return new EquatableArray<string>(parts);
            }

            Error(Key, $"'{Key}' must be a non-empty list of id, timestamp and body, in the order they are signed");
            return null;
        }
    }
}
