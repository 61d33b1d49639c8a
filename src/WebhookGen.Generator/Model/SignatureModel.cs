using System.Collections.Immutable;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>
/// The signature scheme the spec declares, as plain data that maps 1:1 onto the runtime's <c>WebhookSignatureScheme</c>.
/// Enum-valued fields hold the runtime member's name.
/// </summary>
/// <param name="Kind">Where it came from: a preset (<see cref="SignatureKind.Hub"/>, ...) or <see cref="SignatureKind.Extension"/>.</param>
/// <param name="Algorithm">The runtime's <c>HmacAlgorithm</c> member: Sha1, Sha256 or Sha512.</param>
/// <param name="Encoding">The runtime's <c>SignatureEncoding</c> member: Hex or Base64.</param>
/// <param name="SignedContent">The runtime's <c>SignedContentPart</c> members, in order: Id, Timestamp, Body.</param>
/// <param name="SecretEncoding">The runtime's <c>SecretEncoding</c> member: Utf8 or WhsecBase64.</param>
internal sealed record SignatureModel(
    SignatureKind Kind,
    string HeaderName,
    string Algorithm,
    string Encoding,
    string Prefix,
    EquatableArray<string> SignedContent,
    string ContentSeparator,
    string SignatureSeparator,
    string? IdHeaderName,
    string? TimestampHeaderName,
    string? TimestampPrefix,
    int ToleranceSeconds,
    string SecretEncoding)
{
    public const int DefaultToleranceSeconds = 300;

    /// <summary>The WebSub / X-Hub-Signature family: <c>&lt;method&gt;=&lt;hex&gt;</c> of the body.</summary>
    public static SignatureModel Hub(string headerName, string algorithm) =>
        new(SignatureKind.Hub, headerName, algorithm, "Hex", algorithm.ToLowerInvariant() + "=", Parts("Body"), ".", ",", null, null, null, DefaultToleranceSeconds, "Utf8");

    /// <summary>Standard Webhooks: <c>v1,&lt;base64&gt;</c> of <c>{id}.{timestamp}.{body}</c>, whsec_ secret.</summary>
    public static SignatureModel StandardWebhooks(string headerName, string idHeaderName, string timestampHeaderName) =>
        new(SignatureKind.StandardWebhooks, headerName, "Sha256", "Base64", "v1,", Parts("Id", "Timestamp", "Body"), ".", " ", idHeaderName, timestampHeaderName, null, DefaultToleranceSeconds, "WhsecBase64");

    /// <summary>Stripe: <c>t=&lt;ts&gt;,v1=&lt;hex&gt;</c> of <c>{t}.{body}</c>, raw secret.</summary>
    public static SignatureModel Stripe(string headerName) =>
        new(SignatureKind.Stripe, headerName, "Sha256", "Hex", "v1=", Parts("Timestamp", "Body"), ".", ",", null, null, "t=", DefaultToleranceSeconds, "Utf8");

    private static EquatableArray<string> Parts(params string[] parts) => new(ImmutableArray.Create(parts));
}

/// <summary>How a <see cref="SignatureModel"/> was declared, which decides how it is emitted.</summary>
internal enum SignatureKind
{
    /// <summary>Recognised as the X-Hub-Signature family: emitted as <c>WebhookSignatureScheme.Hub(...)</c>.</summary>
    Hub,

    /// <summary>Recognised as Standard Webhooks: emitted as <c>WebhookSignatureScheme.StandardWebhooks(...)</c>.</summary>
    StandardWebhooks,

    /// <summary>Recognised as Stripe's: emitted as <c>WebhookSignatureScheme.Stripe(...)</c>.</summary>
    Stripe,

    /// <summary>Declared with <c>x-webhook-signature</c>: emitted property by property.</summary>
    Extension,
}
