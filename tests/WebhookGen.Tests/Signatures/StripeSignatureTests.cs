using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shouldly;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

public class StripeSignatureTests
{
    private const string Secret = "whsec_test_secret_used_as_raw_text";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"payment_intent.succeeded"}""");

    private static long T(DateTimeOffset at) => at.ToUnixTimeSeconds();

    /// <summary>Computed independently: hex HMAC-SHA256 of "{t}.{body}" under the secret's UTF-8 bytes (Stripe keeps whsec_ in the key).</summary>
    private static string Hex(string secret, long t, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + ".").Concat(body)));

    private static SignatureVerificationResult Verify(string? header, byte[]? body = null, params string[] secrets)
    {
        var headers = new HeaderDictionary();
        if (header is not null)
        {
            headers["Stripe-Signature"] = header;
        }

        return new ConfigurableSignatureVerifier(WebhookSignatureScheme.Stripe(), new FakeTimeProvider(Now))
            .Verify(headers, body ?? Body, secrets.Length == 0 ? [Secret] : secrets);
    }

    [Fact]
    public void Valid_signature_is_accepted()
    {
        Verify($"t={T(Now)},v1={Hex(Secret, T(Now), Body)}").ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Timestamp_may_follow_the_signatures_and_v0_entries_are_ignored()
    {
        Verify($"v1={Hex(Secret, T(Now), Body)},v0=0123abcd,t={T(Now)}").ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Upper_case_hex_is_accepted()
    {
        Verify($"t={T(Now)},v1={Hex(Secret, T(Now), Body).ToUpperInvariant()}").ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Wrong_secret_is_Mismatch()
    {
        Verify($"t={T(Now)},v1={Hex("whsec_other", T(Now), Body)}").ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Tampered_body_or_timestamp_is_Mismatch()
    {
        Verify($"t={T(Now)},v1={Hex(Secret, T(Now), Body)}", Encoding.UTF8.GetBytes("{}")).ShouldBe(SignatureVerificationResult.Mismatch);
        Verify($"t={T(Now) + 1},v1={Hex(Secret, T(Now), Body)}").ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Missing_header_is_Missing(string? header)
    {
        Verify(header).ShouldBe(SignatureVerificationResult.Missing);
    }

    [Fact]
    public void Missing_timestamp_is_Missing()
    {
        Verify($"v1={Hex(Secret, T(Now), Body)}").ShouldBe(SignatureVerificationResult.Missing);
    }

    [Theory]
    [InlineData("t=,v1={sig}")]
    [InlineData("t=abc,v1={sig}")]
    [InlineData("t={t},t={t},v1={sig}")]
    [InlineData("t={t},v1=nothex")]
    [InlineData("t={t},v1={sig}00")]
    [InlineData("t={t},v0={sig}")]
    public void Unreadable_header_is_Malformed(string pattern)
    {
        var header = pattern.Replace("{t}", T(Now).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{sig}", Hex(Secret, T(Now), Body), StringComparison.Ordinal);
        Verify(header).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Several_signatures_any_valid_one_accepts()
    {
        Verify($"t={T(Now)},v1={Hex("old", T(Now), Body)},v1={Hex(Secret, T(Now), Body)}").ShouldBe(SignatureVerificationResult.Valid);
        Verify($"t={T(Now)},v1={Hex("old", T(Now), Body)},v1={Hex("older", T(Now), Body)}").ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Several_secrets_any_valid_one_accepts()
    {
        Verify($"t={T(Now)},v1={Hex(Secret, T(Now), Body)}", null, "rotated-out", Secret).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Secret_is_raw_text_never_base64_decoded()
    {
        // Stripe's secrets also start with whsec_, but the key is their text: the scheme says so, nothing is guessed.
        var decodedKey = Convert.FromBase64String("dGVzdA==");
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(decodedKey, Encoding.UTF8.GetBytes(T(Now) + ".").Concat(Body)));
        Verify($"t={T(Now)},v1={mac}", null, "whsec_dGVzdA==").ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamp_too_old_or_too_new_is_TimestampOutOfRange(int offset)
    {
        var t = T(Now) + offset;
        Verify($"t={t},v1={Hex(Secret, t, Body)}").ShouldBe(SignatureVerificationResult.TimestampOutOfRange);
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Concat(this byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
