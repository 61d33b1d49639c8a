using System;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.Jwt;
using WebhookGen.Signatures;
using Xunit;
using static WebhookGen.Tests.Jwt.JwtFixtures;

namespace WebhookGen.Tests.Jwt;

/// <summary>A receiver of JWT events refuses to start without keys, with a dangerous algorithm or with an unbounded lifetime.</summary>
public sealed class JwtOptionsValidationTests
{
    private const string Name = "EventNotificationReceiver";

    private static readonly WebhookReceiverDescriptor OnlyJwt = new(Name, "/open-banking", signatureScheme: null, bodyFormats: WebhookBodyFormats.Jwt);

    private static readonly WebhookReceiverDescriptor JwtAndJson = new(Name, "/open-banking", signatureScheme: null, bodyFormats: WebhookBodyFormats.Json | WebhookBodyFormats.Jwt);

    private static ValidateOptionsResult Validate(Action<WebhookJwtOptions> configure, WebhookReceiverDescriptor? receiver = null)
    {
        var options = new WebhookReceiverOptions();
        options.Jwt.ValidIssuers.Add(Issuer);
        options.Jwt.ValidAudiences.Add(Audience);
        configure(options.Jwt);
        return new WebhookReceiverOptionsValidator(receiver ?? OnlyJwt).Validate(Name, options);
    }

    [Fact]
    public void A_receiver_of_jwt_events_only_starts_with_a_key_and_no_http_signature_scheme()
    {
        Validate(o => o.SigningKeys.Add(RsaPublicPem)).Succeeded.ShouldBeTrue();
        Validate(o => o.JwksUri = "https://aspsp.example.com/jwks.json").Succeeded.ShouldBeTrue();
        Validate(o => o.SharedSecrets.Add(Secret)).Succeeded.ShouldBeTrue();
        Validate(o => o.SigningKeys.Add(Jwks(RsaJwk(Rsa, "k1"), EcJwk(Ec, "k2")))).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Without_any_key_the_app_does_not_start_and_is_told_what_to_set()
    {
        var result = Validate(_ => { });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("'Webhooks:EventNotificationReceiver:Jwt:JwksUri'");
        result.FailureMessage.ShouldContain("Webhooks__EventNotificationReceiver__Jwt__JwksUri");
        result.FailureMessage.ShouldContain("'Webhooks:EventNotificationReceiver:Jwt:SigningKeys'");
    }

    [Fact]
    public void A_receiver_with_json_events_too_still_needs_an_http_signature()
    {
        var result = Validate(o => o.SigningKeys.Add(RsaPublicPem), JwtAndJson);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("declares no signature scheme");
    }

    [Fact]
    public void A_declared_http_signature_still_needs_its_secret()
    {
        var receiver = new WebhookReceiverDescriptor(Name, "/", WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha256), bodyFormats: WebhookBodyFormats.Jwt);

        Validate(o => o.SigningKeys.Add(RsaPublicPem), receiver).Failure().ShouldContain("No signing secret is configured");
    }

    [Fact]
    public void Allowing_unsigned_deliveries_does_not_excuse_the_token_keys()
    {
        var options = new WebhookReceiverOptions { AllowUnsignedDeliveries = true };

        new WebhookReceiverOptionsValidator(OnlyJwt).Validate(Name, options).Failed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("none", "an unsigned token is never accepted")]
    [InlineData("HS1", "is not one of")]
    public void An_algorithm_that_cannot_be_allowed_is_refused(string algorithm, string message)
    {
        Validate(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.Algorithms.Add(algorithm);
        }).Failure().ShouldContain(message);
    }

    [Fact]
    public void Keys_that_cannot_be_read_are_refused_by_position_never_by_content()
    {
        using var rsa = RSA.Create(2048);
        var privatePem = rsa.ExportPkcs8PrivateKeyPem();
        var result = Validate(o =>
        {
            o.SigningKeys.Add(privatePem);
            o.SharedSecrets.Add("short");
        });

        result.Failure().ShouldContain("SigningKeys:0 is a private key");
        result.Failure().ShouldNotContain("MII");
        Validate(o => o.SharedSecrets.Add("too-short-secret")).Failure().ShouldContain("SharedSecrets:0 is shorter than 32 bytes");
        Validate(o => o.SharedSecrets.Add("too-short-secret")).Failure().ShouldNotContain("too-short-secret");
        Validate(o => o.SigningKeys.Add("{\"kty\":\"RSA\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}")).Failure().ShouldContain("use is not 'sig'");
        Validate(o => o.SigningKeys.Add("c2VjcmV0")).Failure().ShouldContain("neither a JWK, a JWK Set nor PEM");
    }

    [Theory]
    [InlineData("http://aspsp.example.com/jwks.json", "must be https")]
    [InlineData("/jwks.json", "absolute http(s) URL")]
    [InlineData("ftp://aspsp.example.com/jwks.json", "absolute http(s) URL")]
    public void A_key_set_url_must_be_absolute_and_https(string url, string message)
    {
        Validate(o => o.JwksUri = url).Failure().ShouldContain(message);
    }

    [Fact]
    public void A_key_set_over_http_is_allowed_when_https_is_explicitly_not_required()
    {
        Validate(o =>
        {
            o.JwksUri = "http://10.0.0.5/jwks.json";
            o.JwksRequireHttps = false;
        }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Issuer_and_audience_are_required_unless_their_checks_are_turned_off()
    {
        var options = new WebhookReceiverOptions();
        options.Jwt.SigningKeys.Add(RsaPublicPem);
        var result = new WebhookReceiverOptionsValidator(OnlyJwt).Validate(Name, options);

        result.Failure().ShouldContain("'Webhooks:EventNotificationReceiver:Jwt:ValidIssuers'");
        result.Failure().ShouldContain("'Webhooks:EventNotificationReceiver:Jwt:ValidAudiences'");

        options.Jwt.ValidateIssuer = false;
        options.Jwt.ValidateAudience = false;
        new WebhookReceiverOptionsValidator(OnlyJwt).Validate(Name, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_token_without_exp_needs_a_maximum_age()
    {
        Validate(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.RequireExpirationTime = false;
        }).Failure().ShouldContain("set 'Webhooks:EventNotificationReceiver:Jwt:MaxTokenAge'");

        Validate(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.RequireExpirationTime = false;
            o.MaxTokenAge = TimeSpan.FromHours(1);
        }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_negative_clock_skew_is_refused()
    {
        Validate(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.ClockSkew = TimeSpan.FromSeconds(-1);
        }).Failure().ShouldContain("ClockSkew' must not be negative");
    }

    [Fact]
    public void A_receiver_without_jwt_events_ignores_the_jwt_options()
    {
        var receiver = new WebhookReceiverDescriptor(Name, "/", WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha256));
        var options = new WebhookReceiverOptions { Secret = "secret" };

        new WebhookReceiverOptionsValidator(receiver).Validate(Name, options).Succeeded.ShouldBeTrue();
    }
}

/// <summary>The failure message of a validation that must have failed.</summary>
internal static class ValidationResults
{
    public static string Failure(this ValidateOptionsResult result)
    {
        result.Failed.ShouldBeTrue("the options should have been refused");
        return result.FailureMessage;
    }
}
