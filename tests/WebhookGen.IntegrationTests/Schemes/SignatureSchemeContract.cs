using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// What every signature scheme a spec declares must do over real HTTP, whatever the scheme: accept a delivery signed
/// with the configured secret and hand it to its typed handler; refuse another secret, a changed body, a missing
/// signature and a timestamp further from the app's clock than the tolerance (either way), calling no handler; accept
/// any valid pair of (configured secret, signature in the header) while secrets rotate; and let
/// <see cref="WebhookReceiverOptions.TimestampTolerance"/> and <see cref="WebhookReceiverOptions.UseSignatureScheme"/>
/// replace what the spec says. Each scheme's tests derive from it and add their own.
/// </summary>
public abstract class SignatureSchemeContract
{
    /// <summary>The app's "now" when a host starts: a whole second, so that the tolerance edges are exact.</summary>
    protected static readonly DateTimeOffset Now = new(2024, 11, 5, 9, 12, 44, TimeSpan.Zero);

    /// <summary>The receiver class.</summary>
    protected abstract string ReceiverName { get; }

    /// <summary>What the spec declares for a failed signature: 403 where its operations declare a 403, otherwise 401.</summary>
    protected abstract HttpStatusCode SignatureFailureStatus { get; }

    /// <summary>The tolerance the spec gives (the scheme's default where it gives none).</summary>
    protected abstract TimeSpan SpecTolerance { get; }

    /// <summary>The header that carries the signatures.</summary>
    protected abstract string SignatureHeader { get; }

    /// <summary>Where <see cref="SampleBody"/> is posted.</summary>
    protected abstract string SampleRoute { get; }

    /// <summary>The handler <see cref="SampleBody"/> reaches.</summary>
    protected abstract string SampleHandler { get; }

    /// <summary>A valid delivery of one event, with <paramref name="eventId"/> as its id in the body where the spec has one.</summary>
    protected abstract JsonObject SampleBody(string eventId);

    /// <summary>Asserts the typed payload the handler received for <see cref="SampleBody"/>.</summary>
    protected abstract void ShouldBeSample(SchemeDelivery delivery, string eventId);

    /// <summary>A new secret in the form the scheme's secret encoding expects.</summary>
    protected abstract string NewSecret();

    /// <summary>Registers the receiver (<c>services.AddXReceiver(configure)</c>).</summary>
    protected abstract void AddReceiver(IServiceCollection services, Action<WebhookReceiverOptions>? configure);

    /// <summary>Maps the receiver with its defaults.</summary>
    protected abstract void MapReceiver(WebApplication app);

    /// <summary>
    /// Sets the scheme's headers as the sender does: its timestamp and delivery id where the scheme has them, and one
    /// signature per secret of <paramref name="secrets"/>, in that order, in the signature header.
    /// </summary>
    protected abstract void Sign(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, IReadOnlyList<string> secrets);

    /// <summary>Another scheme, for <see cref="WebhookReceiverOptions.UseSignatureScheme"/>.</summary>
    protected abstract WebhookSignatureScheme OverridingScheme { get; }

    /// <summary>Signs as <see cref="OverridingScheme"/> says.</summary>
    protected abstract void SignAsOverridingScheme(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, string secret);

    protected long ToleranceSeconds => (long)SpecTolerance.TotalSeconds;

    protected Task<SchemeHost> StartAsync(
        Action<WebhookReceiverOptions>? configure = null,
        IReadOnlyList<string>? moreSecrets = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        bool idempotency = false,
        string? secret = null) =>
        SchemeHost.StartAsync(new SchemeHostSetup
        {
            ReceiverName = ReceiverName,
            AddReceiver = AddReceiver,
            Map = MapReceiver,
            Secret = secret ?? NewSecret(),
            MoreSecrets = moreSecrets ?? [],
            Configure = configure,
            Configuration = configuration ?? new Dictionary<string, string?>(),
            Idempotency = idempotency,
            Clock = new FakeClock(Now),
        });

    /// <summary>Posts <paramref name="body"/> to <paramref name="route"/> (default <see cref="SampleRoute"/>) signed with <paramref name="secrets"/> (default the host's secret).</summary>
    protected Task<HttpResponseMessage> PostSignedAsync(
        SchemeHost host,
        byte[] body,
        long? timestamp = null,
        IReadOnlyList<string>? secrets = null,
        string? deliveryId = null,
        string? route = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var signWith = secrets ?? [host.Setup.Secret];
        var id = deliveryId ?? "msg_" + Guid.NewGuid().ToString("N");
        return host.PostAsync(route ?? SampleRoute, body, request => Sign(request, body, timestamp ?? host.Clock.UnixSeconds, id, signWith));
    }

    protected static string NewEventId() => "evt_" + Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task A_correctly_signed_delivery_reaches_its_typed_handler()
    {
        await using var host = await StartAsync();
        var eventId = NewEventId();

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(eventId)));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var delivery = host.ShouldHaveSingleDelivery();
        delivery.Handler.ShouldBe(SampleHandler);
        ShouldBeSample(delivery, eventId);
        host.Rejections().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_delivery_signed_with_another_secret_is_refused()
    {
        await using var host = await StartAsync();

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), secrets: [NewSecret()]);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        await using var host = await StartAsync();
        var signed = StyleBytes(SampleBody(NewEventId()));
        var changed = StyleBytes(SampleBody(NewEventId()));

        var response = await host.PostAsync(SampleRoute, changed, request => Sign(request, signed, host.Clock.UnixSeconds, "msg_changed", [host.Setup.Secret]));

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public async Task A_delivery_without_its_signature_header_is_refused()
    {
        await using var host = await StartAsync();
        var body = StyleBytes(SampleBody(NewEventId()));

        var response = await host.PostAsync(SampleRoute, body, request =>
        {
            Sign(request, body, host.Clock.UnixSeconds, "msg_unsigned", [host.Setup.Secret]);
            request.Headers.Remove(SignatureHeader).ShouldBeTrue();
        });

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Missing);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(+1)]
    public async Task A_timestamp_one_second_beyond_the_tolerance_is_refused(int direction)
    {
        await using var host = await StartAsync();

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), timestamp: host.Clock.UnixSeconds + (direction * (ToleranceSeconds + 1)));

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.TimestampOutOfRange);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(+1)]
    public async Task A_timestamp_exactly_at_the_tolerance_is_accepted(int direction)
    {
        await using var host = await StartAsync();
        var eventId = NewEventId();

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(eventId)), timestamp: host.Clock.UnixSeconds + (direction * ToleranceSeconds));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeSample(host.ShouldHaveSingleDelivery(), eventId);
    }

    [Fact]
    public async Task The_timestamp_is_checked_against_the_apps_clock_on_every_delivery()
    {
        await using var host = await StartAsync();
        var body = StyleBytes(SampleBody(NewEventId()));
        var signedAt = host.Clock.UnixSeconds;

        var first = await PostSignedAsync(host, body, timestamp: signedAt, deliveryId: "msg_replayed");
        host.Clock.Now = Now.AddSeconds(ToleranceSeconds + 1);
        var replayed = await PostSignedAsync(host, body, timestamp: signedAt, deliveryId: "msg_replayed");

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await replayed.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.ShouldHaveSingleDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.TimestampOutOfRange);
    }

    [Fact]
    public async Task A_stale_delivery_under_a_wrong_secret_is_a_mismatch_not_a_stale_one()
    {
        // The timestamp is checked only once the signature matched: only authentic deliveries are reported as stale.
        await using var host = await StartAsync();

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), timestamp: host.Clock.UnixSeconds - (10 * ToleranceSeconds), secrets: [NewSecret()]);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.ShouldHaveRejected(SignatureVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    public async Task While_secrets_rotate_any_valid_pair_of_configured_secret_and_signature_is_accepted(int configuredIndex, int signatureIndex)
    {
        // Configured: Secret = old, Secrets = [new]. The header carries two signatures: one under the configured secret
        // chosen, one under a secret the receiver does not know, in either order.
        var old = NewSecret();
        var current = NewSecret();
        await using var host = await StartAsync(secret: old, moreSecrets: [current]);
        var valid = configuredIndex == 0 ? old : current;
        var unknown = NewSecret();
        var eventId = NewEventId();

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(eventId)), secrets: signatureIndex == 0 ? [valid, unknown] : [unknown, valid]);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeSample(host.ShouldHaveSingleDelivery(), eventId);
    }

    [Fact]
    public async Task Two_signatures_under_unknown_secrets_are_refused_though_two_secrets_are_configured()
    {
        await using var host = await StartAsync(moreSecrets: [NewSecret()]);

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), secrets: [NewSecret(), NewSecret()]);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public async Task A_narrower_TimestampTolerance_set_in_code_replaces_the_spec_tolerance()
    {
        await using var host = await StartAsync(configure: o => o.TimestampTolerance = TimeSpan.FromSeconds(60));

        var beyond = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), timestamp: host.Clock.UnixSeconds - 61);
        var atEdge = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), timestamp: host.Clock.UnixSeconds - 60);

        // 61 s is well within the spec's tolerance, so only the option can have refused it.
        SpecTolerance.ShouldBeGreaterThan(TimeSpan.FromSeconds(61));
        await beyond.ShouldHaveStatusAsync(SignatureFailureStatus);
        await atEdge.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.ShouldHaveSingleDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.TimestampOutOfRange);
    }

    [Fact]
    public async Task A_wider_TimestampTolerance_set_in_code_replaces_the_spec_tolerance()
    {
        await using var host = await StartAsync(configure: o => o.TimestampTolerance = SpecTolerance * 2);

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), timestamp: host.Clock.UnixSeconds - ToleranceSeconds - 1);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.ShouldHaveSingleDelivery();
    }

    [Fact]
    public async Task TimestampTolerance_bound_from_configuration_replaces_the_spec_tolerance()
    {
        await using var host = await StartAsync(configuration: new Dictionary<string, string?> { [$"Webhooks:{ReceiverName}:TimestampTolerance"] = "00:01:00" });

        var beyond = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), timestamp: host.Clock.UnixSeconds + 61);
        var atEdge = await PostSignedAsync(host, StyleBytes(SampleBody(NewEventId())), timestamp: host.Clock.UnixSeconds + 60);

        await beyond.ShouldHaveStatusAsync(SignatureFailureStatus);
        await atEdge.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.ShouldHaveSingleDelivery();
    }

    [Fact]
    public async Task UseSignatureScheme_replaces_the_spec_scheme()
    {
        await using var host = await StartAsync(configure: o => o.UseSignatureScheme(OverridingScheme));
        var eventId = NewEventId();
        var body = StyleBytes(SampleBody(eventId));

        var asTheSpecSays = await PostSignedAsync(host, body);
        var asTheCodeSays = await host.PostAsync(SampleRoute, body, request => SignAsOverridingScheme(request, body, host.Clock.UnixSeconds, "msg_override", host.Setup.Secret));

        await asTheSpecSays.ShouldHaveStatusAsync(SignatureFailureStatus);
        await asTheCodeSays.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeSample(host.ShouldHaveSingleDelivery(), eventId);
    }

    /// <summary>A body as the tests send it: plain UTF-8 JSON.</summary>
    protected static byte[] StyleBytes(JsonNode body) => Styles.StyleHosting.Bytes(body);
}
