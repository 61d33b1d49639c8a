using System;
using System.Collections.Generic;
using System.Text;
using Shouldly;
using WebhookGen.Signatures;
using WebhookGen.Testing;
using Xunit;

namespace WebhookGen.Tests.Testing;

/// <summary>The signer against MACs computed elsewhere: the Standard Webhooks specification's vector, and <c>openssl dgst</c>.</summary>
public class WebhookSignerVectorTests
{
    private static readonly byte[] GridXBody = Encoding.UTF8.GetBytes("""{"event":"site.update","id":"evt_1"}""");
    private static readonly DateTimeOffset At1700000000 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void GridX_matches_openssl()
    {
        // printf '%s' "$body" | openssl dgst -sha512 -hmac 'gridx-test-secret'
        var signer = new WebhookSigner(WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512), "gridx-test-secret");

        signer.Sign(GridXBody).ShouldBe(
        [
            new("X-Signature", "sha512=d4f138350e642741f732ab671d561db467b83117f7c4cc57df5e1cb1f46c68094156554501b1177450c3970b2e85a596080c54c0012658400d8c38aa832cc0a6"),
        ]);
    }

    [Fact]
    public void Standard_Webhooks_matches_the_specification_test_vector()
    {
        var signer = new WebhookSigner(WebhookSignatureScheme.StandardWebhooks(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var headers = signer.Sign(Encoding.UTF8.GetBytes("""{"test": 2432232314}"""), "msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1_614_265_330));

        headers.ShouldBe(
        [
            new("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
            new("webhook-timestamp", "1614265330"),
            new("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
        ]);
    }

    [Fact]
    public void Stripe_matches_openssl()
    {
        // printf '%s' "1700000000.$body" | openssl dgst -sha256 -hmac 'whsec_stripe_test_secret'
        var signer = new WebhookSigner(WebhookSignatureScheme.Stripe(), "whsec_stripe_test_secret");

        signer.Sign(GridXBody, timestamp: At1700000000).ShouldBe(
        [
            new("Stripe-Signature", "t=1700000000,v1=b64436c09cb0157f8281cc76938f720ece623d48309a3a546428894b15bd14c6"),
        ]);
    }

    [Fact]
    public void Custom_scheme_matches_openssl()
    {
        // printf '%s' "1700000000:dlv_42:$body" | openssl dgst -sha1 -hmac 'acme-secret' -binary | base64
        var scheme = new WebhookSignatureScheme
        {
            HeaderName = "X-Acme-Signature",
            SecretEncoding = SecretEncoding.Utf8,
            Algorithm = HmacAlgorithm.Sha1,
            Encoding = SignatureEncoding.Base64,
            Prefix = "v1=",
            SignedContent = [SignedContentPart.Timestamp, SignedContentPart.Id, SignedContentPart.Body],
            ContentSeparator = ":",
            IdHeaderName = "X-Acme-Delivery",
            TimestampHeaderName = "X-Acme-Timestamp",
        };

        new WebhookSigner(scheme, "acme-secret").Sign(GridXBody, "dlv_42", At1700000000).ShouldBe(
        [
            new KeyValuePair<string, string>("X-Acme-Delivery", "dlv_42"),
            new("X-Acme-Timestamp", "1700000000"),
            new("X-Acme-Signature", "v1=URtamKWiLroxONcPaSwpzbkcfAY="),
        ]);
    }
}
