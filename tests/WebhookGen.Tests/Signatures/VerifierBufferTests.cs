using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

/// <summary>
/// The verifier keeps keys, MACs and signatures on the stack up to a size and pools what is larger: both sides of each
/// bound verify alike. And the secrets it is given are listed once per options instance.
/// </summary>
public sealed class VerifierBufferTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"order.paid"}""");

    private static SignatureVerificationResult Verify(WebhookSignatureScheme scheme, HeaderDictionary headers, params string[] secrets) =>
        new ConfigurableSignatureVerifier(scheme, new FakeTimeProvider(Now)).Verify(headers, Body, secrets);

    private static string HexMac(string secret) => Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Body));

    [Theory]
    [InlineData(0, 'g')]
    [InlineData(0, ':')]
    [InlineData(1, '@')]
    [InlineData(64, '`')]
    [InlineData(127, 'G')]
    [InlineData(127, '/')]
    public void A_hex_signature_with_one_character_that_is_not_hex_is_Malformed(int at, char character)
    {
        var hex = HexMac("s3cr3t").ToCharArray();
        hex[at] = character;

        Verify(WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512), new HeaderDictionary { ["X-Signature"] = "sha512=" + new string(hex) }, "s3cr3t")
            .ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public void Hex_of_mixed_case_is_read()
    {
        var hex = string.Concat(HexMac("s3cr3t").Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));

        Verify(WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512), new HeaderDictionary { ["X-Signature"] = "sha512=" + hex }, "s3cr3t")
            .ShouldBe(SignatureVerificationResult.Valid);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Any_number_of_secrets_is_tried_the_last_one_included(int count)
    {
        var secrets = Enumerable.Range(0, count).Select(i => "secret-" + i).ToArray();
        var scheme = WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512);

        Verify(scheme, new HeaderDictionary { ["X-Signature"] = "sha512=" + HexMac(secrets[^1]) }, secrets).ShouldBe(SignatureVerificationResult.Valid);
        Verify(scheme, new HeaderDictionary { ["X-Signature"] = "sha512=" + HexMac("another") }, secrets).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData(85)]
    [InlineData(1000)]
    public void Long_utf8_secrets_are_whole_keys(int length)
    {
        // Three bytes a character: past the stack's 256 bytes from 86 characters on.
        var secret = new string('€', length);
        var scheme = WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512);

        Verify(scheme, new HeaderDictionary { ["X-Signature"] = "sha512=" + HexMac(secret) }, secret).ShouldBe(SignatureVerificationResult.Valid);
        Verify(scheme, new HeaderDictionary { ["X-Signature"] = "sha512=" + HexMac(secret[1..]) }, secret).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData(32, 16)]
    [InlineData(400, 1000)]
    public void Long_whsec_keys_and_long_ids_are_signed_whole(int keyLength, int idLength)
    {
        var key = Enumerable.Range(0, keyLength).Select(i => (byte)i).ToArray();
        var secret = "whsec_" + Convert.ToBase64String(key);
        var id = "msg_" + new string('é', idLength);
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var content = Encoding.UTF8.GetBytes(id + "." + timestamp + ".").Concat(Body).ToArray();
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = timestamp,
            ["webhook-signature"] = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content)),
        };

        Verify(WebhookSignatureScheme.StandardWebhooks(), headers, secret).ShouldBe(SignatureVerificationResult.Valid);
        headers["webhook-id"] = id + "x";
        Verify(WebhookSignatureScheme.StandardWebhooks(), headers, secret).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public void The_runtime_lists_the_secrets_once_per_options_instance()
    {
        var options = new WebhookReceiverOptions { Secret = "first" };
        options.Secrets.Add("second");
        options.Secrets.Add("first");
        var monitor = new FixedOptionsMonitor(options);
        var runtime = new WebhookReceiverRuntime(
            new WebhookReceiverDescriptor("TestReceiver", "/hooks", WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512)),
            monitor,
            NullLoggerFactory.Instance,
            new FakeTimeProvider(Now),
            Observability.TestMetrics.Create());

        var secrets = runtime.GetSecrets(options);

        secrets.ShouldBe(["first", "second"]);
        runtime.GetSecrets(options).ShouldBeSameAs(secrets);
        secrets.ShouldBeOfType<System.Collections.ObjectModel.ReadOnlyCollection<string>>();

        var reloaded = new WebhookReceiverOptions { Secret = "rotated" };
        runtime.GetSecrets(reloaded).ShouldBe(["rotated"]);
    }

    private sealed class FixedOptionsMonitor(WebhookReceiverOptions options) : IOptionsMonitor<WebhookReceiverOptions>
    {
        public WebhookReceiverOptions CurrentValue => options;

        public WebhookReceiverOptions Get(string? name) => options;

        public IDisposable? OnChange(Action<WebhookReceiverOptions, string?> listener) => null;
    }
}
