using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WebhookGen.Jwt;

namespace WebhookGen.Tests.Jwt;

/// <summary>Keys, options and tokens for the JWT verifier's tests: a sender's RSA and EC keys, its claims, signed or forged.</summary>
internal static class JwtFixtures
{
    public const string Issuer = "https://aspsp.example.com";
    public const string Audience = "tpp-client-7";
    public const string Secret = "a shared secret of more than thirty-two bytes";

    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly RSA Rsa = RSA.Create(2048);
    public static readonly RSA OtherRsa = RSA.Create(2048);
    public static readonly ECDsa Ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string RsaPublicPem => Rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>The public half of <paramref name="rsa"/> as a JWK with <paramref name="kid"/>.</summary>
    public static string RsaJwk(RSA rsa, string kid)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
    }

    public static string EcJwk(ECDsa ec, string kid)
    {
        var parameters = ec.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["kid"] = kid,
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
        });
    }

    public static string Jwks(params string[] jwks) => "{\"keys\":[" + string.Join(",", jwks) + "]}";

    /// <summary>Options that accept <see cref="Issuer"/> and <see cref="Audience"/> with the keys <paramref name="configure"/> adds.</summary>
    public static WebhookJwtOptions Options(Action<WebhookJwtOptions>? configure = null)
    {
        var options = new WebhookJwtOptions();
        options.ValidIssuers.Add(Issuer);
        options.ValidAudiences.Add(Audience);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The claims of a token issued now, valid for 10 minutes; <paramref name="change"/> alters them.</summary>
    public static Dictionary<string, object> Claims(Action<Dictionary<string, object>>? change = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["jti"] = "b460a07c-4962-43d1-85ee-9dc10fbb8f6c",
            ["iat"] = Now.ToUnixTimeSeconds(),
            ["exp"] = Now.AddMinutes(10).ToUnixTimeSeconds(),
            ["sub"] = "https://api.aspsp.example.com/payments/pmt-1",
        };
        change?.Invoke(claims);
        return claims;
    }

    /// <summary>A token signed with <paramref name="key"/> by <paramref name="algorithm"/>.</summary>
    public static string Sign(SecurityKey key, string algorithm, Dictionary<string, object>? claims = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }
            .CreateToken(JsonSerializer.Serialize(claims ?? Claims()), new SigningCredentials(key, algorithm));

    public static string SignRs256(Dictionary<string, object>? claims = null, string? kid = null, RSA? rsa = null) =>
        Sign(new RsaSecurityKey(rsa ?? Rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256, claims);

    /// <summary>A token put together by hand: any header, any payload, any signature bytes (a forgery).</summary>
    public static string Compose(string headerJson, string payloadJson, byte[] signature) =>
        Base64UrlEncoder.Encode(headerJson) + "." + Base64UrlEncoder.Encode(payloadJson) + "." + Base64UrlEncoder.Encode(signature);

    /// <summary>An HS256 token whose HMAC key is <paramref name="key"/>'s bytes: how an RSA public key is abused as a secret.</summary>
    public static string Hs256WithKeyBytes(byte[] key, string payloadJson)
    {
        var signingInput = Base64UrlEncoder.Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Base64UrlEncoder.Encode(payloadJson);
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(mac);
    }

    public static ReadOnlyMemory<byte> Body(string token) => Encoding.ASCII.GetBytes(token);
}
