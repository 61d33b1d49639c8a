namespace WebhookGen.Signatures;

/// <summary>How a signature's MAC is written in its header.</summary>
public enum SignatureEncoding
{
    /// <summary>Hexadecimal, read in either case (<c>sha256=9f86d0…</c>).</summary>
    Hex,

    /// <summary>Standard base64 with padding (<c>v1,K5oZfzN95Z9…=</c>).</summary>
    Base64,
}
