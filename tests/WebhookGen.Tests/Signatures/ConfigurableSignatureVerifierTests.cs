using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shouldly;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

public class ConfigurableSignatureVerifierTests
{
    private const string Secret = "s3cr3t";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"order.paid"}""");

    private static SignatureVerificationResult Verify(WebhookSignatureScheme scheme, HeaderDictionary headers, params string[] secrets) =>
        new ConfigurableSignatureVerifier(scheme, new FakeTimeProvider(Now)).Verify(headers, Body, secrets.Length == 0 ? [Secret] : secrets);

    [Fact]
    public void Hub_scheme_expressed_as_data_verifies_like_HubSignatureVerifier()
    {
        var hub = new WebhookSignatureScheme
        {
            HeaderName = "X-Hub-Signature-256",
            SecretEncoding = SecretEncoding.Utf8,
            Algorithm = HmacAlgorithm.Sha256,
            Encoding = SignatureEncoding.Hex,
            Prefix = "sha256=",
        };
        var header = new HubSignatureVerifier("X-Hub-Signature-256", HmacAlgorithm.Sha256).Sign(Body, Secret);

        hub.ShouldBe(WebhookSignatureScheme.Hub("X-Hub-Signature-256", HmacAlgorithm.Sha256) with { SignedContent = hub.SignedContent });
        Verify(hub, new HeaderDictionary { ["X-Hub-Signature-256"] = header }).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Theory]
    [InlineData(HmacAlgorithm.Sha1)]
    [InlineData(HmacAlgorithm.Sha256)]
    [InlineData(HmacAlgorithm.Sha512)]
    public void Base64_without_prefix_in_every_algorithm(HmacAlgorithm algorithm)
    {
        var key = Encoding.UTF8.GetBytes(Secret);
#pragma warning disable CA5350 // The scheme allows HMAC-SHA1; the test computes the expected value independently.
        var mac = algorithm switch
        {
            HmacAlgorithm.Sha1 => HMACSHA1.HashData(key, Body),
            HmacAlgorithm.Sha256 => HMACSHA256.HashData(key, Body),
            _ => HMACSHA512.HashData(key, Body),
        };
#pragma warning restore CA5350
        var scheme = new WebhookSignatureScheme { HeaderName = "X-Sig", SecretEncoding = SecretEncoding.Utf8, Algorithm = algorithm, Encoding = SignatureEncoding.Base64 };

        Verify(scheme, new HeaderDictionary { ["X-Sig"] = Convert.ToBase64String(mac) }).ShouldBe(SignatureVerificationResult.Valid);
        Verify(scheme, new HeaderDictionary { ["X-Sig"] = Convert.ToHexString(mac) }).ShouldBe(SignatureVerificationResult.Malformed);
        Verify(scheme with { Encoding = SignatureEncoding.Hex }, new HeaderDictionary { ["X-Sig"] = Convert.ToHexString(mac) }).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Custom_content_order_and_separators()
    {
        // timestamp:id:body, signed with sha512, in a header of "v2=<hex>;v2=<hex>".
        var scheme = new WebhookSignatureScheme
        {
            HeaderName = "X-Acme-Signature",
            SecretEncoding = SecretEncoding.Utf8,
            Algorithm = HmacAlgorithm.Sha512,
            Prefix = "v2=",
            SignedContent = [SignedContentPart.Timestamp, SignedContentPart.Id, SignedContentPart.Body],
            ContentSeparator = ":",
            SignatureSeparator = ";",
            IdHeaderName = "X-Acme-Delivery",
            TimestampHeaderName = "X-Acme-Time",
        };
        var t = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + ":d-42:").Concat(Body)));
        var headers = new HeaderDictionary { ["X-Acme-Signature"] = "v2=00;v2=" + mac, ["X-Acme-Delivery"] = "d-42", ["X-Acme-Time"] = t };

        Verify(scheme, headers).ShouldBe(SignatureVerificationResult.Valid);
        Verify(scheme with { ContentSeparator = "." }, headers).ShouldBe(SignatureVerificationResult.Mismatch);
        headers["X-Acme-Delivery"] = "d-43";
        Verify(scheme, headers).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void A_timestamp_header_outside_the_signed_content_is_still_checked()
    {
        var scheme = new WebhookSignatureScheme { HeaderName = "X-Sig", SecretEncoding = SecretEncoding.Utf8, TimestampHeaderName = "X-Time" };
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        Verify(scheme, new HeaderDictionary { ["X-Sig"] = mac, ["X-Time"] = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ShouldBe(SignatureVerificationResult.Valid);
        Verify(scheme, new HeaderDictionary { ["X-Sig"] = mac, ["X-Time"] = (Now.ToUnixTimeSeconds() - 3600).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ShouldBe(SignatureVerificationResult.TimestampOutOfRange);
        Verify(scheme, new HeaderDictionary { ["X-Sig"] = mac }).ShouldBe(SignatureVerificationResult.Missing);
    }

    [Fact]
    public void Several_values_of_the_id_header_are_Malformed()
    {
        var headers = new HeaderDictionary
        {
            ["webhook-signature"] = "v1," + Convert.ToBase64String(new byte[32]),
            ["webhook-id"] = new Microsoft.Extensions.Primitives.StringValues(["a", "b"]),
            ["webhook-timestamp"] = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        Verify(WebhookSignatureScheme.StandardWebhooks(), headers, "whsec_" + Convert.ToBase64String(new byte[24])).ShouldBe(SignatureVerificationResult.Malformed);
    }

    public static TheoryData<WebhookSignatureScheme, string> InvalidSchemes => new()
    {
        { new WebhookSignatureScheme { HeaderName = " ", SecretEncoding = SecretEncoding.Utf8 }, "HeaderName" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, SignedContent = [] }, "at least the body" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, SignedContent = [SignedContentPart.Id] }, "must include the body" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, SignedContent = [SignedContentPart.Body, SignedContentPart.Body] }, "twice" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, SignedContent = [SignedContentPart.Id, SignedContentPart.Body] }, "IdHeaderName" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, SignedContent = [SignedContentPart.Timestamp, SignedContentPart.Body] }, "TimestampHeaderName or TimestampPrefix" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, TimestampHeaderName = "T", TimestampPrefix = "t=" }, "exclusive" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, TimestampTolerance = TimeSpan.Zero }, "positive" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = SecretEncoding.Utf8, SignatureSeparator = "" }, "SignatureSeparator" },
        { new WebhookSignatureScheme { HeaderName = "X", SecretEncoding = (SecretEncoding)7 }, "SecretEncoding" },
    };

    [Theory]
    [MemberData(nameof(InvalidSchemes))]
    public void An_inconsistent_scheme_is_refused_when_the_verifier_is_built(WebhookSignatureScheme scheme, string problem)
    {
        Should.Throw<ArgumentException>(() => new ConfigurableSignatureVerifier(scheme)).Message.ShouldContain(problem);
    }

    [Fact]
    public void Presets_are_valid_and_the_default_clock_is_the_system_one()
    {
        WebhookSignatureScheme.StandardWebhooks().Validate().ShouldBeEmpty();
        WebhookSignatureScheme.Stripe().Validate().ShouldBeEmpty();
        WebhookSignatureScheme.Hub("X-Hub-Signature", HmacAlgorithm.Sha1).Validate().ShouldBeEmpty();
        new ConfigurableSignatureVerifier(WebhookSignatureScheme.Stripe()).TimeProvider.ShouldBe(TimeProvider.System);
        WebhookSignatureScheme.Stripe().TimestampTolerance.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("whsec_dGVzdA==", true)]
    [InlineData("dGVzdA==", true)]
    [InlineData("whsec_", false)]
    [InlineData("whsec_not base64", false)]
    public void DecodeSecret_reads_whsec_base64(string secret, bool valid)
    {
        var key = ConfigurableSignatureVerifier.DecodeSecret(secret, SecretEncoding.WhsecBase64);
        (key is not null).ShouldBe(valid);
        if (valid)
        {
            key.ShouldBe(Encoding.UTF8.GetBytes("test"));
        }

        ConfigurableSignatureVerifier.DecodeSecret(secret, SecretEncoding.Utf8).ShouldBe(Encoding.UTF8.GetBytes(secret));
    }
}
