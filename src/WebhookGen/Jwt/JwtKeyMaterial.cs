using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace WebhookGen.Jwt;

/// <summary>Turns configured key material (JWK, JWK Set, PEM, shared secret) into keys the token handler verifies with.</summary>
internal static class JwtKeyMaterial
{
    /// <summary>The shortest shared secret accepted: HS256 needs a 256-bit key.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>The keys of <paramref name="options"/>' <see cref="WebhookJwtOptions.SigningKeys"/> and <see cref="WebhookJwtOptions.SharedSecrets"/>.</summary>
    /// <exception cref="FormatException">An entry cannot be read; the message names the entry, never its content.</exception>
    public static List<SecurityKey> Read(WebhookJwtOptions options)
    {
        var keys = new List<SecurityKey>();
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            var added = ReadSigningKey(options.SigningKeys[i], keys);
            if (added is not null)
            {
                throw new FormatException($"SigningKeys:{i} {added}.");
            }
        }

        for (var i = 0; i < options.SharedSecrets.Count; i++)
        {
            var secret = options.SharedSecrets[i];
            var bytes = string.IsNullOrEmpty(secret) ? [] : Encoding.UTF8.GetBytes(secret);
            if (bytes.Length < MinimumSecretBytes)
            {
                throw new FormatException($"SharedSecrets:{i} is shorter than {MinimumSecretBytes} bytes, the least an HMAC-signed token needs.");
            }

            keys.Add(new SymmetricSecurityKey(bytes));
        }

        return keys;
    }

    /// <summary>Whether any of <paramref name="keys"/> is symmetric (an HMAC key).</summary>
    public static bool HasSymmetricKey(IEnumerable<SecurityKey> keys)
    {
        foreach (var key in keys)
        {
            if (key is SymmetricSecurityKey || (key is JsonWebKey { Kty: JsonWebAlgorithmsKeyTypes.Octet }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the key(s) of one entry; returns what is wrong with it, or null.</summary>
    private static string? ReadSigningKey(string material, List<SecurityKey> keys)
    {
        var text = material?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return "is empty";
        }

        if (text.StartsWith('{'))
        {
            return ReadJson(text, keys);
        }

        if (text.StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            return ReadPem(text, keys);
        }

        return "is neither a JWK, a JWK Set nor PEM";
    }

    private static string? ReadJson(string json, List<SecurityKey> keys)
    {
        try
        {
            if (json.Contains("\"keys\"", StringComparison.Ordinal))
            {
                var set = new JsonWebKeySet(json) { SkipUnresolvedJsonWebKeys = true };
                var signing = set.GetSigningKeys();
                if (signing.Count == 0)
                {
                    return "is a JWK Set without a usable signing key";
                }

                keys.AddRange(signing);
                return null;
            }

            var key = new JsonWebKey(json);
            if (key.Kty is not (JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve or JsonWebAlgorithmsKeyTypes.Octet))
            {
                return "is a JWK whose kty is not RSA, EC or oct";
            }

            if (key.Use is { Length: > 0 } use && use != JsonWebKeyUseNames.Sig)
            {
                return "is a JWK whose use is not 'sig'";
            }

            keys.Add(key);
            return null;
        }
        catch (ArgumentException)
        {
            return "is not a valid JWK or JWK Set";
        }
    }

    private static string? ReadPem(string pem, List<SecurityKey> keys)
    {
        try
        {
            if (pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                keys.Add(new X509SecurityKey(X509Certificate2.CreateFromPem(pem)));
                return null;
            }

            if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                return "is a private key: configure the sender's public key";
            }

            if (TryImport(RSA.Create(), pem, static rsa => new RsaSecurityKey(rsa), keys) || TryImport(ECDsa.Create(), pem, static ecdsa => new ECDsaSecurityKey(ecdsa), keys))
            {
                return null;
            }
        }
        catch (ArgumentException)
        {
        }
        catch (CryptographicException)
        {
        }

        return "is PEM but not an RSA or EC public key or certificate";
    }

    /// <summary>Imports <paramref name="pem"/> into <paramref name="algorithm"/> and adds its key; disposes it when the PEM is not of its kind.</summary>
    private static bool TryImport<T>(T algorithm, string pem, Func<T, SecurityKey> key, List<SecurityKey> keys)
        where T : AsymmetricAlgorithm
    {
        try
        {
            algorithm.ImportFromPem(pem);
            keys.Add(key(algorithm));
            return true;
        }
        catch (CryptographicException)
        {
            algorithm.Dispose();
            return false;
        }
        catch (ArgumentException)
        {
            algorithm.Dispose();
            return false;
        }
    }
}
