using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebhookGen.Jwt;

/// <summary>
/// Verifies a JWT body (JWS compact form) before anything reads its claims: an allowed <c>alg</c>, a signature by a
/// configured key (key material or the sender's JWK Set), then <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c> and
/// <c>aud</c> on the app's clock with the configured skew. The cryptography and the claim checks are
/// Microsoft.IdentityModel's; this class decides what is allowed. Built once per options instance.
/// </summary>
internal sealed class WebhookJwtVerifier
{
    /// <summary>Every algorithm that can be allowed: RSA PKCS#1, RSA-PSS, ECDSA and HMAC, each with SHA-256/384/512.</summary>
    internal static readonly IReadOnlyList<string> AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    internal static readonly IReadOnlyList<string> SymmetricAlgorithms =
        [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    private readonly WebhookJwtOptions _options;
    private readonly List<SecurityKey> _staticKeys;
    private readonly HashSet<string> _algorithms;
    private readonly TimeProvider _timeProvider;

    /// <summary>A verifier for <paramref name="options"/>, whose key material must be valid (options validation checks it at start).</summary>
    public WebhookJwtVerifier(WebhookJwtOptions options, JwksCache? jwks, TimeProvider timeProvider)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _staticKeys = JwtKeyMaterial.Read(options);
        Jwks = jwks;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _algorithms = new HashSet<string>(AllowedAlgorithms(options, _staticKeys), StringComparer.Ordinal);
    }

    /// <summary>The key set fetched from <see cref="WebhookJwtOptions.JwksUri"/>, if one is configured.</summary>
    public JwksCache? Jwks { get; }

    /// <summary>The algorithms allowed: the configured ones, else the asymmetric ones plus HMAC when a symmetric key is configured. Never <c>none</c>.</summary>
    internal static IEnumerable<string> AllowedAlgorithms(WebhookJwtOptions options, IEnumerable<SecurityKey> staticKeys)
    {
        var configured = options.Algorithms.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        var allowed = configured.Count > 0
            ? configured
            : JwtKeyMaterial.HasSymmetricKey(staticKeys) ? AsymmetricAlgorithms.Concat(SymmetricAlgorithms) : AsymmetricAlgorithms;
        return allowed.Where(a => !a.Equals("none", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Verifies <paramref name="body"/>; when valid, <c>Claims</c> is the token's payload: the claims as UTF-8 JSON.</summary>
    public async ValueTask<(JwtVerificationResult Result, ReadOnlyMemory<byte> Claims)> VerifyAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var token = ReadToken(body.Span);
        if (token is null)
        {
            return (JwtVerificationResult.Malformed, default);
        }

        JsonWebToken jwt;
        try
        {
            jwt = Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return (JwtVerificationResult.Malformed, default);
        }

        if (jwt.IsEncrypted)
        {
            return (JwtVerificationResult.Malformed, default);
        }

        // Checked here, before any key is looked up: an unsigned token or a downgraded algorithm goes no further.
        if (string.IsNullOrEmpty(jwt.Alg) || !_algorithms.Contains(jwt.Alg))
        {
            return (JwtVerificationResult.AlgorithmNotAllowed, default);
        }

        var keys = await KeysAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return (JwtVerificationResult.KeysUnavailable, default);
        }

        var validation = await Handler.ValidateTokenAsync(jwt, Parameters(keys)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return (Classify(validation.Exception), default);
        }

        var lifetime = JwtLifetime.Check(jwt, _options, _timeProvider.GetUtcNow());
        if (lifetime != JwtVerificationResult.Valid)
        {
            return (lifetime, default);
        }

        byte[] claims;
        try
        {
            claims = Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload);
        }
        catch (FormatException)
        {
            return (JwtVerificationResult.Malformed, default);
        }

        return (JwtVerificationResult.Valid, claims);
    }

    /// <summary>The body as the token's text: ASCII, surrounding white space ignored; null when it cannot be a compact JWS.</summary>
    private static string? ReadToken(ReadOnlySpan<byte> body)
    {
        body = body.Trim(" \t\r\n"u8);
        if (body.IsEmpty)
        {
            return null;
        }

        foreach (var b in body)
        {
            // base64url and the two dots: anything else is not a compact JWS.
            if (!(b is (byte)'.' or (byte)'-' or (byte)'_' || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')))
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(body);
    }

    private async ValueTask<IReadOnlyList<SecurityKey>> KeysAsync(string? kid, CancellationToken cancellationToken)
    {
        if (Jwks is null)
        {
            return _staticKeys;
        }

        var fetched = await Jwks.GetKeysAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(kid) && !HasKey(_staticKeys, kid) && !HasKey(fetched, kid))
        {
            // A key the set did not have yet: the sender rotated its keys. Fetched again, at most once per minimum interval.
            fetched = await Jwks.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return _staticKeys.Count == 0 ? fetched : [.. _staticKeys, .. fetched];
    }

    private static bool HasKey(IEnumerable<SecurityKey> keys, string kid)
    {
        foreach (var key in keys)
        {
            if (string.Equals(key.KeyId, kid, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> keys) => new()
    {
        IssuerSigningKeys = keys,
        ValidAlgorithms = _algorithms,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = false,
        TryAllIssuerSigningKeys = true,
        ValidateIssuer = _options.ValidateIssuer,
        ValidIssuers = _options.ValidIssuers,
        ValidateAudience = _options.ValidateAudience,
        ValidAudiences = _options.ValidAudiences,
        // The lifetime is checked by JwtLifetime on the app's TimeProvider, which the handler's own check does not use.
        ValidateLifetime = false,
        RequireExpirationTime = false,
        ValidateTokenReplay = false,
        SaveSigninToken = false,
    };

    private static JwtVerificationResult Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => JwtVerificationResult.Expired,
        SecurityTokenNotYetValidException => JwtVerificationResult.NotYetValid,
        SecurityTokenNoExpirationException => JwtVerificationResult.MissingLifetime,
        SecurityTokenInvalidAudienceException => JwtVerificationResult.InvalidAudience,
        SecurityTokenInvalidIssuerException => JwtVerificationResult.InvalidIssuer,
        SecurityTokenInvalidAlgorithmException => JwtVerificationResult.AlgorithmNotAllowed,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => JwtVerificationResult.SignatureInvalid,
        SecurityTokenMalformedException => JwtVerificationResult.Malformed,
        _ => JwtVerificationResult.Invalid,
    };
}
