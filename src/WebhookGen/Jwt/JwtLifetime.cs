using System;
using Microsoft.IdentityModel.JsonWebTokens;

namespace WebhookGen.Jwt;

/// <summary>
/// The time claims of a verified token, on the app's clock: <c>exp</c> (required unless turned off), <c>nbf</c>, and
/// <c>iat</c> (not in the future; within <see cref="WebhookJwtOptions.MaxTokenAge"/> when set), each with the clock skew.
/// </summary>
internal static class JwtLifetime
{
    public static JwtVerificationResult Check(JsonWebToken jwt, WebhookJwtOptions options, DateTimeOffset now)
    {
        var skew = options.ClockSkew;
        var expires = Read(jwt, JwtRegisteredClaimNames.Exp);
        var notBefore = Read(jwt, JwtRegisteredClaimNames.Nbf);
        var issuedAt = Read(jwt, JwtRegisteredClaimNames.Iat);
        if (expires is null && options.RequireExpirationTime)
        {
            return JwtVerificationResult.MissingLifetime;
        }

        if (issuedAt is null && options.MaxTokenAge is not null)
        {
            return JwtVerificationResult.MissingLifetime;
        }

        if (expires is { } exp && notBefore is { } nbf && nbf > exp)
        {
            return JwtVerificationResult.Invalid;
        }

        if ((notBefore is { } from && from - skew > now) || (issuedAt is { } issued && issued - skew > now))
        {
            return JwtVerificationResult.NotYetValid;
        }

        if ((expires is { } until && until + skew <= now)
            || (issuedAt is { } iat && options.MaxTokenAge is { } maxAge && now - iat > maxAge + skew))
        {
            return JwtVerificationResult.Expired;
        }

        return JwtVerificationResult.Valid;
    }

    /// <summary>A NumericDate claim (seconds since the epoch, integer or not); null when absent or not a number in range.</summary>
    private static DateTimeOffset? Read(JsonWebToken jwt, string claim)
    {
        double seconds;
        if (jwt.TryGetPayloadValue<long>(claim, out var whole))
        {
            seconds = whole;
        }
        else if (!jwt.TryGetPayloadValue(claim, out seconds))
        {
            return null;
        }

        const double Min = -62135596800; // 0001-01-01
        const double Max = 253402300799; // 9999-12-31T23:59:59
        return double.IsFinite(seconds) && seconds is >= Min and <= Max
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;
    }
}
