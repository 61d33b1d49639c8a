using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>
/// <c>X-Signature: sha512=&lt;hex HMAC-SHA512(secret, raw body)&gt;</c>: only a matching signature reaches a handler;
/// anything else is answered 403, the status the spec declares.
/// </summary>
public sealed class SignatureTests
{
    [Theory]
    [MemberData(nameof(Payloads.EventNames), MemberType = typeof(Payloads))]
    public async Task Every_event_route_rejects_a_wrong_signature_and_accepts_the_right_one(string name)
    {
        var gridXEvent = Payloads.Named(name);
        await using var host = await ReceiverHost.StartAsync();
        var body = Bytes(gridXEvent.Sample().ToJsonString(Payloads.Json));

        var rejected = await host.PostAsync(gridXEvent.Path, body, Signer.Sign(body, "not-the-secret"));
        await rejected.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();

        var accepted = await host.PostSignedAsync(gridXEvent.Path, body);
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().EventName.ShouldBe(name);
    }

    [Fact]
    public async Task Upper_case_hex_is_accepted()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = SampleBody();

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, body, "sha512=" + Signer.Hex(body, host.Secret!).ToUpperInvariant());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery();
    }

    [Theory]
    [InlineData("SHA512=")]
    [InlineData("Sha512=")]
    public async Task The_method_prefix_is_read_in_any_case(string prefix)
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = SampleBody();

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, body, prefix + Signer.Hex(body, host.Secret!));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery();
    }

    [Fact]
    public async Task A_missing_signature_is_rejected()
    {
        await using var host = await ReceiverHost.StartAsync();

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, SampleBody(), signature: null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_signature_is_rejected(string signature)
    {
        await using var host = await ReceiverHost.StartAsync();

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, SampleBody(), signature);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    public static TheoryData<string> MalformedSignatures => new()
    {
        "no-prefix",    // the bare hex, without "sha512="
        "sha256-prefix", // another method
        "sha512-only",  // "sha512=" and nothing after it
        "non-hex",      // right length, a character that is not hex
        "truncated",    // one hex digit short
        "one-byte-short",
        "too-long",
        "base64",       // the MAC in base64 instead of hex
    };

    [Theory]
    [MemberData(nameof(MalformedSignatures))]
    public async Task A_malformed_signature_is_rejected(string kind)
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = SampleBody();
        var hex = Signer.Hex(body, host.Secret!);
        var signature = kind switch
        {
            "no-prefix" => hex,
            "sha256-prefix" => "sha256=" + hex,
            "sha512-only" => "sha512=",
            "non-hex" => "sha512=" + hex[..^1] + "g",
            "truncated" => "sha512=" + hex[..^1],
            "one-byte-short" => "sha512=" + hex[..^2],
            "too-long" => "sha512=" + hex + "00",
            "base64" => "sha512=" + Convert.ToBase64String(Convert.FromHexString(hex)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, body, signature);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_rejected()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = SampleBody();

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, host.Secret + "x"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_body_altered_after_signing_is_rejected()
    {
        await using var host = await ReceiverHost.StartAsync();
        var original = Payloads.ApplianceCreate.Sample();
        var signature = Signer.Sign(Bytes(original.ToJsonString(Payloads.Json)), host.Secret!);
        original["source"] = "/systems/someone-else";

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, Bytes(original.ToJsonString(Payloads.Json)), signature);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_body_with_one_extra_trailing_byte_is_rejected()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = SampleBody();
        var signature = Signer.Sign(body, host.Secret!);

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, [.. body, (byte)' '], signature);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_signature_is_checked_before_the_body_is_parsed()
    {
        // An unsigned body that is not even JSON gets 403, not 400: nothing reads what is not verified.
        await using var host = await ReceiverHost.StartAsync();

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, Bytes("{ not json"), Signer.Sign(Bytes("{ not json"), "wrong"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_sender_rotating_its_secret_may_send_several_signatures()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = SampleBody();
        var stale = Signer.Sign(body, "the-previous-secret");
        var current = Signer.Sign(body, host.Secret!);

        var commaSeparated = await host.PostAsync(Payloads.ApplianceCreate.Path, body, stale + ", " + current);
        await commaSeparated.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var twoHeaders = ReceiverHost.CreateRequest(Payloads.ApplianceCreate.Path, body, stale);
        twoHeaders.Headers.TryAddWithoutValidation(Signer.HeaderName, current).ShouldBeTrue();
        var repeated = await host.Client.SendAsync(twoHeaders);
        await repeated.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var onlyStale = await host.PostAsync(Payloads.ApplianceCreate.Path, body, stale + ", sha512=zz");
        await onlyStale.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rotation_accepts_each_secret_of_the_configured_list()
    {
        const string oldSecret = "rotation-old-secret";
        const string newSecret = "rotation-new-secret";
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            options.Configuration["Webhooks:GridXReceiver:Secrets:0"] = oldSecret;
            options.Configuration["Webhooks:GridXReceiver:Secrets:1"] = newSecret;
        });
        var body = SampleBody();

        var withSecond = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, newSecret));
        await withSecond.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(1);

        var withFirst = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, oldSecret));
        await withFirst.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(2);

        var withNeither = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, "rotation-other-secret"));
        await withNeither.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Secret_and_secrets_are_both_accepted_when_both_are_configured()
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Configuration["Webhooks:GridXReceiver:Secrets:0"] = "next-secret");
        var body = SampleBody();

        var withSecret = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, host.Secret!));
        var withListed = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, "next-secret"));

        await withSecret.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await withListed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_secret_set_in_code_overrides_configuration()
    {
        await using var host = await ReceiverHost.StartAsync(options =>
            options.AddServices = services => services.AddGridXReceiver(receiver => receiver.Secret = "secret-from-code"));
        var body = SampleBody();

        var withConfigured = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, host.Secret!));
        await withConfigured.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();

        var withCode = await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, "secret-from-code"));
        await withCode.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery();
    }

    [Fact]
    public async Task Rejections_log_neither_the_secret_nor_the_signature()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = SampleBody();
        var wrong = Signer.Sign(body, "wrong-secret");

        var response = await host.PostAsync(Payloads.ApplianceCreate.Path, body, wrong);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        var log = host.Logs.AllText;
        log.ShouldContain("signature Mismatch");
        log.ShouldNotContain(host.Secret!);
        log.ShouldNotContain(wrong[7..]);
        log.ShouldNotContain(Encoding.UTF8.GetString(body));
    }

    private static byte[] SampleBody() => Bytes(Payloads.ApplianceCreate.Sample().ToJsonString(Payloads.Json));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
