namespace WebhookGen.Signatures;

/// <summary>How a configured secret becomes the HMAC key. Always stated by the scheme, never guessed from the secret.</summary>
public enum SecretEncoding
{
    /// <summary>The secret's UTF-8 bytes (GitHub, Stripe, most <c>X-Hub-Signature</c> senders).</summary>
    Utf8,

    /// <summary>
    /// Base64 after an optional <c>whsec_</c> prefix (Standard Webhooks, Svix): <c>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw</c>.
    /// A secret that is not valid base64 matches nothing, and options validation refuses it at startup.
    /// </summary>
    WhsecBase64,
}
