namespace WebhookGen.Signatures;

/// <summary>One part of the content a sender signs; the parts are joined by <see cref="WebhookSignatureScheme.ContentSeparator"/>.</summary>
public enum SignedContentPart
{
    /// <summary>The delivery's id, from <see cref="WebhookSignatureScheme.IdHeaderName"/>.</summary>
    Id,

    /// <summary>The timestamp exactly as sent (unix seconds), from the timestamp header or the signature header.</summary>
    Timestamp,

    /// <summary>The raw body, byte for byte.</summary>
    Body,
}
