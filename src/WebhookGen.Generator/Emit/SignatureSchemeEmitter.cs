using System.Globalization;
using System.Linq;
using System.Text;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// The C# expression of a receiver's <c>WebhookSignatureScheme</c>: a preset call where the spec matched one
/// (<c>WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512)</c>), every property spelled out where the spec
/// declared it with <c>x-webhook-signature</c>, so a reader of the generated code sees exactly what is verified.
/// </summary>
internal static class SignatureSchemeEmitter
{
    public static string Expression(SignatureModel? signature, string indent)
    {
        if (signature is null)
        {
            return "null";
        }

        var expression = signature.Kind switch
        {
            SignatureKind.Hub => $"{KnownTypes.SignatureScheme}.Hub({CSharp.Literal(signature.HeaderName)}, {KnownTypes.HmacAlgorithm}.{signature.Algorithm})",
            SignatureKind.StandardWebhooks => $"{KnownTypes.SignatureScheme}.StandardWebhooks({CSharp.Literal(signature.HeaderName)}, {CSharp.Literal(signature.IdHeaderName!)}, {CSharp.Literal(signature.TimestampHeaderName!)})",
            SignatureKind.Stripe => $"{KnownTypes.SignatureScheme}.Stripe({CSharp.Literal(signature.HeaderName)})",
            _ => null,
        };

        if (expression is not null)
        {
            return signature.ToleranceSeconds == SignatureModel.DefaultToleranceSeconds
                ? expression
                : $"{expression} with {{ TimestampTolerance = {Tolerance(signature)} }}";
        }

        var inner = indent + "    ";
        var builder = new StringBuilder();
        builder.Append("new ").Append(KnownTypes.SignatureScheme).AppendLine();
        builder.Append(indent).AppendLine("{");
        Property(builder, inner, "HeaderName", CSharp.Literal(signature.HeaderName));
        Property(builder, inner, "SecretEncoding", $"{KnownTypes.SecretEncoding}.{signature.SecretEncoding}");
        Property(builder, inner, "Algorithm", $"{KnownTypes.HmacAlgorithm}.{signature.Algorithm}");
        Property(builder, inner, "Encoding", $"{KnownTypes.SignatureEncoding}.{signature.Encoding}");
        Property(builder, inner, "Prefix", CSharp.Literal(signature.Prefix));
        Property(builder, inner, "SignedContent", "new[] { " + string.Join(", ", signature.SignedContent.Select(p => $"{KnownTypes.SignedContentPart}.{p}")) + " }");
        Property(builder, inner, "ContentSeparator", CSharp.Literal(signature.ContentSeparator));
        Property(builder, inner, "SignatureSeparator", CSharp.Literal(signature.SignatureSeparator));
        Property(builder, inner, "IdHeaderName", signature.IdHeaderName is null ? "null" : CSharp.Literal(signature.IdHeaderName));
        Property(builder, inner, "TimestampHeaderName", signature.TimestampHeaderName is null ? "null" : CSharp.Literal(signature.TimestampHeaderName));
        Property(builder, inner, "TimestampPrefix", signature.TimestampPrefix is null ? "null" : CSharp.Literal(signature.TimestampPrefix));
        Property(builder, inner, "TimestampTolerance", Tolerance(signature));
        builder.Append(indent).Append('}');
        return builder.ToString();
    }

    private static string Tolerance(SignatureModel signature) =>
        $"{KnownTypes.TimeSpan}.FromSeconds({signature.ToleranceSeconds.ToString(CultureInfo.InvariantCulture)})";

    private static void Property(StringBuilder builder, string indent, string name, string value) =>
        builder.Append(indent).Append(name).Append(" = ").Append(value).AppendLine(",");
}
