using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.IntegrationTests.Receivers.Backup;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>Two receivers in one app: each has its own section, secret, validation and routes.</summary>
public sealed class MultipleReceiverTests
{
    [Fact]
    public async Task Each_receiver_is_validated_at_start()
    {
        // Only the first receiver has a secret: the second must still keep the app from starting.
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options =>
        {
            options.AddServices = services => services.AddGridXReceiver().AddBackupGridXReceiver();
            options.Map = app =>
            {
                app.MapGridXReceiver();
                app.MapBackupGridXReceiver("/backup");
            };
        }));

        exception.Message.ShouldContain("Webhooks:BackupGridXReceiver");
        exception.OptionsName.ShouldBe(nameof(BackupGridXReceiver));
    }

    [Fact]
    public async Task Each_receiver_verifies_with_its_own_secret()
    {
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Configuration["Webhooks:BackupGridXReceiver:Secret"] = "backup-secret";
            options.AddServices = services => services.AddGridXReceiver().AddBackupGridXReceiver();
            options.Map = app =>
            {
                app.MapGridXReceiver();
                app.MapBackupGridXReceiver("/backup");
            };
        });
        var body = Encoding.UTF8.GetBytes(Payloads.GatewayOnline.Sample().ToJsonString(Payloads.Json));

        (await host.PostAsync("/backup/events/gateway/online", body, Signer.Sign(body, host.Secret!))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.PostAsync(Payloads.GatewayOnline.Path, body, Signer.Sign(body, "backup-secret"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();

        (await host.PostAsync("/backup/events/gateway/online", body, Signer.Sign(body, "backup-secret"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostAsync(Payloads.GatewayOnline.Path, body, Signer.Sign(body, host.Secret!))).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Recorder.Deliveries.Select(d => (d.Receiver, d.ReceiverName)).ShouldBe(
        [
            (nameof(BackupGridXReceiver), nameof(BackupGridXReceiver)),
            (nameof(GridXReceiver), nameof(GridXReceiver)),
        ]);
    }
}
