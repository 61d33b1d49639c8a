using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Threading;

namespace WebhookGen.Generator.Reading;

/// <summary>What <see cref="SpecTextReader.Read"/> made of a spec's text.</summary>
internal sealed class SpecTextReadResult
{
    private SpecTextReadResult(JsonNode? root, SourcePositionMap positions, string? error, SourcePosition errorPosition, bool isYaml)
    {
        Root = root;
        Positions = positions;
        Error = error;
        ErrorPosition = errorPosition;
        IsYaml = isYaml;
    }

    /// <summary>The document as a JSON tree, ready for <c>OpenApiJsonReader.Read(JsonNode, ...)</c>; null when the text could not be read.</summary>
    public JsonNode? Root { get; }

    /// <summary>Where each node of <see cref="Root"/> is in the text (empty when the text could not be read).</summary>
    public SourcePositionMap Positions { get; }

    /// <summary>Why the text could not be read; null on success.</summary>
    public string? Error { get; }

    /// <summary>Where in the text the error is (0-based).</summary>
    public SourcePosition ErrorPosition { get; }

    /// <summary>Whether the text was read as YAML (otherwise as JSON).</summary>
    public bool IsYaml { get; }

    /// <summary>True when <see cref="Root"/> is set and there is no <see cref="Error"/>.</summary>
    [MemberNotNullWhen(true, nameof(Root))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    internal static SpecTextReadResult Success(JsonNode root, SourcePositionMap positions, bool isYaml) =>
        new SpecTextReadResult(root, positions, null, default, isYaml);

    internal static SpecTextReadResult Failure(string error, SourcePosition position, bool isYaml) =>
        new SpecTextReadResult(null, new SourcePositionMap(), error, position, isYaml);
}

/// <summary>Turns the text of an OpenAPI document (YAML or JSON) into a JSON tree plus a map of where each node is.</summary>
internal static class SpecTextReader
{
    /// <summary>The deepest nesting of objects and arrays accepted, in both formats; deeper input is reported as an error.</summary>
    internal const int MaxNestingDepth = 256;

    /// <summary>
    /// Reads <paramref name="text"/>, as JSON when <paramref name="path"/> ends in ".json", as YAML when it ends in
    /// ".yaml" or ".yml", and otherwise as JSON only when the first non-whitespace character is '{'.
    /// Never throws for any input; only cancellation propagates (<see cref="OperationCanceledException"/>).
    /// </summary>
    public static SpecTextReadResult Read(string path, string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        text ??= string.Empty;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            // A byte order mark is not part of the document, and editors do not count it as a column.
            text = text.Substring(1);
        }

        bool isJson = IsJson(path ?? string.Empty, text);
        try
        {
            return isJson
                ? JsonWithPositionsReader.Read(text, cancellationToken)
                : YamlToJsonConverter.Convert(text, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The reader must not throw for any input: any failure becomes an error result.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return SpecTextReadResult.Failure("The spec could not be read: " + ex.Message, default, isYaml: !isJson);
        }
    }

    private static bool IsJson(string path, string text)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c == '{';
            }
        }

        return false;
    }
}
