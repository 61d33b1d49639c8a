using System;
using System.Linq;
using Microsoft.Extensions.Options;

namespace WebhookGen.Jwt;

/// <summary>
/// The start-up checks of <see cref="WebhookJwtOptions"/> for a receiver with JWT events: without a key, an issuer and an
/// audience (or their checks turned off explicitly) and a bounded lifetime, the app does not start. Messages name the
/// setting, never a key.
/// </summary>
internal static class WebhookJwtOptionsValidation
{
    public static void Validate(string receiverName, string section, WebhookJwtOptions jwt, ValidateOptionsResultBuilder builder)
    {
        var prefix = section + ":Jwt:";
        var hasJwks = !string.IsNullOrWhiteSpace(jwt.JwksUri);
        if (!hasJwks && jwt.SigningKeys.Count == 0 && jwt.SharedSecrets.Count == 0)
        {
            var variable = prefix.Replace(":", "__", StringComparison.Ordinal);
            builder.AddError(
                $"{receiverName} receives signed JWT bodies but no key is configured to verify them, so the app does not start. " +
                $"Set '{prefix}JwksUri' (the sender's JWK Set, for example the environment variable {variable}JwksUri), " +
                $"or the list '{prefix}SigningKeys' (JWK, JWK Set or PEM public keys), or '{prefix}SharedSecrets' (HMAC).");
        }

        if (hasJwks)
        {
            if (!Uri.TryCreate(jwt.JwksUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                builder.AddError($"'{prefix}JwksUri' must be an absolute http(s) URL.");
            }
            else if (jwt.JwksRequireHttps && uri.Scheme != Uri.UriSchemeHttps)
            {
                builder.AddError($"'{prefix}JwksUri' must be https (or set '{prefix}JwksRequireHttps' to false for a sender on a private network).");
            }

            if (jwt.JwksRefreshInterval <= TimeSpan.Zero || jwt.JwksMinimumRefreshInterval < TimeSpan.Zero)
            {
                builder.AddError($"'{prefix}JwksRefreshInterval' must be positive and '{prefix}JwksMinimumRefreshInterval' not negative.");
            }
        }

        try
        {
            var keys = JwtKeyMaterial.Read(jwt);
            if (!WebhookJwtVerifier.AllowedAlgorithms(jwt, keys).Any())
            {
                builder.AddError($"'{prefix}Algorithms' allows no algorithm.");
            }
        }
        catch (FormatException exception)
        {
            builder.AddError($"A key configured for {receiverName} cannot be used: '{prefix}{exception.Message}");
        }

        foreach (var algorithm in jwt.Algorithms.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()))
        {
            if (algorithm.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                builder.AddError($"'{prefix}Algorithms' lists 'none': an unsigned token is never accepted.");
            }
            else if (!WebhookJwtVerifier.AsymmetricAlgorithms.Contains(algorithm) && !WebhookJwtVerifier.SymmetricAlgorithms.Contains(algorithm))
            {
                builder.AddError($"'{prefix}Algorithms' lists '{algorithm}', which is not one of {string.Join(", ", WebhookJwtVerifier.AsymmetricAlgorithms.Concat(WebhookJwtVerifier.SymmetricAlgorithms))}.");
            }
        }

        if (jwt.ValidateIssuer && !jwt.ValidIssuers.Any(i => !string.IsNullOrWhiteSpace(i)))
        {
            builder.AddError($"Set '{prefix}ValidIssuers' to the sender's 'iss' (or '{prefix}ValidateIssuer' to false when tokens carry none).");
        }

        if (jwt.ValidateAudience && !jwt.ValidAudiences.Any(a => !string.IsNullOrWhiteSpace(a)))
        {
            builder.AddError($"Set '{prefix}ValidAudiences' to your 'aud' as the sender writes it (or '{prefix}ValidateAudience' to false when tokens carry none).");
        }

        if (jwt.ClockSkew < TimeSpan.Zero)
        {
            builder.AddError($"'{prefix}ClockSkew' must not be negative.");
        }

        if (jwt.MaxTokenAge is { } maxAge && maxAge <= TimeSpan.Zero)
        {
            builder.AddError($"'{prefix}MaxTokenAge' must be positive.");
        }

        if (!jwt.RequireExpirationTime && jwt.MaxTokenAge is null)
        {
            builder.AddError($"'{prefix}RequireExpirationTime' is off, so set '{prefix}MaxTokenAge': a token without 'exp' must not be valid forever.");
        }
    }
}
