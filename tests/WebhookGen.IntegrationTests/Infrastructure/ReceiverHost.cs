using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookGen.IntegrationTests.Receivers;

namespace WebhookGen.IntegrationTests.Infrastructure;

/// <summary>How a <see cref="ReceiverHost"/> is set up; the defaults are what a user's Program.cs does.</summary>
public sealed class ReceiverHostOptions
{
    /// <summary>The value of <c>Webhooks:GridXReceiver:Secret</c>; <see langword="null"/> leaves it out. Unique per host by default.</summary>
    public string? Secret { get; set; } = "it-secret-" + Guid.NewGuid().ToString("N");

    /// <summary>More in-memory configuration, added after <see cref="Secret"/>.</summary>
    public Dictionary<string, string?> Configuration { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adds configuration sources after the in-memory ones (so their values win), for example a reloadable source to
    /// change the configuration while the host runs; <see langword="null"/> by default.
    /// </summary>
    public Action<IConfigurationBuilder>? AddConfiguration { get; set; }

    /// <summary>Registers the services; by default <c>services.AddGridXReceiver()</c>.</summary>
    public Action<IServiceCollection> AddServices { get; set; } = services => services.AddGridXReceiver();

    /// <summary>
    /// Leaves deduplication of repeated ids on, as it is in an app. Off by default here: most tests deliver one body
    /// several times on purpose (secret rotation, limits) and count the handler's calls; Idempotency/ tests turn it on.
    /// </summary>
    public bool Idempotency { get; set; }

    /// <summary>
    /// The lowest level the host logs (and <see cref="ReceiverHost.Logs"/> collects); <see cref="LogLevel.Trace"/>, everything,
    /// by default. Load tests raise it so that thousands of requests do not fill the collector.
    /// </summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Trace;

    /// <summary>Maps the endpoints; by default <c>app.MapGridXReceiver()</c>.</summary>
    public Action<WebApplication> Map { get; set; } = app => app.MapGridXReceiver();
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, configured in memory, with its log captured, and an
/// <see cref="HttpClient"/> pointed at it. Each test starts its own, so tests run in parallel safely.
/// </summary>
public sealed class ReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, Uri baseAddress, string? secret, LogCollector logs, DeliveryRecorder recorder)
    {
        _app = app;
        BaseAddress = baseAddress;
        Secret = secret;
        Logs = logs;
        Recorder = recorder;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public Uri BaseAddress { get; }

    /// <summary>The configured <c>Webhooks:GridXReceiver:Secret</c>.</summary>
    public string? Secret { get; }

    public LogCollector Logs { get; }

    public DeliveryRecorder Recorder { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<ReceiverHost> StartAsync() => StartAsync(_ => { });

    /// <summary>Builds and starts the app; disposes it and rethrows when it refuses to start.</summary>
    public static async Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ReceiverHostOptions();
        configure(options);

        var (app, logs) = Build(options);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var recorder = app.Services.GetRequiredService<DeliveryRecorder>();
        return new ReceiverHost(app, new Uri(address), options.Secret, logs, recorder);
    }

    /// <summary>Builds the app without mapping or starting it: for what happens before the server runs.</summary>
    public static (WebApplication App, LogCollector Logs) Build(ReceiverHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });

        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (options.Secret is not null)
        {
            configuration["Webhooks:GridXReceiver:Secret"] = options.Secret;
        }

        foreach (var (key, value) in options.Configuration)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        options.AddConfiguration?.Invoke(builder.Configuration);

        var logs = new LogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddProvider(logs);

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<DeliveryRecorder>();
        options.AddServices(builder.Services);
        if (!options.Idempotency)
        {
            builder.Services.PostConfigureAll<WebhookReceiverOptions>(receiver => receiver.Idempotency.Enabled = false);
        }

        var app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        options.Map(app);
        return (app, logs);
    }

    /// <summary>Posts <paramref name="body"/> as JSON, signed with <see cref="Secret"/>.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, JsonNode body, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PostSignedAsync(path, Encoding.UTF8.GetBytes(body.ToJsonString(Payloads.Json)), configure);
    }

    /// <summary>Posts raw bytes, signed with <see cref="Secret"/>.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, byte[] body, Action<HttpRequestMessage>? configure = null)
    {
        var secret = Secret ?? throw new InvalidOperationException("The host has no secret to sign with.");
        return PostAsync(path, body, Signer.Sign(body, secret), configure);
    }

    /// <summary>Posts raw bytes as JSON with the given <c>X-Signature</c> value (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? signature, Action<HttpRequestMessage>? configure = null)
    {
        using var request = CreateRequest(path, body, signature);
        configure?.Invoke(request);
        return await Client.SendAsync(request);
    }

    /// <summary>A POST of <paramref name="body"/> as <c>application/json</c> with the given signature header.</summary>
    public static HttpRequestMessage CreateRequest(string path, byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(Signer.HeaderName, signature);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
