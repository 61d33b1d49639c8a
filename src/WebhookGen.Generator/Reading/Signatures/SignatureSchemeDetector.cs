using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading.Signatures;

/// <summary>
/// Recognises a signature scheme from the headers the events declare:
/// <list type="bullet">
/// <item>Standard Webhooks: <c>webhook-signature</c> (or Svix's <c>svix-signature</c>) with its <c>-id</c> and
/// <c>-timestamp</c> headers, or a signature header whose example reads <c>v1,&lt;base64&gt;</c>;</item>
/// <item>Stripe: <c>Stripe-Signature</c>, or a signature header whose example reads <c>t=&lt;seconds&gt;,v1=&lt;hex&gt;</c>;</item>
/// <item>the WebSub / <c>X-Hub-Signature</c> family: a header whose example or description shows <c>sha1=</c>,
/// <c>sha256=</c> or <c>sha512=</c>, or one of the well-known names (<c>X-Hub-Signature</c> is SHA-1,
/// <c>X-Hub-Signature-256</c> is SHA-256).</item>
/// </list>
/// A header that looks like a signature but matches none of these is reported (WHG016): the receiver then needs a scheme from
/// <c>x-webhook-signature</c> or from code.
/// </summary>
internal static class SignatureSchemeDetector
{
    private static readonly string[] Methods = ["sha512", "sha256", "sha1"];
    private static readonly string[] StandardWebhooksPrefixes = ["webhook", "svix"];
    private static readonly Regex StripeExample = new(@"^\s*t=\d+\s*,\s*v1=", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex StandardWebhooksExample = new(@"^\s*v1,[A-Za-z0-9+/=]+", RegexOptions.CultureInvariant);

    public static SignatureModel? Detect(IReadOnlyList<HeaderParameter> headers, SpecReadContext context)
    {
        var named = headers.Where(h => h.Name.Length > 0).ToList();
        foreach (var header in named)
        {
            if (Recognise(header, named) is { } scheme)
            {
                return scheme;
            }
        }

        if (named.FirstOrDefault(h => LooksLikeSignature(h.Name)) is { } unknown)
        {
            context.Report(DiagnosticDescriptors.SignatureNotUnderstood, unknown.Pointer, unknown.Name);
        }

        return null;
    }

    /// <summary>Whether a header's name says it carries a signature.</summary>
    public static bool LooksLikeSignature(string name) =>
        name.IndexOf("signature", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("hmac", StringComparison.OrdinalIgnoreCase) >= 0;

    private static SignatureModel? Recognise(HeaderParameter header, IReadOnlyList<HeaderParameter> all)
    {
        var name = header.Name;
        foreach (var prefix in StandardWebhooksPrefixes)
        {
            if (name.Equals(prefix + "-signature", StringComparison.OrdinalIgnoreCase))
            {
                return SignatureModel.StandardWebhooks(name, Sibling(all, prefix + "-id"), Sibling(all, prefix + "-timestamp"));
            }
        }

        if (name.Equals("Stripe-Signature", StringComparison.OrdinalIgnoreCase))
        {
            return SignatureModel.Stripe(name);
        }

        if (name.Equals("X-Hub-Signature-256", StringComparison.OrdinalIgnoreCase))
        {
            return SignatureModel.Hub(name, "Sha256");
        }

        if (name.Equals("X-Hub-Signature", StringComparison.OrdinalIgnoreCase))
        {
            return SignatureModel.Hub(name, "Sha1");
        }

        var example = header.Example;
        if (example is not null && LooksLikeSignature(name))
        {
            if (StripeExample.IsMatch(example))
            {
                return SignatureModel.Stripe(name);
            }

            if (StandardWebhooksExample.IsMatch(example) && StandardWebhooksSiblings(name, all) is { } siblings)
            {
                return SignatureModel.StandardWebhooks(name, siblings.Id, siblings.Timestamp);
            }
        }

        if (MethodPrefix(example) is { } fromExample)
        {
            return SignatureModel.Hub(name, fromExample);
        }

        return LooksLikeSignature(name) && MethodPrefix(header.Parameter.Description) is { } fromDescription
            ? SignatureModel.Hub(name, fromDescription)
            : null;
    }

    /// <summary>The declared header's own spelling of <paramref name="name"/>, or <paramref name="name"/> when the spec does not declare it.</summary>
    private static string Sibling(IReadOnlyList<HeaderParameter> all, string name) =>
        all.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Name ?? name;

    /// <summary>For <c>{x}-signature</c>, the declared <c>{x}-id</c> and <c>{x}-timestamp</c>; null unless both are declared.</summary>
    private static (string Id, string Timestamp)? StandardWebhooksSiblings(string name, IReadOnlyList<HeaderParameter> all)
    {
        const string Suffix = "-signature";
        if (!name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var stem = name.Substring(0, name.Length - Suffix.Length);
        var id = all.FirstOrDefault(h => h.Name.Equals(stem + "-id", StringComparison.OrdinalIgnoreCase));
        var timestamp = all.FirstOrDefault(h => h.Name.Equals(stem + "-timestamp", StringComparison.OrdinalIgnoreCase));
        return id is null || timestamp is null ? null : (id.Name, timestamp.Name);
    }

    /// <summary>The algorithm of the first <c>method=</c> or quoted method name in the text.</summary>
    private static string? MethodPrefix(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var method in Methods)
        {
            if (text!.IndexOf(method + "=", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("\"" + method + "\"", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return char.ToUpperInvariant(method[0]) + method.Substring(1);
            }
        }

        return null;
    }
}
