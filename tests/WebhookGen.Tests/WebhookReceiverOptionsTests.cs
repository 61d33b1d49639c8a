using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Shouldly;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests;

public class WebhookReceiverOptionsTests
{
    [Fact]
    public void Defaults()
    {
        var options = new WebhookReceiverOptions();

        options.Secret.ShouldBeNull();
        options.Secrets.ShouldBeEmpty();
        options.MaxRequestBodySize.ShouldBe(1024 * 1024);
        WebhookReceiverOptions.DefaultMaxRequestBodySize.ShouldBe(1024 * 1024);
        options.AllowUnsignedDeliveries.ShouldBeFalse();
        options.GetSignatureVerifier().ShouldBeNull();
        options.GetSecrets().ShouldBeEmpty();
    }

    [Fact]
    public void GetSecrets_puts_Secret_first_then_Secrets()
    {
        var options = new WebhookReceiverOptions { Secret = "current" };
        options.Secrets.Add("next");
        options.Secrets.Add("previous");

        options.GetSecrets().ShouldBe(["current", "next", "previous"]);
    }

    [Fact]
    public void GetSecrets_without_Secret_is_Secrets()
    {
        var options = new WebhookReceiverOptions();
        options.Secrets.Add("a");
        options.Secrets.Add("b");

        options.GetSecrets().ShouldBe(["a", "b"]);
    }

    [Fact]
    public void GetSecrets_drops_duplicates()
    {
        var options = new WebhookReceiverOptions { Secret = "a" };
        options.Secrets.Add("b");
        options.Secrets.Add("a");
        options.Secrets.Add("b");
        options.Secrets.Add("A");

        options.GetSecrets().ShouldBe(["a", "b", "A"]);
    }

    [Fact]
    public void GetSecrets_drops_empty_entries()
    {
        var options = new WebhookReceiverOptions { Secret = "" };
        options.Secrets.Add("");
        options.Secrets.Add(null!);
        options.Secrets.Add("x");

        options.GetSecrets().ShouldBe(["x"]);
    }

    [Fact]
    public void GetSecrets_drops_blank_entries()
    {
        var options = new WebhookReceiverOptions { Secret = "   " };
        options.Secrets.Add("\t");
        options.Secrets.Add(" y ");

        options.GetSecrets().ShouldBe([" y "]);
    }

    [Fact]
    public void GetSecrets_is_a_snapshot()
    {
        var options = new WebhookReceiverOptions { Secret = "a" };
        var secrets = options.GetSecrets();

        options.Secrets.Add("b");

        secrets.ShouldBe(["a"]);
        options.GetSecrets().ShouldBe(["a", "b"]);
    }

    [Fact]
    public void UseSignatureVerifier_sets_the_verifier_and_returns_the_options()
    {
        var options = new WebhookReceiverOptions();
        var verifier = new HubSignatureVerifier("X-Hub-Signature-256", HmacAlgorithm.Sha256);

        options.UseSignatureVerifier(verifier).ShouldBeSameAs(options);
        options.GetSignatureVerifier().ShouldBeSameAs(verifier);
    }

    [Fact]
    public void UseSignatureVerifier_rejects_null()
    {
        var options = new WebhookReceiverOptions();

        Should.Throw<ArgumentNullException>(() => options.UseSignatureVerifier(null!)).ParamName.ShouldBe("verifier");
        options.GetSignatureVerifier().ShouldBeNull();
    }

    [Fact]
    public void Binds_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Webhooks:GridXReceiver:Secret"] = "current",
                ["Webhooks:GridXReceiver:Secrets:0"] = "previous",
                ["Webhooks:GridXReceiver:Secrets:1"] = "older",
                ["Webhooks:GridXReceiver:MaxRequestBodySize"] = "2048",
                ["Webhooks:GridXReceiver:AllowUnsignedDeliveries"] = "true",
            })
            .Build();
        var options = new WebhookReceiverOptions();

        configuration.GetSection("Webhooks:GridXReceiver").Bind(options);

        options.Secret.ShouldBe("current");
        options.Secrets.ShouldBe(["previous", "older"]);
        options.MaxRequestBodySize.ShouldBe(2048);
        options.AllowUnsignedDeliveries.ShouldBeTrue();
        options.GetSecrets().ShouldBe(["current", "previous", "older"]);
    }

    [Fact]
    public void Payload_reading_is_tolerant_by_default_and_binds_from_configuration()
    {
        new WebhookReceiverOptions().PayloadReading.ShouldBe(WebhookPayloadReading.Tolerant);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:GridXReceiver:PayloadReading"] = "Strict" })
            .Build();
        var options = new WebhookReceiverOptions();

        configuration.GetSection("Webhooks:GridXReceiver").Bind(options);

        options.PayloadReading.ShouldBe(WebhookPayloadReading.Strict);
    }

    private sealed class NeverValid : IWebhookSignatureVerifier
    {
        public SignatureVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets) =>
            SignatureVerificationResult.Mismatch;
    }

    [Fact]
    public void A_custom_verifier_can_be_set()
    {
        var options = new WebhookReceiverOptions().UseSignatureVerifier(new NeverValid());

        options.GetSignatureVerifier().ShouldBeOfType<NeverValid>();
    }
}
