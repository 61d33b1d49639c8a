using System;
using System.Collections.Generic;
using Microsoft.OpenApi;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Recognises the WebSub / <c>X-Hub-Signature</c> family from the header parameters the events declare:
/// a header whose example or description shows <c>sha1=</c>, <c>sha256=</c> or <c>sha512=</c>, or one of the
/// well-known names (<c>X-Hub-Signature</c> is SHA-1, <c>X-Hub-Signature-256</c> is SHA-256).
/// </summary>
internal static class SignatureSchemeDetector
{
    private static readonly string[] Methods = ["sha512", "sha256", "sha1"];

    public static SignatureModel? Detect(IEnumerable<IOpenApiParameter> headerParameters)
    {
        foreach (var parameter in headerParameters)
        {
            if (parameter.Name is not { Length: > 0 } name)
            {
                continue;
            }

            if (name.Equals("X-Hub-Signature-256", StringComparison.OrdinalIgnoreCase))
            {
                return SignatureModel.Hub(name, "Sha256");
            }

            if (name.Equals("X-Hub-Signature", StringComparison.OrdinalIgnoreCase))
            {
                return SignatureModel.Hub(name, "Sha1");
            }

            var example = parameter.Example?.GetValueKind() == System.Text.Json.JsonValueKind.String ? parameter.Example.GetValue<string>() : null;
            if (MethodPrefix(example) is { } fromExample)
            {
                return SignatureModel.Hub(name, fromExample);
            }

            if (name.IndexOf("signature", StringComparison.OrdinalIgnoreCase) >= 0 && MethodPrefix(parameter.Description) is { } fromDescription)
            {
                return SignatureModel.Hub(name, fromDescription);
            }
        }

        return null;
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
