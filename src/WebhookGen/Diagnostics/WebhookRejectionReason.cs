using WebhookGen.Signatures;

namespace WebhookGen.Diagnostics;

/// <summary>The values of <c>webhookgen.rejection.reason</c>: a fixed set, one per check that can turn a delivery away.</summary>
internal static class WebhookRejectionReason
{
    public const string BodyTooLarge = "body_too_large";
    public const string SignatureMissing = "signature_missing";
    public const string SignatureMalformed = "signature_malformed";
    public const string SignatureInvalid = "signature_invalid";
    public const string SignatureExpired = "signature_expired";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidPayload = "invalid_payload";
    public const string UnknownEvent = "unknown_event";
    public const string NotHandled = "not_handled";
    public const string IdempotencyUnavailable = "idempotency_unavailable";
    public const string InboxUnavailable = "inbox_unavailable";
    public const string HandlerRefused = "handler_refused";
    public const string TokenInvalid = "token_invalid";
    public const string TokenExpired = "token_expired";
    public const string TokenKeysUnavailable = "token_keys_unavailable";

    public static string ForSignature(SignatureVerificationResult outcome) => outcome switch
    {
        SignatureVerificationResult.Missing => SignatureMissing,
        SignatureVerificationResult.Malformed => SignatureMalformed,
        SignatureVerificationResult.TimestampOutOfRange => SignatureExpired,
        _ => SignatureInvalid,
    };

    public static string ForToken(WebhookGen.Jwt.JwtVerificationResult outcome) => outcome switch
    {
        WebhookGen.Jwt.JwtVerificationResult.Expired or WebhookGen.Jwt.JwtVerificationResult.NotYetValid => TokenExpired,
        WebhookGen.Jwt.JwtVerificationResult.KeysUnavailable => TokenKeysUnavailable,
        _ => TokenInvalid,
    };
}
