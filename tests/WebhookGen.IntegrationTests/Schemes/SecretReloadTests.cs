using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using Xunit;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// Secrets rotate without a restart: the gridX receiver's secret comes from a configuration source that changes while
/// the app runs, and the next delivery is verified against the new secret (the options monitor rebuilds the options,
/// and the runtime its verifier). Also for a scheme's tolerance.
/// </summary>
public sealed class SecretReloadTests
{
    private const string SecretKey = "Webhooks:GridXReceiver:Secret";

    private static readonly GridXEvent Event = Payloads.ApplianceCreate;

    [Fact]
    public async Task A_secret_replaced_in_configuration_is_used_for_the_next_delivery()
    {
        var (a, b) = (NewSecret(), NewSecret());
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?> { [SecretKey] = a });
        await using var host = await StartAsync(configuration);

        var beforeWithA = await PostAsync(host, a);
        configuration.Reload(new Dictionary<string, string?> { [SecretKey] = b });
        host.Services.GetRequiredService<IConfiguration>()[SecretKey].ShouldBe(b, "the configuration has the new secret");
        host.Services.GetRequiredService<IOptionsMonitor<WebhookReceiverOptions>>().Get("GridXReceiver").Secret.ShouldBe(b, "the receiver's options should have been rebuilt from it");
        var afterWithB = await PostAsync(host, b);
        var afterWithA = await PostAsync(host, a);

        await beforeWithA.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await afterWithB.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await afterWithA.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rotating_through_Secrets_by_reloads_loses_no_delivery()
    {
        var (old, current) = (NewSecret(), NewSecret());
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?> { [SecretKey] = old });
        await using var host = await StartAsync(configuration);

        // 1. The new secret is added beside the old one: both verify.
        configuration.Reload(new Dictionary<string, string?> { [SecretKey] = old, ["Webhooks:GridXReceiver:Secrets:0"] = current });
        var oldWhileBoth = await PostAsync(host, old);
        var newWhileBoth = await PostAsync(host, current);

        // 2. The old one is removed: only the new one verifies.
        configuration.Reload(new Dictionary<string, string?> { ["Webhooks:GridXReceiver:Secrets:0"] = current });
        var oldAfter = await PostAsync(host, old);
        var newAfter = await PostAsync(host, current);

        await oldWhileBoth.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await newWhileBoth.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await oldAfter.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await newAfter.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_secret_changed_in_a_json_file_with_reloadOnChange_is_picked_up()
    {
        var directory = Directory.CreateTempSubdirectory("webhookgen-reload-");
        try
        {
            var (a, b) = (NewSecret(), NewSecret());
            var file = Path.Combine(directory.FullName, "webhooks.json");
            WriteSecretFile(file, a);
            using var files = new PhysicalFileProvider(directory.FullName);
            await using var host = await ReceiverHost.StartAsync(options =>
            {
                options.Secret = null;
                options.AddConfiguration = builder => builder.AddJsonFile(source =>
                {
                    source.FileProvider = files;
                    source.Path = "webhooks.json";
                    source.ReloadOnChange = true;
                    source.ReloadDelay = 50;
                    source.OnLoadException = context => context.Ignore = true;
                });
            });

            var beforeWithA = await PostAsync(host, a);
            WriteSecretFile(file, b);
            var afterWithB = await EventuallyAcceptedAsync(host, b);
            var afterWithA = await PostAsync(host, a);

            await beforeWithA.ShouldHaveStatusAsync(HttpStatusCode.OK);
            afterWithB.ShouldBeTrue("the new secret was not accepted within 20 s of the file changing");
            await afterWithA.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_tolerance_changed_in_configuration_rebuilds_the_verifier()
    {
        var clock = new FakeClock(new DateTimeOffset(2024, 11, 5, 9, 12, 44, TimeSpan.Zero));
        var secret = StripeSigner.NewSecret();
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?> { ["Webhooks:StripeStyleReceiver:Secret"] = secret });
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.AddConfiguration = builder => builder.Add(configuration);
            options.AddServices = services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<SchemeRecorder>();
                services.AddStripeStyleReceiver();
            };
            options.Map = app => app.MapStripeStyleReceiver();
        });
        var body = Encoding.UTF8.GetBytes("""{"id":"evt_reload","object":"event","api_version":"2024-10-01","created":1730797960,"livemode":false,"type":"customer.created","data":{"object":{"id":"cus_1","object":"customer","created":1730797950}}}""");
        var signedAt = clock.UnixSeconds - 400;

        var withSpecTolerance = await PostStripeAsync(host, body, signedAt, secret);
        configuration.Reload(new Dictionary<string, string?> { ["Webhooks:StripeStyleReceiver:Secret"] = secret, ["Webhooks:StripeStyleReceiver:TimestampTolerance"] = "00:10:00" });
        var withReloadedTolerance = await PostStripeAsync(host, body, signedAt, secret);

        await withSpecTolerance.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await withReloadedTolerance.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Services.GetRequiredService<SchemeRecorder>().Deliveries.Count.ShouldBe(1);
    }

    private static Task<ReceiverHost> StartAsync(ReloadableConfiguration configuration) =>
        ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            options.AddConfiguration = builder => builder.Add(configuration);
        });

    private static string NewSecret() => "gridx-" + Guid.NewGuid().ToString("N");

    private static Task<HttpResponseMessage> PostAsync(ReceiverHost host, string secret)
    {
        var body = Encoding.UTF8.GetBytes(Event.Sample().ToJsonString(Payloads.Json));
        return host.PostAsync(Event.Path, body, Signer.Sign(body, secret));
    }

    private static async Task<HttpResponseMessage> PostStripeAsync(ReceiverHost host, byte[] body, long timestamp, string secret)
    {
        using var request = ReceiverHost.CreateRequest("/webhooks/", body, signature: null);
        request.Set(StripeSigner.HeaderName, StripeSigner.Header(timestamp, body, [secret]));
        return await host.Client.SendAsync(request);
    }

    /// <summary>Posts signed with <paramref name="secret"/> until it is accepted (true) or 20 s pass (false).</summary>
    private static async Task<bool> EventuallyAcceptedAsync(ReceiverHost host, string secret)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            using var response = await PostAsync(host, secret);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>Writes the file beside itself and moves it into place, so that a reload never reads half of it.</summary>
    private static void WriteSecretFile(string path, string secret)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, $$"""{ "Webhooks": { "GridXReceiver": { "Secret": "{{secret}}" } } }""");
        File.Move(temporary, path, overwrite: true);
    }
}
