using System;

namespace WebhookGen.Signatures;

/// <summary>Names and sizes of the <see cref="HmacAlgorithm"/> members.</summary>
internal static class HmacAlgorithms
{
    public const int MaxHashSize = 64;

    public static string Name(HmacAlgorithm algorithm) => algorithm switch
    {
        HmacAlgorithm.Sha1 => "sha1",
        HmacAlgorithm.Sha256 => "sha256",
        HmacAlgorithm.Sha512 => "sha512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    public static int HashSize(HmacAlgorithm algorithm) => algorithm switch
    {
        HmacAlgorithm.Sha1 => 20,
        HmacAlgorithm.Sha256 => 32,
        _ => 64,
    };

    public static System.Security.Cryptography.HashAlgorithmName HashName(HmacAlgorithm algorithm) => algorithm switch
    {
        HmacAlgorithm.Sha1 => System.Security.Cryptography.HashAlgorithmName.SHA1,
        HmacAlgorithm.Sha256 => System.Security.Cryptography.HashAlgorithmName.SHA256,
        _ => System.Security.Cryptography.HashAlgorithmName.SHA512,
    };
}
