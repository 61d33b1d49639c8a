using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

public class WhsecSecretValidationTests
{
    private const string Name = "SvixReceiver";

    private static readonly WebhookReceiverDescriptor StandardWebhooks =
        new(Name, "/svix", WebhookSignatureScheme.StandardWebhooks(), 401);

    [Fact]
    public void A_secret_that_is_not_base64_stops_startup_without_showing_the_secret()
    {
        var options = new WebhookReceiverOptions { Secret = "whsec_dGVzdA==" };
        options.Secrets.Add("whsec_this is no base64 at all");

        var result = new WebhookReceiverOptionsValidator(StandardWebhooks).Validate(Name, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Secret 2 of 2");
        result.FailureMessage.ShouldContain("'Webhooks:SvixReceiver:Secrets'");
        result.FailureMessage.ShouldNotContain("this is no base64");
    }

    [Fact]
    public void Base64_secrets_with_or_without_whsec_pass()
    {
        var options = new WebhookReceiverOptions { Secret = "whsec_dGVzdA==" };
        options.Secrets.Add("c2Vjb25k");

        new WebhookReceiverOptionsValidator(StandardWebhooks).Validate(Name, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_verifier_set_in_code_decides_how_secrets_are_read()
    {
        var options = new WebhookReceiverOptions { Secret = "raw text secret" }
            .UseSignatureVerifier(new ConfigurableSignatureVerifier(WebhookSignatureScheme.Stripe()));

        new WebhookReceiverOptionsValidator(StandardWebhooks).Validate(Name, options).Succeeded.ShouldBeTrue();
    }
}
