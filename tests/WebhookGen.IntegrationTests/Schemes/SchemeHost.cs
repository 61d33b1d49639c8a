using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.Signatures;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>How a <see cref="SchemeHost"/> is started: the receiver, its secrets, and whatever else a test changes.</summary>
public sealed class SchemeHostSetup
{
    /// <summary>The receiver class: its options are <c>Webhooks:{ReceiverName}</c>.</summary>
    public required string ReceiverName { get; init; }

    /// <summary>Registers the receiver, passing on the options callback (<c>services.AddXReceiver(configure)</c>).</summary>
    public required Action<IServiceCollection, Action<WebhookReceiverOptions>?> AddReceiver { get; init; }

    /// <summary>Maps the receiver's endpoints with their defaults.</summary>
    public required Action<WebApplication> Map { get; init; }

    /// <summary><c>Webhooks:{ReceiverName}:Secret</c>.</summary>
    public required string Secret { get; init; }

    /// <summary><c>Webhooks:{ReceiverName}:Secrets:{i}</c>, beside <see cref="Secret"/>.</summary>
    public IReadOnlyList<string> MoreSecrets { get; init; } = [];

    /// <summary>Options set in code, as an app's <c>AddXReceiver(o => ...)</c> does.</summary>
    public Action<WebhookReceiverOptions>? Configure { get; init; }

    /// <summary>More configuration (<c>Webhooks:{ReceiverName}:...</c>), added after the secrets.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Leaves deduplication on, as it is in an app (off by default in these tests, see <see cref="ReceiverHostOptions.Idempotency"/>).</summary>
    public bool Idempotency { get; init; }

    /// <summary>The clock the app sees.</summary>
    public required FakeClock Clock { get; init; }
}

/// <summary>
/// A <see cref="ReceiverHost"/> (real Kestrel, real HTTP) running one scheme receiver, with a <see cref="FakeClock"/>
/// registered as the app's <see cref="TimeProvider"/> and a <see cref="SchemeRecorder"/> for the handlers' calls.
/// </summary>
public sealed class SchemeHost : IAsyncDisposable
{
    private SchemeHost(ReceiverHost host, SchemeHostSetup setup)
    {
        Host = host;
        Setup = setup;
        Recorder = host.Services.GetRequiredService<SchemeRecorder>();
    }

    public ReceiverHost Host { get; }

    public SchemeHostSetup Setup { get; }

    public FakeClock Clock => Setup.Clock;

    public SchemeRecorder Recorder { get; }

    public static async Task<SchemeHost> StartAsync(SchemeHostSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var host = await ReceiverHost.StartAsync(options =>
        {
            options.Secret = setup.Secret;
            options.Idempotency = setup.Idempotency;
            var section = "Webhooks:" + setup.ReceiverName;
            options.Configuration[section + ":Secret"] = setup.Secret;
            for (var i = 0; i < setup.MoreSecrets.Count; i++)
            {
                options.Configuration[$"{section}:Secrets:{i}"] = setup.MoreSecrets[i];
            }

            foreach (var (key, value) in setup.Configuration)
            {
                options.Configuration[key] = value;
            }

            options.AddServices = services =>
            {
                services.AddSingleton<TimeProvider>(setup.Clock);
                services.AddSingleton<SchemeRecorder>();
                setup.AddReceiver(services, setup.Configure);
            };
            options.Map = setup.Map;
        });

        return new SchemeHost(host, setup);
    }

    /// <summary>Posts <paramref name="body"/> as JSON to <paramref name="path"/> with the headers <paramref name="sign"/> adds.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, byte[] body, Action<HttpRequestMessage> sign)
    {
        ArgumentNullException.ThrowIfNull(sign);
        using var request = ReceiverHost.CreateRequest(path, body, signature: null);
        sign(request);
        return await Host.Client.SendAsync(request);
    }

    /// <summary>The outcomes of the runtime's "signature rejected" log lines, in order.</summary>
    public IReadOnlyList<string> Rejections() =>
        Host.Logs.Entries
            .Where(e => e.EventId.Id == 2 && e.Category == "WebhookGen." + Setup.ReceiverName)
            .Select(e => Regex.Match(e.Message, @": signature (\w+)").Groups[1].Value)
            .ToList();

    /// <summary>Asserts the only rejection logged was for <paramref name="outcome"/>.</summary>
    public void ShouldHaveRejected(SignatureVerificationResult outcome) =>
        Rejections().ShouldBe([outcome.ToString()], Host.Logs.AllText);

    public SchemeDelivery ShouldHaveSingleDelivery()
    {
        var deliveries = Recorder.Deliveries;
        deliveries.Count.ShouldBe(1, "the handler should have been called exactly once");
        return deliveries[0];
    }

    public void ShouldHaveNoDelivery() => Recorder.Deliveries.ShouldBeEmpty("no handler should have been called");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>Adds a header to a request as sent, without .NET's validation of its syntax.</summary>
public static class RequestHeaders
{
    public static void Set(this HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
    }
}
