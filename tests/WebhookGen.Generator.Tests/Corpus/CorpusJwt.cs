using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// Signs a JWT event's sample claims as its sender would: HS256 with the shared secret the corpus host trusts, issued now
/// (a sample's own <c>iat</c> is a fixed example, which the receiver would rightly find too old).
/// </summary>
internal static class CorpusJwt
{
    public const string SharedSecret = "corpus-test-jwt-secret-0123456789abcdef";

    public static string Sign(object claims, JsonSerializerContext context)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(claims, claims.GetType(), context))!.AsObject();
        json["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SharedSecret)), SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler().CreateToken(json.ToJsonString(), credentials);
    }
}
