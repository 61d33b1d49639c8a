using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.Signatures;
using WebhookGen.Testing;
using WebhookGen.Tests.Signatures;
using Xunit;

namespace WebhookGen.Tests.Testing;

public class WebhookSignerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"site.update","value":42}""");

    private static HeaderDictionary ToHeaders(IEnumerable<KeyValuePair<string, string>> signed)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in signed)
        {
            headers.Append(name, value);
        }

        return headers;
    }

    private static SignatureVerificationResult Verify(WebhookSignatureScheme scheme, IEnumerable<KeyValuePair<string, string>> signed, byte[] body, string secret, DateTimeOffset? now = null) =>
        new ConfigurableSignatureVerifier(scheme, new FakeTimeProvider(now ?? Now)).Verify(ToHeaders(signed), body, [secret]);

    private static IReadOnlyList<KeyValuePair<string, string>> Sign(WebhookSignatureScheme scheme, string secret, string? id = null) =>
        new WebhookSigner(scheme, secret, new FakeTimeProvider(Now)).Sign(Body, id);

    [Theory]
    [MemberData(nameof(SignerSchemes.Names), MemberType = typeof(SignerSchemes))]
    public void Signed_headers_are_accepted(string name)
    {
        var (scheme, secret, _) = SignerSchemes.Get(name);

        Verify(scheme, Sign(scheme, secret), Body, secret).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Theory]
    [MemberData(nameof(SignerSchemes.Names), MemberType = typeof(SignerSchemes))]
    public void Signed_headers_are_accepted_by_the_receivers_verifier(string name)
    {
        // The verifier a generated endpoint resolves: the receiver's runtime, for the scheme its spec declares.
        var (scheme, secret, _) = SignerSchemes.Get(name);
        var options = new WebhookReceiverOptions { Secret = secret };
        var runtime = new WebhookReceiverRuntime(
            new WebhookReceiverDescriptor("TestReceiver", "/hooks", scheme),
            new FixedOptionsMonitor(options),
            NullLoggerFactory.Instance,
            new FakeTimeProvider(Now),
            Observability.TestMetrics.Create());

        var verifier = runtime.GetVerifier(options).ShouldNotBeNull();

        verifier.Verify(ToHeaders(Sign(scheme, secret)), Body, options.GetSecrets()).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Theory]
    [MemberData(nameof(SignerSchemes.Names), MemberType = typeof(SignerSchemes))]
    public void Tampered_body_is_Mismatch(string name)
    {
        var (scheme, secret, _) = SignerSchemes.Get(name);
        var tampered = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"site.update","value":43}""");

        Verify(scheme, Sign(scheme, secret), tampered, secret).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [MemberData(nameof(SignerSchemes.Names), MemberType = typeof(SignerSchemes))]
    public void Wrong_secret_is_Mismatch(string name)
    {
        var (scheme, secret, other) = SignerSchemes.Get(name);

        Verify(scheme, Sign(scheme, other), Body, secret).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData(nameof(SignerSchemes.Name.StandardWebhooks))]
    [InlineData(nameof(SignerSchemes.Name.Stripe))]
    [InlineData(nameof(SignerSchemes.Name.InHeaderTimestampSemicolons))]
    public void Timestamp_comes_from_the_time_provider(string name)
    {
        var (scheme, secret, _) = SignerSchemes.Get(name);
        var clock = new FakeTimeProvider(Now);
        var signer = new WebhookSigner(scheme, secret, clock);
        clock.Advance(TimeSpan.FromMinutes(-10));

        var signed = signer.Sign(Body);

        string.Concat(signed.Select(h => h.Value)).ShouldContain((Now.ToUnixTimeSeconds() - 600).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Verify(scheme, signed, Body, secret, now: Now).ShouldBe(SignatureVerificationResult.TimestampOutOfRange);
        Verify(scheme, signed, Body, secret, now: clock.Now).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Given_timestamp_is_sent_in_unix_seconds()
    {
        var signed = new WebhookSigner(WebhookSignatureScheme.StandardWebhooks(), SignerSchemes.WhsecSecret)
            .Sign(Body, timestamp: Now.AddMilliseconds(999));

        signed.ShouldContain(new KeyValuePair<string, string>("webhook-timestamp", "1700000000"));
    }

    [Fact]
    public void Id_is_generated_for_a_scheme_with_an_id_header()
    {
        var signer = new WebhookSigner(WebhookSignatureScheme.StandardWebhooks(), SignerSchemes.WhsecSecret);

        var first = signer.Sign(Body).Single(h => h.Key == "webhook-id").Value;
        var second = signer.Sign(Body).Single(h => h.Key == "webhook-id").Value;

        first.ShouldMatch("^msg_[0-9a-f]{32}$");
        second.ShouldNotBe(first);
    }

    [Fact]
    public void Given_id_is_sent_and_signed()
    {
        var (scheme, secret, _) = SignerSchemes.Get(nameof(SignerSchemes.Name.IdOnlyNoSeparator));

        var signed = Sign(scheme, secret, id: "dlv_7");

        signed.ShouldContain(new KeyValuePair<string, string>("X-Delivery", "dlv_7"));
        var headers = ToHeaders(signed);
        headers["X-Delivery"] = "dlv_8";
        new ConfigurableSignatureVerifier(scheme).Verify(headers, Body, [secret]).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Hub_scheme_sends_only_the_signature_whatever_the_id_and_timestamp()
    {
        var signer = new WebhookSigner(WebhookSignatureScheme.Hub("X-Hub-Signature-256", HmacAlgorithm.Sha256), "s3cret");

        var signed = signer.Sign(Body, "dlv_1", Now);

        signed.ShouldHaveSingleItem().Key.ShouldBe("X-Hub-Signature-256");
        signed[0].Value.ShouldBe(new HubSignatureVerifier("X-Hub-Signature-256", HmacAlgorithm.Sha256).Sign(Body, "s3cret"));
    }

    [Fact]
    public void Secret_not_valid_in_the_scheme_encoding_is_refused_without_repeating_it()
    {
        var exception = Should.Throw<ArgumentException>(() => new WebhookSigner(WebhookSignatureScheme.StandardWebhooks(), "whsec_not base64!"));

        exception.ParamName.ShouldBe("secret");
        exception.Message.ShouldNotContain("not base64!");
    }

    [Fact]
    public void Inconsistent_scheme_is_refused()
    {
        var scheme = WebhookSignatureScheme.Stripe() with { TimestampHeaderName = "X-Timestamp" };

        Should.Throw<ArgumentException>(() => new WebhookSigner(scheme, "s")).ParamName.ShouldBe("scheme");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" msg_1")]
    [InlineData("msg_1 ")]
    public void Id_the_receiver_would_read_differently_is_refused(string id)
    {
        var signer = new WebhookSigner(WebhookSignatureScheme.StandardWebhooks(), SignerSchemes.WhsecSecret);

        Should.Throw<ArgumentException>(() => signer.Sign(Body, id)).ParamName.ShouldBe("id");
    }

    [Fact]
    public void Timestamp_before_1970_is_refused()
    {
        var signer = new WebhookSigner(WebhookSignatureScheme.Stripe(), "s");

        Should.Throw<ArgumentOutOfRangeException>(() => signer.Sign(Body, timestamp: DateTimeOffset.UnixEpoch.AddSeconds(-1))).ParamName.ShouldBe("timestamp");
    }

    private sealed class FixedOptionsMonitor(WebhookReceiverOptions options) : IOptionsMonitor<WebhookReceiverOptions>
    {
        public WebhookReceiverOptions CurrentValue => options;

        public WebhookReceiverOptions Get(string? name) => options;

        public IDisposable? OnChange(Action<WebhookReceiverOptions, string?> listener) => null;
    }
}
