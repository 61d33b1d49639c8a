namespace WebhookGen.Signatures;

/// <summary>The outcome of checking a delivery's signature. Anything but <see cref="Valid"/> rejects the delivery.</summary>
public enum SignatureVerificationResult
{
    /// <summary>A signature matched a configured secret.</summary>
    Valid,

    /// <summary>The signature header is absent or empty.</summary>
    Missing,

    /// <summary>The signature header could not be read (unknown method, bad encoding, wrong length).</summary>
    Malformed,

    /// <summary>The signature was well formed but matched no configured secret.</summary>
    Mismatch,
}
