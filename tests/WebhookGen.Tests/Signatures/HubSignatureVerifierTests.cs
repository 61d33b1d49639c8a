using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Shouldly;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

public class HubSignatureVerifierTests
{
    private const string Header = "X-Signature";
    private const string Secret = "s3cr3t";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"appliance.updated","data":{"applianceID":"a-1"}}""");

    private static string Sha512Hex(string secret, byte[] body) =>
        Convert.ToHexString(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();

    private static string Sha256Hex(string secret, byte[] body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();

#pragma warning disable CA5350 // The scheme still allows HMAC-SHA1; the test computes the expected value independently.
    private static string Sha1Hex(string secret, byte[] body) =>
        Convert.ToHexString(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();
#pragma warning restore CA5350

    private static HeaderDictionary Headers(StringValues value) => new() { [Header] = value };

    private static SignatureVerificationResult Verify(HmacAlgorithm algorithm, StringValues header, byte[]? body = null, params string[] secrets) =>
        new HubSignatureVerifier(Header, algorithm).Verify(Headers(header), body ?? Body, secrets.Length == 0 ? [Secret] : secrets);

    [Fact]
    public void Valid_sha512_signature_is_accepted()
    {
        Verify(HmacAlgorithm.Sha512, "sha512=" + Sha512Hex(Secret, Body)).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Valid_sha256_signature_is_accepted()
    {
        Verify(HmacAlgorithm.Sha256, "sha256=" + Sha256Hex(Secret, Body)).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Valid_sha1_signature_is_accepted()
    {
        Verify(HmacAlgorithm.Sha1, "sha1=" + Sha1Hex(Secret, Body)).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Upper_case_hex_is_accepted()
    {
        Verify(HmacAlgorithm.Sha512, "sha512=" + Sha512Hex(Secret, Body).ToUpperInvariant()).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Theory]
    [InlineData("SHA512")]
    [InlineData("Sha512")]
    [InlineData("sHa512")]
    public void Method_name_is_case_insensitive(string method)
    {
        Verify(HmacAlgorithm.Sha512, method + "=" + Sha512Hex(Secret, Body)).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Spaces_around_method_and_hex_are_ignored()
    {
        Verify(HmacAlgorithm.Sha512, "  sha512 = " + Sha512Hex(Secret, Body) + "  ").ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Missing_header_is_Missing()
    {
        var verifier = new HubSignatureVerifier(Header, HmacAlgorithm.Sha512);
        var headers = new HeaderDictionary { ["X-Other"] = "sha512=" + Sha512Hex(Secret, Body) };

        verifier.Verify(headers, Body, [Secret]).ShouldBe(SignatureVerificationResult.Missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",")]
    [InlineData(" , ,")]
    public void Empty_header_is_Missing(string value)
    {
        Verify(HmacAlgorithm.Sha512, value).ShouldBe(SignatureVerificationResult.Missing);
    }

    [Fact]
    public void Header_name_is_case_insensitive()
    {
        var verifier = new HubSignatureVerifier(Header, HmacAlgorithm.Sha512);
        var headers = new HeaderDictionary { ["x-signature"] = "sha512=" + Sha512Hex(Secret, Body) };

        verifier.Verify(headers, Body, [Secret]).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Other_method_than_expected_is_Malformed()
    {
        // A correct sha256 signature does not satisfy a sha512 verifier.
        Verify(HmacAlgorithm.Sha512, "sha256=" + Sha256Hex(Secret, Body)).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Signature_without_equals_sign_is_Malformed()
    {
        Verify(HmacAlgorithm.Sha512, Sha512Hex(Secret, Body)).ShouldBe(SignatureVerificationResult.Malformed);
        Verify(HmacAlgorithm.Sha512, "sha512" + Sha512Hex(Secret, Body)).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Non_hex_characters_are_Malformed()
    {
        var hex = Sha512Hex(Secret, Body);
        Verify(HmacAlgorithm.Sha512, "sha512=" + "zz" + hex[2..]).ShouldBe(SignatureVerificationResult.Malformed);
        Verify(HmacAlgorithm.Sha512, "sha512=" + hex[..^1] + "g").ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Base64_instead_of_hex_is_Malformed()
    {
        var mac = HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), Body);
        Verify(HmacAlgorithm.Sha512, "sha512=" + Convert.ToBase64String(mac)).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Truncated_hex_is_Malformed()
    {
        var hex = Sha512Hex(Secret, Body);
        Verify(HmacAlgorithm.Sha512, "sha512=" + hex[..^2]).ShouldBe(SignatureVerificationResult.Malformed);
        Verify(HmacAlgorithm.Sha512, "sha512=" + hex[..^1]).ShouldBe(SignatureVerificationResult.Malformed);
        Verify(HmacAlgorithm.Sha512, "sha512=").ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Too_long_hex_is_Malformed()
    {
        Verify(HmacAlgorithm.Sha512, "sha512=" + Sha512Hex(Secret, Body) + "00").ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Wrong_secret_is_Mismatch()
    {
        Verify(HmacAlgorithm.Sha512, "sha512=" + Sha512Hex("other secret", Body)).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Body_changed_by_one_byte_is_Mismatch()
    {
        var header = "sha512=" + Sha512Hex(Secret, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 0x01;

        Verify(HmacAlgorithm.Sha512, header, tampered).ShouldBe(SignatureVerificationResult.Mismatch);
        Verify(HmacAlgorithm.Sha512, header, Body).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Empty_body_can_be_signed_and_verified()
    {
        var header = "sha256=" + Sha256Hex(Secret, []);

        Verify(HmacAlgorithm.Sha256, header, []).ShouldBe(SignatureVerificationResult.Valid);
        Verify(HmacAlgorithm.Sha256, header, [0x20]).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData("sha512={bad}, sha512={good}")]
    [InlineData("sha512={bad},sha512={good}")]
    [InlineData("sha512={good} ,  sha512={bad}")]
    [InlineData("sha256={bad}, sha512={good}")]
    [InlineData("sha512={good},")]
    public void One_good_signature_among_several_is_Valid(string pattern)
    {
        var header = pattern
            .Replace("{good}", Sha512Hex(Secret, Body), StringComparison.Ordinal)
            .Replace("{bad}", Sha512Hex("old secret", Body), StringComparison.Ordinal);

        Verify(HmacAlgorithm.Sha512, header).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Several_wrong_signatures_are_Mismatch()
    {
        var header = "sha512=" + Sha512Hex("a", Body) + ", sha512=" + Sha512Hex("b", Body);

        Verify(HmacAlgorithm.Sha512, header).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Malformed_and_wrong_signatures_together_are_Mismatch()
    {
        var header = "sha512=nothex, sha512=" + Sha512Hex("a", Body);

        Verify(HmacAlgorithm.Sha512, header).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Only_malformed_signatures_are_Malformed()
    {
        Verify(HmacAlgorithm.Sha512, "sha512=nothex, md5=abcd, garbage").ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Second_secret_matching_is_Valid()
    {
        var header = "sha512=" + Sha512Hex("new secret", Body);

        Verify(HmacAlgorithm.Sha512, header, null, "old secret", "new secret").ShouldBe(SignatureVerificationResult.Valid);
        Verify(HmacAlgorithm.Sha512, header, null, "old secret", "other secret").ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Many_signatures_and_many_secrets_find_the_matching_pair()
    {
        var header = string.Join(", ", "sha512=" + Sha512Hex("x", Body), "sha512=" + Sha512Hex("y", Body), "sha512=" + Sha512Hex("c", Body));

        Verify(HmacAlgorithm.Sha512, header, null, "a", "b", "c").ShouldBe(SignatureVerificationResult.Valid);
        Verify(HmacAlgorithm.Sha512, header, null, "a", "b", "d").ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Good_signature_after_hundreds_of_bad_ones_is_Valid()
    {
        var bad = "sha512=" + Sha512Hex("attacker", Body);
        var header = string.Join(",", System.Linq.Enumerable.Repeat(bad, 500)) + ",sha512=" + Sha512Hex("second", Body);

        Verify(HmacAlgorithm.Sha512, header, null, "first", "second").ShouldBe(SignatureVerificationResult.Valid);
        Verify(HmacAlgorithm.Sha512, string.Join(",", System.Linq.Enumerable.Repeat(bad, 500)), null, "first", "second")
            .ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Each_secret_is_hashed_once_however_many_signatures_the_header_carries()
    {
        // Hashing the whole body again per signature would let one request with a long header cost many passes over it.
        var bad = "sha512=" + Sha512Hex("attacker", Body);
        var secrets = new CountingSecrets("first", "second");

        new HubSignatureVerifier(Header, HmacAlgorithm.Sha512)
            .Verify(Headers(string.Join(",", System.Linq.Enumerable.Repeat(bad, 200))), Body, secrets)
            .ShouldBe(SignatureVerificationResult.Mismatch);

        secrets.Reads.ShouldBe(2);
    }

    [Fact]
    public void Secrets_are_not_hashed_when_no_signature_is_well_formed()
    {
        var secrets = new CountingSecrets("first");

        new HubSignatureVerifier(Header, HmacAlgorithm.Sha512).Verify(Headers("sha512=zz, sha256=00"), Body, secrets)
            .ShouldBe(SignatureVerificationResult.Malformed);

        secrets.Reads.ShouldBe(0);
    }

    /// <summary>A secrets list that counts how often a secret is read, through the indexer or an enumerator.</summary>
    private sealed class CountingSecrets(params string[] secrets) : System.Collections.Generic.IReadOnlyList<string>
    {
        public int Reads { get; private set; }

        public int Count => secrets.Length;

        public string this[int index]
        {
            get
            {
                Reads++;
                return secrets[index];
            }
        }

        public System.Collections.Generic.IEnumerator<string> GetEnumerator()
        {
            foreach (var secret in secrets)
            {
                Reads++;
                yield return secret;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void Several_header_values_are_each_read()
    {
        var values = new StringValues(["sha512=" + Sha512Hex("old secret", Body), "sha512=" + Sha512Hex(Secret, Body)]);

        Verify(HmacAlgorithm.Sha512, values).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void Several_header_values_none_matching_are_Mismatch()
    {
        var values = new StringValues(["sha512=" + Sha512Hex("old secret", Body), "sha512=" + Sha512Hex("other", Body)]);

        Verify(HmacAlgorithm.Sha512, values).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Several_header_values_empty_and_malformed_are_Malformed()
    {
        Verify(HmacAlgorithm.Sha512, new StringValues(["", "sha512=zz"])).ShouldBe(SignatureVerificationResult.Malformed);
        Verify(HmacAlgorithm.Sha512, new StringValues(["", " "])).ShouldBe(SignatureVerificationResult.Missing);
    }

    [Theory]
    [InlineData(HmacAlgorithm.Sha1, "sha1=", 40)]
    [InlineData(HmacAlgorithm.Sha256, "sha256=", 64)]
    [InlineData(HmacAlgorithm.Sha512, "sha512=", 128)]
    public void Sign_writes_method_and_lower_case_hex(HmacAlgorithm algorithm, string prefix, int hexLength)
    {
        var verifier = new HubSignatureVerifier(Header, algorithm);

        var signature = verifier.Sign(Body, Secret);

        signature.ShouldStartWith(prefix, Case.Sensitive);
        signature.Length.ShouldBe(prefix.Length + hexLength);
        signature[prefix.Length..].ShouldBe(signature[prefix.Length..].ToLowerInvariant());
        verifier.MethodName.ShouldBe(prefix[..^1]);
        verifier.Algorithm.ShouldBe(algorithm);
        verifier.HeaderName.ShouldBe(Header);
    }

    [Fact]
    public void Sign_matches_an_independent_HMAC()
    {
        new HubSignatureVerifier(Header, HmacAlgorithm.Sha512).Sign(Body, Secret).ShouldBe("sha512=" + Sha512Hex(Secret, Body));
        new HubSignatureVerifier(Header, HmacAlgorithm.Sha256).Sign(Body, Secret).ShouldBe("sha256=" + Sha256Hex(Secret, Body));
        new HubSignatureVerifier(Header, HmacAlgorithm.Sha1).Sign(Body, Secret).ShouldBe("sha1=" + Sha1Hex(Secret, Body));
    }

    [Theory]
    [InlineData(HmacAlgorithm.Sha1)]
    [InlineData(HmacAlgorithm.Sha256)]
    [InlineData(HmacAlgorithm.Sha512)]
    public void Sign_round_trips_with_Verify(HmacAlgorithm algorithm)
    {
        var verifier = new HubSignatureVerifier(Header, algorithm);
        var signature = verifier.Sign(Body, "rotate-me");

        verifier.Verify(Headers(signature), Body, ["rotate-me"]).ShouldBe(SignatureVerificationResult.Valid);
        verifier.Verify(Headers(signature), Body, ["other"]).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Non_ascii_secret_is_encoded_as_UTF8()
    {
        const string secret = "clé-秘密";
        var verifier = new HubSignatureVerifier(Header, HmacAlgorithm.Sha256);

        verifier.Sign(Body, secret).ShouldBe("sha256=" + Sha256Hex(secret, Body));
        verifier.Verify(Headers(verifier.Sign(Body, secret)), Body, [secret]).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public void No_secrets_is_not_Valid()
    {
        var verifier = new HubSignatureVerifier(Header, HmacAlgorithm.Sha512);
        var headers = Headers("sha512=" + Sha512Hex(Secret, Body));

        verifier.Verify(headers, Body, []).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Empty_secret_signature_is_not_accepted_for_another_secret()
    {
        var header = "sha512=" + Sha512Hex(string.Empty, Body);

        Verify(HmacAlgorithm.Sha512, header).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void Constructor_checks_its_arguments()
    {
        Should.Throw<ArgumentNullException>(() => new HubSignatureVerifier(null!, HmacAlgorithm.Sha512)).ParamName.ShouldBe("headerName");
        Should.Throw<ArgumentException>(() => new HubSignatureVerifier("", HmacAlgorithm.Sha512)).ParamName.ShouldBe("headerName");
        Should.Throw<ArgumentOutOfRangeException>(() => new HubSignatureVerifier(Header, (HmacAlgorithm)42)).ParamName.ShouldBe("algorithm");
    }

    [Fact]
    public void Verify_and_Sign_check_their_arguments()
    {
        var verifier = new HubSignatureVerifier(Header, HmacAlgorithm.Sha512);

        Should.Throw<ArgumentNullException>(() => verifier.Verify(null!, Body, [Secret])).ParamName.ShouldBe("headers");
        Should.Throw<ArgumentNullException>(() => verifier.Verify(new HeaderDictionary(), Body, null!)).ParamName.ShouldBe("secrets");
        Should.Throw<ArgumentNullException>(() => verifier.Sign(Body, null!)).ParamName.ShouldBe("secret");
    }
}
