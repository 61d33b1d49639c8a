using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Signatures.SignatureSpecs;

namespace WebhookGen.Generator.Tests.Signatures;

/// <summary>The schemes recognised from the headers a spec declares, and the delivery-id header deliveries are deduplicated by.</summary>
public class SignatureDetectionTests
{
    private const string Scheme = "global::WebhookGen.Signatures.WebhookSignatureScheme";

    [Theory]
    [InlineData(new[] { "X-Signature=sha512=9f86d0" }, Scheme + ".Hub(\"X-Signature\", global::WebhookGen.Signatures.HmacAlgorithm.Sha512)")]
    [InlineData(new[] { "X-Hub-Signature" }, Scheme + ".Hub(\"X-Hub-Signature\", global::WebhookGen.Signatures.HmacAlgorithm.Sha1)")]
    [InlineData(new[] { "X-Hub-Signature-256" }, Scheme + ".Hub(\"X-Hub-Signature-256\", global::WebhookGen.Signatures.HmacAlgorithm.Sha256)")]
    [InlineData(new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }, Scheme + ".StandardWebhooks(\"webhook-signature\", \"webhook-id\", \"webhook-timestamp\")")]
    [InlineData(new[] { "svix-id", "svix-timestamp", "svix-signature" }, Scheme + ".StandardWebhooks(\"svix-signature\", \"svix-id\", \"svix-timestamp\")")]
    [InlineData(new[] { "Acme-Id", "Acme-Timestamp", "Acme-Signature=v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=" }, Scheme + ".StandardWebhooks(\"Acme-Signature\", \"Acme-Id\", \"Acme-Timestamp\")")]
    [InlineData(new[] { "Stripe-Signature" }, Scheme + ".Stripe(\"Stripe-Signature\")")]
    [InlineData(new[] { "X-Acme-Signature=t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd" }, Scheme + ".Stripe(\"X-Acme-Signature\")")]
    public void A_recognised_header_becomes_its_scheme(string[] headers, string expected)
    {
        var run = Run(Spec(headers));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain("signatureScheme: " + expected + ",");
    }

    [Fact]
    public void A_signature_header_that_is_not_understood_is_a_warning_at_its_line_and_the_receiver_has_no_scheme()
    {
        var spec = Spec(["X-Request-Id", "Lob-Signature", "Lob-Signature-Timestamp"]);
        var run = Run(spec);

        var warning = run.GeneratorDiagnostics.Single(d => d.Id == "WHG016");
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("Lob-Signature");
        var span = warning.Location.GetLineSpan();
        span.Path.ShouldBe("/app/hooks.yaml");
        spec.Split('\n')[span.StartLinePosition.Line].ShouldContain("name: Lob-Signature");
        run.GeneratorDiagnostics.ShouldContain(d => d.Id == "WHG009");
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain("signatureScheme: null,");
    }

    [Theory]
    [InlineData(new[] { "X-Hub-Signature", "X-GitHub-Delivery" }, "X-GitHub-Delivery")]
    [InlineData(new[] { "X-Hub-Signature", "Idempotency-Key" }, "Idempotency-Key")]
    [InlineData(new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }, "webhook-id")]
    [InlineData(new[] { "X-Hub-Signature", "X-Request-Id" }, null)]
    public void The_delivery_id_header_is_the_one_the_spec_designates(string[] headers, string? expected)
    {
        var run = Run(Spec(headers));

        run.Source(".Webhooks.g.cs").ShouldContain("deliveryIdHeader: " + (expected is null ? "null" : "\"" + expected + "\"") + ");");
    }

    [Fact]
    public void The_delivery_id_extension_names_the_header()
    {
        var run = Run(Spec(["X-Hub-Signature", "X-GitHub-Delivery"], "x-webhook-delivery-id:\n  header: X-Trace-Delivery"));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain("deliveryIdHeader: \"X-Trace-Delivery\");");
    }

    [Fact]
    public void An_invalid_delivery_id_extension_is_an_error_at_its_line()
    {
        var spec = Spec(["X-Hub-Signature"], "x-webhook-delivery-id: X-Trace-Delivery");
        var run = Run(spec);

        var error = run.GeneratorDiagnostics.Single(d => d.Id == "WHG017");
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        spec.Split('\n')[error.Location.GetLineSpan().StartLinePosition.Line].ShouldStartWith("x-webhook-delivery-id:");
    }
}
