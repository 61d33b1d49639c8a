namespace WebhookGen.Signatures;

/// <summary>The outcome of checking a delivery's signature. Anything but <see cref="Valid"/> rejects the delivery.</summary>
public enum SignatureVerificationResult
{
    /// <summary>A signature matched a configured secret.</summary>
    Valid,

    /// <summary>The signature header is absent or empty, or a header the signed content needs (id, timestamp) is.</summary>
    Missing,

    /// <summary>The signature header could not be read (unknown method, bad encoding, wrong length, unreadable timestamp).</summary>
    Malformed,

    /// <summary>The signature was well formed but matched no configured secret.</summary>
    Mismatch,

    /// <summary>
    /// The signature matched, but its timestamp is further from now than the scheme's tolerance, in the past (a replay)
    /// or in the future.
    /// </summary>
    TimestampOutOfRange,
}
