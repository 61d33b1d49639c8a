using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebhookGen.IntegrationTests.Jwt;

/// <summary>The sender of event notifications: its signing keys, its JWK Set, and its tokens, good or forged.</summary>
public sealed class JwtSender
{
    public const string Issuer = "https://aspsp.example.com";
    public const string Audience = "tpp-client-7";
    public const string ResourceId = "pmt-7290-003";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtSender(string kid) => Kid = kid;

    public string Kid { get; }

    public RSA Rsa { get; } = RSA.Create(2048);

    /// <summary>The public key as a JWK with <see cref="Kid"/>.</summary>
    public string Jwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "PS256",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
    }

    /// <summary>The claims of an event notification issued at <paramref name="issuedAt"/>, as the spec describes them.</summary>
    public static Dictionary<string, object> Claims(DateTimeOffset issuedAt, string jti) => new()
    {
        ["iss"] = Issuer,
        ["iat"] = issuedAt.ToUnixTimeSeconds(),
        ["jti"] = jti,
        ["aud"] = Audience,
        ["sub"] = "https://api.aspsp.example.com/open-banking/v3.1/pisp/domestic-payments/" + ResourceId,
        ["txn"] = "dfc51628-3479-4b81-ad60-210b43d02306",
        ["toe"] = issuedAt.AddSeconds(-10).ToUnixTimeSeconds(),
        ["events"] = new Dictionary<string, object>
        {
            ["urn:uk:org:openbanking:events:resource-update"] = new Dictionary<string, object>
            {
                ["subject"] = new Dictionary<string, object>
                {
                    ["subject_type"] = "http://openbanking.org.uk/rid_http://openbanking.org.uk/rty",
                    ["http://openbanking.org.uk/rid"] = ResourceId,
                    ["http://openbanking.org.uk/rty"] = "domestic-payment",
                    ["http://openbanking.org.uk/rlk"] = new[]
                    {
                        new Dictionary<string, string> { ["version"] = "v3.1", ["link"] = "https://api.aspsp.example.com/open-banking/v3.1/pisp/domestic-payments/" + ResourceId },
                    },
                },
            },
        },
    };

    /// <summary>A token signed PS256 with this sender's key.</summary>
    public string Sign(Dictionary<string, object> claims) =>
        Handler.CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(new RsaSecurityKey(Rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSsaPssSha256));

    /// <summary>An unsigned token (<c>alg: none</c>) with the same claims.</summary>
    public static string WithAlgNone(Dictionary<string, object> claims) =>
        Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims)) + ".";

    /// <summary>An HS256 token keyed with the bytes of this sender's public JWK: the algorithm-confusion forgery.</summary>
    public string HmacWithPublicKey(Dictionary<string, object> claims)
    {
        var signingInput = Base64UrlEncoder.Encode($"{{\"alg\":\"HS256\",\"kid\":\"{Kid}\"}}") + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Jwk()), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(mac);
    }
}
