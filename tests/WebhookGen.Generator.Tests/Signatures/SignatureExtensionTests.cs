using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Signatures.SignatureSpecs;

namespace WebhookGen.Generator.Tests.Signatures;

/// <summary><c>x-webhook-signature</c>: the vocabulary, what it generates, and a located error for every mistake.</summary>
public class SignatureExtensionTests
{
    private const string Declared = """
        x-webhook-signature:
          header: X-Acme-Signature
          algorithm: sha512
          encoding: base64
          prefix: "v2="
          signedContent: [timestamp, id, body]
          contentSeparator: ":"
          signatureSeparator: ";"
          idHeader: X-Acme-Id
          timestampHeader: X-Acme-Timestamp
          tolerance: 600
          secretEncoding: whsec-base64
        """;

    [Fact]
    public void Every_key_is_emitted_as_the_scheme_property_it_names()
    {
        var run = Run(Spec(["X-Acme-Signature"], Declared));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("signatureScheme: new global::WebhookGen.Signatures.WebhookSignatureScheme");
        webhooks.ShouldContain("HeaderName = \"X-Acme-Signature\",");
        webhooks.ShouldContain("SecretEncoding = global::WebhookGen.Signatures.SecretEncoding.WhsecBase64,");
        webhooks.ShouldContain("Algorithm = global::WebhookGen.Signatures.HmacAlgorithm.Sha512,");
        webhooks.ShouldContain("Encoding = global::WebhookGen.Signatures.SignatureEncoding.Base64,");
        webhooks.ShouldContain("Prefix = \"v2=\",");
        webhooks.ShouldContain("SignedContent = new[] { global::WebhookGen.Signatures.SignedContentPart.Timestamp, global::WebhookGen.Signatures.SignedContentPart.Id, global::WebhookGen.Signatures.SignedContentPart.Body },");
        webhooks.ShouldContain("ContentSeparator = \":\",");
        webhooks.ShouldContain("SignatureSeparator = \";\",");
        webhooks.ShouldContain("IdHeaderName = \"X-Acme-Id\",");
        webhooks.ShouldContain("TimestampHeaderName = \"X-Acme-Timestamp\",");
        webhooks.ShouldContain("TimestampPrefix = null,");
        webhooks.ShouldContain("TimestampTolerance = global::System.TimeSpan.FromSeconds(600),");
        webhooks.ShouldContain("deliveryIdHeader: \"X-Acme-Id\");");
    }

    [Fact]
    public void The_extension_wins_over_a_recognised_header()
    {
        var run = Run(Spec(["X-Hub-Signature-256"], "x-webhook-signature:\n  scheme: stripe\n  header: X-Hub-Signature-256"));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("TimestampPrefix = \"t=\",");
        webhooks.ShouldContain("HeaderName = \"X-Hub-Signature-256\",");
    }

    [Theory]
    [InlineData("scheme: standard-webhooks", "HeaderName = \"webhook-signature\",", "SecretEncoding = global::WebhookGen.Signatures.SecretEncoding.WhsecBase64,")]
    [InlineData("scheme: stripe", "HeaderName = \"Stripe-Signature\",", "TimestampPrefix = \"t=\",")]
    [InlineData("scheme: hub\n  algorithm: sha512\n  header: X-Signature", "Prefix = \"sha512=\",", "Algorithm = global::WebhookGen.Signatures.HmacAlgorithm.Sha512,")]
    [InlineData("scheme: standard-webhooks\n  tolerance: 60", "TimestampTolerance = global::System.TimeSpan.FromSeconds(60),", "SignatureSeparator = \" \",")]
    public void A_preset_fills_what_is_not_declared(string body, string first, string second)
    {
        var run = Run(Spec(["X-Whatever"], "x-webhook-signature:\n  " + body));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain(first);
        run.Source(".Webhooks.g.cs").ShouldContain(second);
    }

    [Theory]
    [InlineData("x-webhook-signature: hmac", "x-webhook-signature:", "must be an object")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  algoritm: sha256", "  algoritm:", "'algoritm' is not a key")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  algorithm: md5", "  algorithm:", "one of sha1, sha256, sha512")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  encoding: base32", "  encoding:", "one of hex, base64")]
    [InlineData("x-webhook-signature:\n  header: X-S", "  header:", "'secretEncoding' is required")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: base64", "  secretEncoding:", "one of utf8, whsec-base64")]
    [InlineData("x-webhook-signature:\n  secretEncoding: utf8", "  secretEncoding:", "'header' is required")]
    [InlineData("x-webhook-signature:\n  header: \"\"\n  secretEncoding: utf8", "  header:", "non-empty string")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  signedContent: [id, timestamp]\n  idHeader: X-I\n  timestampHeader: X-T", "  header:", "must include body")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  signedContent: [id, body]", "  header:", "'idHeader' is required")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  signedContent: [timestamp, body]", "  header:", "'timestampHeader' or 'timestampPrefix' is required")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  signedContent: [body, body]", "  signedContent:", "at most once")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  signedContent: []", "  signedContent:", "non-empty list")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  timestampHeader: X-T\n  timestampPrefix: t=", "  header:", "exclusive")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  tolerance: -5", "  tolerance:", "positive whole number of seconds")]
    [InlineData("x-webhook-signature:\n  header: X-S\n  secretEncoding: utf8\n  tolerance: soon", "  tolerance:", "positive whole number of seconds")]
    [InlineData("x-webhook-signature:\n  scheme: github", "  scheme:", "one of hub, standard-webhooks, stripe")]
    /// <remarks>A problem of the extension as a whole is located at its first key.</remarks>
    public void A_mistake_is_an_error_at_its_key_and_nothing_is_generated_from_a_half_read_scheme(string extension, string line, string message)
    {
        var spec = Spec(["X-Hub-Signature-256"], extension);
        var run = Run(spec);

        var error = run.GeneratorDiagnostics.First(d => d.Id == "WHG017");
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.GetMessage(CultureInfo.InvariantCulture).ShouldContain(message);
        var span = error.Location.GetLineSpan();
        span.Path.ShouldBe("/app/hooks.yaml");
        spec.Split('\n')[span.StartLinePosition.Line].ShouldStartWith(line);
        run.Sources.ShouldNotContain(s => s.HintName.EndsWith(".Webhooks.g.cs", System.StringComparison.Ordinal));
    }
}
