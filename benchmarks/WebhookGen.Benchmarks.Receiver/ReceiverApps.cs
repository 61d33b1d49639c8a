using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Octokit.Webhooks;
using Octokit.Webhooks.AspNetCore;
using WebhookGen.Benchmarks.Baseline;
using WebhookGen.Idempotency;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// One app per endpoint under test, built but never started, configured as the load-test apps are (Production,
/// log level Warning). Only the endpoints are used: <see cref="EndpointRunner"/> calls their request delegates.
/// </summary>
internal static class ReceiverApps
{
    /// <summary>The generated gridX receiver; <paramref name="deduplicate"/> turns its idempotency (on by default) on or off.</summary>
    public static WebApplication Generated(bool deduplicate)
    {
        var builder = CreateBuilder(new()
        {
            ["Webhooks:GridXReceiver:Secret"] = Payloads.Secret,
            ["Webhooks:GridXReceiver:Idempotency:Enabled"] = deduplicate ? "true" : "false",
        });
        builder.Services.AddGridXReceiver();
        if (deduplicate)
        {
            builder.Services.AddWebhookIdempotencyStore<ResettableIdempotencyStore>();
        }

        var app = builder.Build();
        app.MapGridXReceiver();
        return app;
    }

    /// <summary>The hand-written gridX endpoint of WebhookGen.Benchmarks.Baseline.</summary>
    public static WebApplication HandWritten()
    {
        var builder = CreateBuilder(new() { [HandWrittenGridXEndpointRouteBuilderExtensions.SecretKey] = Payloads.Secret });
        builder.Services.AddScoped<IApplianceCreateHandler, CountingApplianceCreateHandler>();
        var app = builder.Build();
        app.MapHandWrittenGridX();
        return app;
    }

    /// <summary>The least a correct gridX endpoint does (<see cref="FloorEndpoint"/>).</summary>
    public static WebApplication Floor()
    {
        var builder = CreateBuilder([]);
        builder.Services.AddScoped<IApplianceCreateHandler, CountingApplianceCreateHandler>();
        var app = builder.Build();
        app.MapPost(Payloads.GridXRoute, FloorEndpoint.HandleAsync);
        return app;
    }

    /// <summary>Octokit.Webhooks.AspNetCore, registered as its README shows: a singleton processor and MapGitHubWebhooks with a secret.</summary>
    public static WebApplication Octokit()
    {
        var builder = CreateBuilder([]);
        builder.Services.AddSingleton<WebhookEventProcessor, CountingGitHubProcessor>();
        var app = builder.Build();
        app.MapGitHubWebhooks(Payloads.GitHubRoute, Payloads.Secret);
        return app;
    }

    private static WebApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        // Production: Development would validate scopes on every resolution, which no deployed receiver pays for.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<HandlerCalls>();
        return builder;
    }
}
