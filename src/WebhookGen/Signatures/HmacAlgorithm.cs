namespace WebhookGen.Signatures;

/// <summary>The hash function of an HMAC signature.</summary>
public enum HmacAlgorithm
{
    /// <summary>HMAC-SHA1 (<c>sha1=</c>), still sent by older providers.</summary>
    Sha1,

    /// <summary>HMAC-SHA256 (<c>sha256=</c>).</summary>
    Sha256,

    /// <summary>HMAC-SHA512 (<c>sha512=</c>).</summary>
    Sha512,
}
