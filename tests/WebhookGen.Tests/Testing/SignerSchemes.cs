using System;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Testing;

/// <summary>Every kind of scheme the signer must invert, each with a secret valid in its encoding.</summary>
internal static class SignerSchemes
{
    public const string WhsecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string OtherWhsecSecret = "whsec_YW5vdGhlciBrZXkgb2Ygc29tZSBsZW5ndGg=";

    public static TheoryData<string> Names => [.. Enum.GetNames<Name>()];

    public enum Name
    {
        HubSha1,
        HubSha256,
        GridX,
        StandardWebhooks,
        Svix,
        Stripe,
        TimestampHeaderBase64,
        InHeaderTimestampSemicolons,
        IdOnlyNoSeparator,
        BodyFirstUnsignedId,
        UnprefixedHexWhsec,
    }

    public static (WebhookSignatureScheme Scheme, string Secret, string OtherSecret) Get(string name) => Enum.Parse<Name>(name) switch
    {
        Name.HubSha1 => (WebhookSignatureScheme.Hub("X-Hub-Signature", HmacAlgorithm.Sha1), "s3cret", "other"),
        Name.HubSha256 => (WebhookSignatureScheme.Hub("X-Hub-Signature-256", HmacAlgorithm.Sha256), "s3cret", "other"),
        Name.GridX => (WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512), "gridx-test-secret", "other"),
        Name.StandardWebhooks => (WebhookSignatureScheme.StandardWebhooks(), WhsecSecret, OtherWhsecSecret),
        Name.Svix => (WebhookSignatureScheme.StandardWebhooks("svix-signature", "svix-id", "svix-timestamp"), WhsecSecret, OtherWhsecSecret),
        Name.Stripe => (WebhookSignatureScheme.Stripe(), "whsec_stripe_test_secret", "whsec_other"),
        Name.TimestampHeaderBase64 => (new WebhookSignatureScheme
        {
            HeaderName = "X-Acme-Signature",
            SecretEncoding = SecretEncoding.Utf8,
            Algorithm = HmacAlgorithm.Sha512,
            Encoding = SignatureEncoding.Base64,
            SignedContent = [SignedContentPart.Timestamp, SignedContentPart.Body],
            ContentSeparator = ":",
            TimestampHeaderName = "X-Acme-Timestamp",
        }, "acme", "emca"),
        Name.InHeaderTimestampSemicolons => (new WebhookSignatureScheme
        {
            HeaderName = "X-Ts-Signature",
            SecretEncoding = SecretEncoding.Utf8,
            Prefix = "sig=",
            SignedContent = [SignedContentPart.Body, SignedContentPart.Timestamp],
            ContentSeparator = "|",
            SignatureSeparator = ";",
            TimestampPrefix = "ts=",
        }, "acme", "emca"),
        Name.IdOnlyNoSeparator => (new WebhookSignatureScheme
        {
            HeaderName = "X-Id-Signature",
            SecretEncoding = SecretEncoding.Utf8,
            Prefix = "v2 ",
            SignedContent = [SignedContentPart.Id, SignedContentPart.Body],
            ContentSeparator = string.Empty,
            IdHeaderName = "X-Delivery",
        }, "acme", "emca"),
        Name.BodyFirstUnsignedId => (new WebhookSignatureScheme
        {
            HeaderName = "X-Signature",
            SecretEncoding = SecretEncoding.Utf8,
            Encoding = SignatureEncoding.Base64,
            Prefix = "hmac-sha256=",
            IdHeaderName = "X-Delivery",
        }, "acme", "emca"),
        _ => (new WebhookSignatureScheme
        {
            HeaderName = "Signature",
            SecretEncoding = SecretEncoding.WhsecBase64,
            SignedContent = [SignedContentPart.Body, SignedContentPart.Id],
            IdHeaderName = "Message-Id",
        }, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "YW5vdGhlciBrZXkgb2Ygc29tZSBsZW5ndGg="),
    };
}
