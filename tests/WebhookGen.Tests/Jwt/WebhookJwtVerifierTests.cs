using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using WebhookGen.Jwt;
using WebhookGen.Tests.Signatures;
using Xunit;
using static WebhookGen.Tests.Jwt.JwtFixtures;

namespace WebhookGen.Tests.Jwt;

/// <summary>A JWT body is verified before its claims are read: each way a token can fail gives its outcome and no claims.</summary>
public sealed class WebhookJwtVerifierTests
{
    private readonly FakeTimeProvider _clock = new(Now);

    private WebhookJwtVerifier Verifier(Action<WebhookJwtOptions>? configure = null) =>
        new(Options(configure ?? (o => o.SigningKeys.Add(RsaPublicPem))), jwks: null, _clock);

    private static async Task<JwtVerificationResult> Outcome(WebhookJwtVerifier verifier, string token)
    {
        var (result, claims) = await verifier.VerifyAsync(Body(token), default);
        if (result != JwtVerificationResult.Valid)
        {
            claims.IsEmpty.ShouldBeTrue("no claims of a token that failed");
        }

        return result;
    }

    [Fact]
    public async Task A_token_signed_by_the_configured_pem_key_is_valid_and_its_claims_are_the_payload()
    {
        var claims = Claims();
        var (result, json) = await Verifier().VerifyAsync(Body(SignRs256(claims)), default);

        result.ShouldBe(JwtVerificationResult.Valid);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("jti").GetString().ShouldBe((string)claims["jti"]);
        document.RootElement.GetProperty("sub").GetString().ShouldBe((string)claims["sub"]);
    }

    [Fact]
    public async Task Surrounding_white_space_is_ignored()
    {
        (await Outcome(Verifier(), "\r\n " + SignRs256() + "\n")).ShouldBe(JwtVerificationResult.Valid);
    }

    [Fact]
    public async Task A_token_signed_by_an_ec_key_given_as_a_jwk_is_valid()
    {
        var verifier = Verifier(o => o.SigningKeys.Add(EcJwk(Ec, "ec-1")));
        var token = Sign(new ECDsaSecurityKey(Ec) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha256);

        (await Outcome(verifier, token)).ShouldBe(JwtVerificationResult.Valid);
    }

    [Fact]
    public async Task A_token_signed_with_a_shared_secret_is_valid_when_the_secret_is_configured()
    {
        var verifier = Verifier(o => o.SharedSecrets.Add(Secret));
        var token = Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256);

        (await Outcome(verifier, token)).ShouldBe(JwtVerificationResult.Valid);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        (await Outcome(Verifier(), SignRs256(rsa: OtherRsa))).ShouldBe(JwtVerificationResult.SignatureInvalid);
    }

    [Fact]
    public async Task A_token_whose_claims_were_changed_after_signing_is_refused()
    {
        var parts = SignRs256().Split('.');
        var forged = parts[0] + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(Claims(c => c["sub"] = "https://attacker.example"))) + "." + parts[2];

        (await Outcome(Verifier(), forged)).ShouldBe(JwtVerificationResult.SignatureInvalid);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    public async Task An_unsigned_token_is_refused_even_when_none_is_listed(string alg)
    {
        var verifier = Verifier(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.Algorithms.Add("none");
            o.Algorithms.Add("RS256");
        });
        var unsigned = Base64UrlEncoder.Encode($"{{\"alg\":\"{alg}\"}}") + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(Claims())) + ".";

        (await Outcome(verifier, unsigned)).ShouldBe(JwtVerificationResult.AlgorithmNotAllowed);
    }

    [Fact]
    public async Task An_hmac_token_keyed_with_the_rsa_public_key_is_refused()
    {
        // The classic algorithm confusion: the attacker signs HS256 with the public key's bytes as the secret.
        var token = Hs256WithKeyBytes(Encoding.ASCII.GetBytes(RsaPublicPem), JsonSerializer.Serialize(Claims()));

        (await Outcome(Verifier(), token)).ShouldBe(JwtVerificationResult.AlgorithmNotAllowed, "HMAC is not allowed without a symmetric key");
    }

    [Fact]
    public async Task An_hmac_token_keyed_with_the_rsa_public_key_is_refused_even_when_hmac_is_allowed()
    {
        var verifier = Verifier(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.Algorithms.Add("RS256");
            o.Algorithms.Add("HS256");
        });
        var token = Hs256WithKeyBytes(Encoding.ASCII.GetBytes(RsaPublicPem), JsonSerializer.Serialize(Claims()));

        (await Outcome(verifier, token)).ShouldBe(JwtVerificationResult.SignatureInvalid, "an RSA key never verifies an HMAC");
    }

    [Fact]
    public async Task An_algorithm_outside_the_allow_list_is_refused_before_any_key_is_tried()
    {
        var verifier = Verifier(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.Algorithms.Add("PS256");
        });

        (await Outcome(verifier, SignRs256())).ShouldBe(JwtVerificationResult.AlgorithmNotAllowed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("a.b")]
    [InlineData("{\"iss\":\"x\"}")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln.ZXh0cmE.bW9yZQ")]
    public async Task What_is_not_a_compact_jws_is_malformed(string body)
    {
        (await Outcome(Verifier(), body)).ShouldBe(JwtVerificationResult.Malformed);
    }

    [Fact]
    public async Task A_token_expired_beyond_the_clock_skew_is_refused_and_within_it_accepted()
    {
        var token = SignRs256(Claims(c => c["exp"] = Now.AddMinutes(-3).ToUnixTimeSeconds()));
        var verifier = Verifier(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.ClockSkew = TimeSpan.FromMinutes(5);
        });

        (await Outcome(verifier, token)).ShouldBe(JwtVerificationResult.Valid, "3 minutes late, within a 5-minute skew");
        _clock.Advance(TimeSpan.FromMinutes(3));
        (await Outcome(verifier, token)).ShouldBe(JwtVerificationResult.Expired, "6 minutes late");
    }

    [Fact]
    public async Task A_token_not_valid_before_a_time_beyond_the_skew_is_refused()
    {
        var token = SignRs256(Claims(c => c["nbf"] = Now.AddMinutes(2).ToUnixTimeSeconds()));
        var verifier = Verifier(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.ClockSkew = TimeSpan.FromMinutes(1);
        });

        (await Outcome(verifier, token)).ShouldBe(JwtVerificationResult.NotYetValid);
        _clock.Advance(TimeSpan.FromSeconds(61));
        (await Outcome(verifier, token)).ShouldBe(JwtVerificationResult.Valid);
    }

    [Fact]
    public async Task A_token_issued_in_the_future_beyond_the_skew_is_refused()
    {
        var token = SignRs256(Claims(c => c["iat"] = Now.AddMinutes(10).ToUnixTimeSeconds()));

        (await Outcome(Verifier(), token)).ShouldBe(JwtVerificationResult.NotYetValid);
    }

    [Fact]
    public async Task A_token_without_exp_is_refused_unless_turned_off_and_then_bounded_by_its_age()
    {
        var token = SignRs256(Claims(c => c.Remove("exp")));
        (await Outcome(Verifier(), token)).ShouldBe(JwtVerificationResult.MissingLifetime);

        var bounded = Verifier(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.RequireExpirationTime = false;
            o.MaxTokenAge = TimeSpan.FromMinutes(10);
            o.ClockSkew = TimeSpan.FromMinutes(1);
        });
        (await Outcome(bounded, token)).ShouldBe(JwtVerificationResult.Valid);
        _clock.Advance(TimeSpan.FromMinutes(11) + TimeSpan.FromSeconds(1));
        (await Outcome(bounded, token)).ShouldBe(JwtVerificationResult.Expired, "older than 10 minutes plus the skew");
        (await Outcome(bounded, SignRs256(Claims(c => { c.Remove("exp"); c.Remove("iat"); })))).ShouldBe(JwtVerificationResult.MissingLifetime, "no iat to bound the age by");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        (await Outcome(Verifier(), SignRs256(Claims(c => c["aud"] = "someone-else")))).ShouldBe(JwtVerificationResult.InvalidAudience);
        (await Outcome(Verifier(), SignRs256(Claims(c => c.Remove("aud"))))).ShouldBe(JwtVerificationResult.InvalidAudience);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        (await Outcome(Verifier(), SignRs256(Claims(c => c["iss"] = "https://attacker.example")))).ShouldBe(JwtVerificationResult.InvalidIssuer);
    }

    [Fact]
    public async Task Issuer_and_audience_checks_can_be_turned_off_explicitly()
    {
        var verifier = Verifier(o =>
        {
            o.SigningKeys.Add(RsaPublicPem);
            o.ValidateIssuer = false;
            o.ValidateAudience = false;
        });

        (await Outcome(verifier, SignRs256(Claims(c => { c.Remove("iss"); c.Remove("aud"); })))).ShouldBe(JwtVerificationResult.Valid);
    }

    [Fact]
    public async Task A_token_whose_payload_is_not_a_json_object_is_malformed_or_invalid()
    {
        var header = "{\"alg\":\"RS256\"}";
        var signingInput = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode("not json");
        var signature = Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);

        (await Outcome(Verifier(), signingInput + "." + Base64UrlEncoder.Encode(signature))).ShouldBe(JwtVerificationResult.Malformed);
    }
}
