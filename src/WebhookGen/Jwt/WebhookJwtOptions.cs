using System;
using System.Collections.Generic;

namespace WebhookGen.Jwt;

/// <summary>
/// How the signed JWT bodies of a receiver's <c>application/jwt</c> events are verified, bound from
/// <c>Webhooks:{ReceiverClass}:Jwt</c>. A receiver with such events refuses to start without keys (docs/jwt.md).
/// </summary>
public sealed class WebhookJwtOptions
{
    /// <summary>The default <see cref="ClockSkew"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="JwksRefreshInterval"/>: 12 hours.</summary>
    public static readonly TimeSpan DefaultJwksRefreshInterval = TimeSpan.FromHours(12);

    /// <summary>The default <see cref="JwksMinimumRefreshInterval"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultJwksMinimumRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The URL of the sender's JSON Web Key Set. Fetched on the first token, cached, fetched again after
    /// <see cref="JwksRefreshInterval"/> and when a token names a key (<c>kid</c>) the set does not have.
    /// </summary>
    public string? JwksUri { get; set; }

    /// <summary>Whether <see cref="JwksUri"/> must be <c>https</c>. Default true; turn off only for a sender on a private network or in tests.</summary>
    public bool JwksRequireHttps { get; set; } = true;

    /// <summary>How long a fetched key set is used before it is fetched again. Default 12 hours.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = DefaultJwksRefreshInterval;

    /// <summary>
    /// The least time between two fetches of the key set, however many tokens name an unknown key: a sender of forged
    /// tokens cannot make the receiver hammer the key server. Default 5 minutes.
    /// </summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = DefaultJwksMinimumRefreshInterval;

    /// <summary>
    /// Public keys given as key material, each one of: a JWK (<c>{"kty":"RSA",...}</c>), a JWK Set (<c>{"keys":[...]}</c>),
    /// or PEM (<c>-----BEGIN PUBLIC KEY-----</c>, <c>RSA PUBLIC KEY</c> or <c>CERTIFICATE</c>). A JWK of type <c>oct</c> is a
    /// symmetric key, written base64url.
    /// </summary>
    public IList<string> SigningKeys { get; } = new List<string>();

    /// <summary>
    /// Shared secrets for HMAC-signed tokens (<c>HS256</c>, <c>HS384</c>, <c>HS512</c>), as UTF-8 text of at least 32 bytes.
    /// The HMAC algorithms are allowed by default only when a symmetric key is configured.
    /// </summary>
    public IList<string> SharedSecrets { get; } = new List<string>();

    /// <summary>
    /// The <c>alg</c> values accepted. Empty (the default): <c>RS*</c>, <c>PS*</c> and <c>ES*</c>, plus <c>HS*</c> when a
    /// symmetric key is configured. <c>none</c> is never accepted, and an algorithm is only ever tried with a key of its
    /// kind (no HMAC with an RSA public key).
    /// </summary>
    public IList<string> Algorithms { get; } = new List<string>();

    /// <summary>The accepted <c>iss</c> values. Required unless <see cref="ValidateIssuer"/> is false.</summary>
    public IList<string> ValidIssuers { get; } = new List<string>();

    /// <summary>The accepted <c>aud</c> values (the token's <c>aud</c> must contain one). Required unless <see cref="ValidateAudience"/> is false.</summary>
    public IList<string> ValidAudiences { get; } = new List<string>();

    /// <summary>Whether <c>iss</c> is checked against <see cref="ValidIssuers"/>. Default true.</summary>
    public bool ValidateIssuer { get; set; } = true;

    /// <summary>Whether <c>aud</c> is checked against <see cref="ValidAudiences"/>. Default true.</summary>
    public bool ValidateAudience { get; set; } = true;

    /// <summary>
    /// Whether a token must carry <c>exp</c>. Default true. Security event tokens (Open Banking event notifications)
    /// carry none: turn this off and set <see cref="MaxTokenAge"/>, which is then required, so that no token is valid forever.
    /// </summary>
    public bool RequireExpirationTime { get; set; } = true;

    /// <summary>
    /// When set, a token must carry <c>iat</c> and be no older than this (plus <see cref="ClockSkew"/>). Required when
    /// <see cref="RequireExpirationTime"/> is off.
    /// </summary>
    public TimeSpan? MaxTokenAge { get; set; }

    /// <summary>How far the sender's clock may be from the receiver's, for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;
}
