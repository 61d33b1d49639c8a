namespace WebhookGen.Jwt;

/// <summary>The outcome of verifying a JWT body. Everything but <see cref="Valid"/> is answered <c>401</c>, except <see cref="KeysUnavailable"/> (<c>503</c>).</summary>
public enum JwtVerificationResult
{
    /// <summary>Signed by a configured key with an allowed algorithm, and every claim checked holds.</summary>
    Valid,

    /// <summary>Not a JWS in compact form (three base64url parts), an encrypted token (JWE), or a payload that is not a JSON object.</summary>
    Malformed,

    /// <summary>The header's <c>alg</c> is not allowed (<c>none</c> never is), or not one the key it names can verify.</summary>
    AlgorithmNotAllowed,

    /// <summary>No configured key verifies the signature.</summary>
    SignatureInvalid,

    /// <summary><c>exp</c> is past, or <c>iat</c> is older than the configured maximum age (beyond the clock skew).</summary>
    Expired,

    /// <summary><c>nbf</c> or <c>iat</c> is in the future (beyond the clock skew).</summary>
    NotYetValid,

    /// <summary>The token has no <c>exp</c> and one is required, or no <c>iat</c> and a maximum age is set.</summary>
    MissingLifetime,

    /// <summary><c>aud</c> is missing or names none of the accepted audiences.</summary>
    InvalidAudience,

    /// <summary><c>iss</c> is missing or not an accepted issuer.</summary>
    InvalidIssuer,

    /// <summary>The token fails another check of the token handler.</summary>
    Invalid,

    /// <summary>No key to verify with: the key set could not be fetched. Answered <c>503</c>, so that the sender retries.</summary>
    KeysUnavailable,
}
