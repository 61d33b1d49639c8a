using System.Linq;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Hosting;

public class WebhookReceiverOptionsValidatorTests
{
    private const string Name = "GridXReceiver";

    private static readonly WebhookReceiverDescriptor WithVerifier =
        new(Name, "/gridx", WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512), 403);

    private static readonly WebhookReceiverDescriptor WithoutVerifier = new(Name, "/gridx", null, 403);

    private static ValidateOptionsResult Validate(WebhookReceiverDescriptor descriptor, WebhookReceiverOptions options, string? name = Name) =>
        new WebhookReceiverOptionsValidator(descriptor).Validate(name, options);

    [Fact]
    public void No_secret_fails_naming_the_section_and_the_environment_variable()
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions());

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldNotBeNull();
        result.Failures.ShouldHaveSingleItem();
        result.FailureMessage.ShouldContain("'Webhooks:GridXReceiver:Secret'");
        result.FailureMessage.ShouldContain("Webhooks__GridXReceiver__Secret");
        result.FailureMessage.ShouldContain("'Webhooks:GridXReceiver:Secrets'");
        result.FailureMessage.ShouldContain(Name);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(199, true)]
    [InlineData(200, false)]
    [InlineData(202, false)]
    [InlineData(404, false)]
    public void The_unknown_event_status_is_never_a_server_error(int status, bool fails)
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions { Secret = "s", UnknownEventStatusCode = status });

        result.Failed.ShouldBe(fails);
        if (fails)
        {
            result.FailureMessage!.ShouldContain("'Webhooks:GridXReceiver:UnknownEventStatusCode'");
        }
    }

    [Theory]
    [InlineData(WebhookPayloadReading.Tolerant, false)]
    [InlineData(WebhookPayloadReading.Strict, false)]
    [InlineData((WebhookPayloadReading)7, true)]
    public void Payload_reading_must_be_tolerant_or_strict(WebhookPayloadReading reading, bool fails)
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions { Secret = "s", PayloadReading = reading });

        result.Failed.ShouldBe(fails);
        if (fails)
        {
            result.FailureMessage.ShouldBe("'Webhooks:GridXReceiver:PayloadReading' must be Tolerant or Strict, not 7.");
        }
    }

    [Fact]
    public void Blank_secret_is_no_secret()
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions { Secret = "  " });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Webhooks__GridXReceiver__Secret");
    }

    [Fact]
    public void A_secret_succeeds()
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions { Secret = "s3cr3t" });

        result.Succeeded.ShouldBeTrue();
        result.Failed.ShouldBeFalse();
        result.Skipped.ShouldBeFalse();
    }

    [Fact]
    public void A_Secrets_list_alone_succeeds()
    {
        var options = new WebhookReceiverOptions();
        options.Secrets.Add("rotating");

        Validate(WithVerifier, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Other_options_names_are_skipped()
    {
        var options = new WebhookReceiverOptions { MaxRequestBodySize = -1 };

        Validate(WithVerifier, options, "OtherReceiver").Skipped.ShouldBeTrue();
        Validate(WithVerifier, options, Options.DefaultName).Skipped.ShouldBeTrue();
        Validate(WithVerifier, options, null).Skipped.ShouldBeTrue();
        Validate(WithVerifier, options, "gridxreceiver").Skipped.ShouldBeTrue();
    }

    [Fact]
    public void No_verifier_from_spec_or_code_fails_mentioning_UseSignatureVerifier()
    {
        var result = Validate(WithoutVerifier, new WebhookReceiverOptions { Secret = "s3cr3t" });

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldHaveSingleItem();
        result.FailureMessage.ShouldContain("UseSignatureVerifier");
        result.FailureMessage.ShouldContain("AddGridXReceiver");
        result.FailureMessage.ShouldContain("'Webhooks:GridXReceiver:AllowUnsignedDeliveries'");
    }

    [Fact]
    public void A_verifier_from_code_replaces_the_missing_spec_verifier()
    {
        var options = new WebhookReceiverOptions { Secret = "s3cr3t" }
            .UseSignatureVerifier(new HubSignatureVerifier("X-Hub-Signature-256", HmacAlgorithm.Sha256));

        Validate(WithoutVerifier, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_verifier_from_code_still_needs_a_secret()
    {
        var options = new WebhookReceiverOptions()
            .UseSignatureVerifier(new HubSignatureVerifier("X-Hub-Signature-256", HmacAlgorithm.Sha256));

        var result = Validate(WithoutVerifier, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Webhooks__GridXReceiver__Secret");
        result.FailureMessage.ShouldNotContain("UseSignatureVerifier");
    }

    [Fact]
    public void Unsigned_deliveries_need_no_secret_and_no_verifier()
    {
        Validate(WithVerifier, new WebhookReceiverOptions { AllowUnsignedDeliveries = true }).Succeeded.ShouldBeTrue();
        Validate(WithoutVerifier, new WebhookReceiverOptions { AllowUnsignedDeliveries = true }).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Non_positive_MaxRequestBodySize_fails(long size)
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions { Secret = "s3cr3t", MaxRequestBodySize = size });

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldHaveSingleItem();
        result.FailureMessage.ShouldContain("'Webhooks:GridXReceiver:MaxRequestBodySize'");
        result.FailureMessage.ShouldContain(size.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Non_positive_MaxRequestBodySize_fails_even_for_unsigned_deliveries()
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions { AllowUnsignedDeliveries = true, MaxRequestBodySize = 0 });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("MaxRequestBodySize");
    }

    [Fact]
    public void All_problems_are_reported_together()
    {
        var result = Validate(WithVerifier, new WebhookReceiverOptions { MaxRequestBodySize = 0 });

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldNotBeNull();
        result.Failures.Count().ShouldBe(2);
        result.FailureMessage.ShouldContain("MaxRequestBodySize");
        result.FailureMessage.ShouldContain("Webhooks__GridXReceiver__Secret");
    }

    [Fact]
    public void A_positive_MaxRequestBodySize_succeeds()
    {
        Validate(WithVerifier, new WebhookReceiverOptions { Secret = "s", MaxRequestBodySize = 1 }).Succeeded.ShouldBeTrue();
    }
}
