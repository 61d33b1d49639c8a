using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shouldly;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

public class KeyedMacsTests
{
    [Theory]
    [InlineData(HmacAlgorithm.Sha1)]
    [InlineData(HmacAlgorithm.Sha256)]
    [InlineData(HmacAlgorithm.Sha512)]
    public void A_kept_key_gives_the_one_shot_MAC_of_every_message_in_turn(HmacAlgorithm algorithm)
    {
        var secret = "kept-" + algorithm;
        var key = Encoding.UTF8.GetBytes(secret);
        for (var length = 0; length < 300; length += 37)
        {
            var message = RandomNumberGenerator.GetBytes(length);
            KeyedMacs.TryGet(secret, SecretEncoding.Utf8, algorithm, out var hmac).ShouldBeTrue();
            var kept = new byte[HmacAlgorithms.HashSize(algorithm)];
            SignatureMac.Compute(hmac, [SignedContentPart.Body], default, message, null, null, kept);

            var oneShot = new byte[kept.Length];
            SignatureMac.Compute(algorithm, [SignedContentPart.Body], default, key, message, null, null, oneShot);
            kept.ShouldBe(oneShot, $"message of {length} bytes");
        }
    }

    [Fact]
    public void An_equal_secret_in_another_string_finds_the_same_instance_and_encoding_and_algorithm_tell_keys_apart()
    {
        var secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("equal-secret"));
        var copy = new string(secret.AsSpan());
        ReferenceEquals(secret, copy).ShouldBeFalse();

        KeyedMacs.TryGet(secret, SecretEncoding.WhsecBase64, HmacAlgorithm.Sha256, out var first).ShouldBeTrue();
        KeyedMacs.TryGet(copy, SecretEncoding.WhsecBase64, HmacAlgorithm.Sha256, out var again).ShouldBeTrue();
        KeyedMacs.TryGet(secret, SecretEncoding.Utf8, HmacAlgorithm.Sha256, out var utf8).ShouldBeTrue();
        KeyedMacs.TryGet(secret, SecretEncoding.WhsecBase64, HmacAlgorithm.Sha512, out var sha512).ShouldBeTrue();

        again.ShouldBeSameAs(first);
        utf8.ShouldNotBeSameAs(first);
        sha512.ShouldNotBeSameAs(first);
    }

    [Fact]
    public void A_secret_that_is_not_a_key_in_its_encoding_gets_no_instance() =>
        KeyedMacs.TryGet("whsec_not base64!", SecretEncoding.WhsecBase64, HmacAlgorithm.Sha256, out _).ShouldBeFalse();

    [Fact]
    public void A_forgotten_instance_is_disposed_and_replaced()
    {
        KeyedMacs.TryGet("forgotten", SecretEncoding.Utf8, HmacAlgorithm.Sha256, out var hmac).ShouldBeTrue();
        hmac.AppendData("half a message"u8);
        KeyedMacs.Forget(hmac);

        Should.Throw<ObjectDisposedException>(() => hmac.AppendData("more"u8));
        KeyedMacs.TryGet("forgotten", SecretEncoding.Utf8, HmacAlgorithm.Sha256, out var fresh).ShouldBeTrue();
        fresh.ShouldNotBeSameAs(hmac);
    }

    [Fact]
    public void More_secrets_than_a_thread_keeps_all_verify_in_turn_and_the_evicted_are_disposed()
    {
        var body = "{\"event\":\"many.secrets\"}"u8.ToArray();
        var verifier = new HubSignatureVerifier("X-Hub-Signature-256", HmacAlgorithm.Sha256);
        var secrets = new string[20];
        for (var i = 0; i < secrets.Length; i++)
        {
            secrets[i] = "rotating-secret-" + i;
        }

        KeyedMacs.TryGet(secrets[0], SecretEncoding.Utf8, HmacAlgorithm.Sha256, out var firstKept).ShouldBeTrue();
        for (var round = 0; round < 3; round++)
        {
            foreach (var secret in secrets)
            {
                var headers = new HeaderDictionary { ["X-Hub-Signature-256"] = verifier.Sign(body, secret) };
                verifier.Verify(headers, body, [secret]).ShouldBe(SignatureVerificationResult.Valid);
                verifier.Verify(headers, body, ["another-" + secret]).ShouldBe(SignatureVerificationResult.Mismatch);
            }
        }

        Should.Throw<ObjectDisposedException>(() => firstKept.AppendData("evicted"u8));
    }
}
