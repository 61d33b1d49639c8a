using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shouldly;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

public class StandardWebhooksSignatureTests
{
    // The example of the Standard Webhooks specification's test vectors: a whsec_ secret is base64 of the key.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_614_265_330);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Computed independently: base64 HMAC-SHA256 of id.timestamp.body under the base64-decoded key.</summary>
    private static string Sign(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes(id + "." + timestamp + ".").AsSpan().ToArray();
        var all = new byte[content.Length + body.Length];
        content.CopyTo(all, 0);
        body.CopyTo(all, content.Length);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, all));
    }

    private static HeaderDictionary Headers(string? signature, string? id = Id, string? timestamp = null)
    {
        var headers = new HeaderDictionary();
        if (signature is not null)
        {
            headers["webhook-signature"] = signature;
        }

        if (id is not null)
        {
            headers["webhook-id"] = id;
        }

        headers["webhook-timestamp"] = timestamp ?? Timestamp(Now);
        return headers;
    }

    private static SignatureVerificationResult Verify(IHeaderDictionary headers, byte[]? body = null, DateTimeOffset? now = null, params string[] secrets) =>
        new ConfigurableSignatureVerifier(WebhookSignatureScheme.StandardWebhooks(), new FakeTimeProvider(now ?? Now))
            .Verify(headers, body ?? Body, secrets.Length == 0 ? [Secret] : secrets);

    [Fact]
    public void Matches_the_specification_test_vector()
    {
        Sign(Secret, Id, "1614265330", Body).ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        Verify(Headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Secret_without_whsec_prefix_is_the_same_key()
    {
        Verify(Headers(Sign(Secret, Id, Timestamp(Now), Body)), secrets: Secret["whsec_".Length..]).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Secret_used_as_raw_text_does_not_verify()
    {
        // The key is the base64-decoded secret, never its characters: a sender signing with the text is not accepted.
        var key = Encoding.UTF8.GetBytes(Secret);
        var forged = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Id + "." + Timestamp(Now) + "." + Encoding.UTF8.GetString(Body))));
        Verify(Headers(forged)).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Wrong_secret_is_Mismatch()
    {
        var other = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another key of some length"));
        Verify(Headers(Sign(other, Id, Timestamp(Now), Body))).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Tampered_body_id_or_timestamp_is_Mismatch()
    {
        var signature = Sign(Secret, Id, Timestamp(Now), Body);
        Verify(Headers(signature), Encoding.UTF8.GetBytes("""{"test": 2432232315}""")).ShouldBe(SignatureVerificationResult.Mismatch);
        Verify(Headers(signature, id: "msg_other")).ShouldBe(SignatureVerificationResult.Mismatch);
        Verify(Headers(signature, timestamp: Timestamp(Now.AddSeconds(1)))).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Missing_headers_are_Missing()
    {
        var signature = Sign(Secret, Id, Timestamp(Now), Body);
        Verify(Headers(null)).ShouldBe(SignatureVerificationResult.Missing);
        Verify(Headers(signature, id: null)).ShouldBe(SignatureVerificationResult.Missing);
        var noTimestamp = Headers(signature);
        noTimestamp.Remove("webhook-timestamp");
        Verify(noTimestamp).ShouldBe(SignatureVerificationResult.Missing);
    }

    [Theory]
    [InlineData("v1,not base64!")]
    [InlineData("v1,AAAA")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Unreadable_signatures_are_Malformed(string signature)
    {
        Verify(Headers(signature)).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1614265330")]
    [InlineData("1614265330.5")]
    [InlineData("99999999999999999999")]
    [InlineData("999999999999")] // year 33658: no time a DateTimeOffset can hold
    public void Unreadable_timestamp_is_Malformed(string timestamp)
    {
        Verify(Headers(Sign(Secret, Id, timestamp, Body), timestamp: timestamp)).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Hex_instead_of_base64_is_Malformed()
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Id + "." + Timestamp(Now) + "." + Encoding.UTF8.GetString(Body))));
        Verify(Headers("v1," + hex)).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Theory]
    [InlineData("v1,{bad} v1,{good}")]
    [InlineData("v1a,xyz v1,{good}")]
    [InlineData("v1,{good}  v1,{bad}")]
    public void One_good_signature_among_several_space_separated_is_Valid(string pattern)
    {
        var other = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("old key"));
        var header = pattern
            .Replace("v1,{good}", Sign(Secret, Id, Timestamp(Now), Body), StringComparison.Ordinal)
            .Replace("v1,{bad}", Sign(other, Id, Timestamp(Now), Body), StringComparison.Ordinal);
        Verify(Headers(header)).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Second_secret_matching_is_Valid()
    {
        var old = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("old key"));
        Verify(Headers(Sign(Secret, Id, Timestamp(Now), Body)), secrets: [old, Secret]).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void A_secret_that_is_not_base64_matches_nothing_but_the_others_still_do()
    {
        Verify(Headers(Sign(Secret, Id, Timestamp(Now), Body)), secrets: ["whsec_***not base64***", Secret]).ShouldBe(SignatureVerificationResult.Valid);
        Verify(Headers(Sign(Secret, Id, Timestamp(Now), Body)), secrets: ["whsec_***not base64***"]).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-3600)]
    [InlineData(86400)]
    public void Timestamp_beyond_the_default_tolerance_is_TimestampOutOfRange(int offsetSeconds)
    {
        var timestamp = Timestamp(Now.AddSeconds(offsetSeconds));
        Verify(Headers(Sign(Secret, Id, timestamp, Body), timestamp: timestamp)).ShouldBe(SignatureVerificationResult.TimestampOutOfRange);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(299)]
    [InlineData(300)]
    public void Timestamp_within_the_default_tolerance_is_Valid(int offsetSeconds)
    {
        var timestamp = Timestamp(Now.AddSeconds(offsetSeconds));
        Verify(Headers(Sign(Secret, Id, timestamp, Body), timestamp: timestamp)).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Theory]
    [InlineData(300_001)]
    [InlineData(-300_001)]
    public void A_fraction_of_a_second_beyond_the_tolerance_is_TimestampOutOfRange(int offsetMilliseconds)
    {
        // The timestamp is whole seconds; the clock is not, and is not rounded in the sender's favour.
        var timestamp = Timestamp(Now);
        Verify(Headers(Sign(Secret, Id, timestamp, Body), timestamp: timestamp), now: Now.AddMilliseconds(offsetMilliseconds))
            .ShouldBe(SignatureVerificationResult.TimestampOutOfRange);
    }

    [Fact]
    public void Tolerance_is_configurable_and_the_clock_is_the_one_given()
    {
        var clock = new FakeTimeProvider(Now);
        var verifier = new ConfigurableSignatureVerifier(WebhookSignatureScheme.StandardWebhooks() with { TimestampTolerance = TimeSpan.FromSeconds(30) }, clock);
        var headers = Headers(Sign(Secret, Id, Timestamp(Now), Body));

        verifier.Verify(headers, Body, [Secret]).ShouldBe(SignatureVerificationResult.Valid);
        clock.Advance(TimeSpan.FromSeconds(31));
        verifier.Verify(headers, Body, [Secret]).ShouldBe(SignatureVerificationResult.TimestampOutOfRange);
        clock.Advance(TimeSpan.FromSeconds(-62));
        verifier.Verify(headers, Body, [Secret]).ShouldBe(SignatureVerificationResult.TimestampOutOfRange);
    }

    [Fact]
    public void A_stale_delivery_with_a_wrong_signature_is_Mismatch_not_TimestampOutOfRange()
    {
        var timestamp = Timestamp(Now.AddHours(-1));
        var other = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("old key"));
        Verify(Headers(Sign(other, Id, timestamp, Body), timestamp: timestamp)).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Svix_headers_are_the_same_scheme_under_other_names()
    {
        var verifier = new ConfigurableSignatureVerifier(WebhookSignatureScheme.StandardWebhooks("svix-signature", "svix-id", "svix-timestamp"), new FakeTimeProvider(Now));
        var headers = new HeaderDictionary
        {
            ["svix-id"] = Id,
            ["svix-timestamp"] = Timestamp(Now),
            ["svix-signature"] = Sign(Secret, Id, Timestamp(Now), Body),
        };

        verifier.Verify(headers, Body, [Secret]).ShouldBe(SignatureVerificationResult.Valid);
    }
}
