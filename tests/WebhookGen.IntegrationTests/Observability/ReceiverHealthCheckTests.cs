using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Backup;
using WebhookGen.IntegrationTests.Schemes;
using Xunit;

namespace WebhookGen.IntegrationTests.Observability;

/// <summary><c>AddWebhookReceivers()</c>: every receiver's configuration, over the app's health endpoint.</summary>
public sealed class ReceiverHealthCheckTests
{
    private const string SecretKey = "Webhooks:GridXReceiver:Secret";

    [Fact]
    public async Task Receivers_with_valid_configuration_are_healthy_and_listed()
    {
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Configuration["Webhooks:BackupGridXReceiver:Secret"] = "backup-secret-0123456789";
            options.AddServices = services =>
            {
                services.AddGridXReceiver().AddBackupGridXReceiver();
                services.AddHealthChecks().AddWebhookReceivers();
            };
            options.Map = Map;
        });

        (await host.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative))).ShouldBe("Healthy");
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries["webhookgen-receivers"];
        entry.Status.ShouldBe(HealthStatus.Healthy);
        entry.Description.ShouldBe("2 receivers, each configuration valid");
        entry.Data.Keys.ShouldBe(["GridXReceiver", "BackupGridXReceiver"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_reload_that_removes_the_secret_makes_it_degraded_naming_the_receiver_and_never_a_secret()
    {
        var secret = "gridx-" + Guid.NewGuid().ToString("N");
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?> { [SecretKey] = secret });
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            options.AddConfiguration = builder => builder.Add(configuration);
            options.AddServices = services =>
            {
                services.AddGridXReceiver();
                services.AddHealthChecks().AddWebhookReceivers();
            };
            options.Map = Map;
        });
        (await host.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative))).ShouldBe("Healthy");

        Should.Throw<AggregateException>(() => configuration.Reload(new Dictionary<string, string?>()));

        var degraded = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        degraded.StatusCode.ShouldBe(HttpStatusCode.OK, "degraded is still served");
        (await degraded.Content.ReadAsStringAsync()).ShouldBe("Degraded");
        var entry = (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["webhookgen-receivers"];
        entry.Status.ShouldBe(HealthStatus.Degraded);
        entry.Description.ShouldNotBeNull().ShouldStartWith("GridXReceiver: the configuration is invalid (");
        entry.Description.ShouldContain("No signing secret is configured for GridXReceiver");
        entry.Description.ShouldNotContain(secret);

        configuration.Reload(new Dictionary<string, string?> { [SecretKey] = secret });
        (await host.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative))).ShouldBe("Healthy");
    }

    private static void Map(WebApplication app)
    {
        app.MapGridXReceiver();
        app.MapHealthChecks("/healthz");
    }
}
