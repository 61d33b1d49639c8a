using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.IntegrationTests.Receivers.Styles.GitHub;
using WebhookGen.IntegrationTests.Styles;
using Xunit;

namespace WebhookGen.IntegrationTests.TestKit;

/// <summary>
/// The generated test kit, used as a user's integration tests would: <c>{Receiver}Sender</c> sends a typed event, signed
/// as the spec's scheme requires, to its route on a real Kestrel receiver, with the header that names it on a shared route.
/// </summary>
public sealed class GeneratedSenderTests
{
    private static readonly Guid ApplianceId = Guid.Parse("fc0a6ac7-3d9a-4d5c-9d1f-6bb0d7a5e0a1");

    [Fact]
    public async Task A_typed_event_sent_by_the_generated_sender_reaches_its_handler()
    {
        await using var host = await ReceiverHost.StartAsync();
        var sender = new GridXReceiverSender(host.Client, host.Secret!);

        using var response = await sender.SendApplianceCreateAsync(ApplianceCreate());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var delivery = host.Recorder.Deliveries.ShouldHaveSingleItem();
        delivery.Handler.ShouldBe(nameof(GridXReceiver.OnApplianceCreateAsync));
        var payload = delivery.Payload.ShouldBeOfType<ApplianceCreateEvent>();
        payload.Data!.ApplianceID.ShouldBe(ApplianceId);
        payload.Type.ShouldBe(ApplianceCreateEventType.ApplianceCreate);
    }

    [Fact]
    public async Task A_sender_with_another_secret_is_refused_and_no_handler_runs()
    {
        await using var host = await ReceiverHost.StartAsync();
        var sender = new GridXReceiverSender(host.Client, host.Secret!).WithSecret("not-the-receivers-secret");

        using var response = await sender.SendApplianceCreateAsync(ApplianceCreate());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "gridX declares 403 for a bad signature");
        host.Recorder.Deliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_route_prefix_given_to_map_is_given_to_the_sender_too()
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Map = app => app.MapGridXReceiver("/hooks/gridx"));
        var sender = new GridXReceiverSender(host.Client, host.Secret!, routePrefix: "/hooks/gridx");

        using var response = await sender.SendApplianceCreateAsync(ApplianceCreate());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Recorder.Deliveries.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task On_a_route_told_apart_by_a_header_the_sender_sends_the_header_that_names_the_event()
    {
        await using var host = await StyleHosting.StartAsync(
            nameof(GitHubAsyncReceiver), services => services.AddGitHubAsyncReceiver(), app => app.MapGitHubAsyncReceiver());
        var sender = new GitHubAsyncReceiverSender(host.Client, host.Secret!);

        using var deployment = await sender.SendDeploymentAsync(new DeploymentEventPayload());
        using var comment = await sender.SendCommentStreamAsync(new CommentEventPayload());

        deployment.StatusCode.ShouldBe(HttpStatusCode.OK);
        comment.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Recorder.Deliveries.Select(d => d.Handler).ShouldBe(
            [nameof(GitHubAsyncReceiver.OnDeploymentAsync), nameof(GitHubAsyncReceiver.OnCommentStreamAsync)],
            ignoreOrder: true);
    }

    private static ApplianceCreateEvent ApplianceCreate() => new()
    {
        Id = Guid.NewGuid(),
        Time = DateTimeOffset.UtcNow,
        SpecVersion = "1.0",
        Source = "https://gridx.example.test",
        Type = ApplianceCreateEventType.ApplianceCreate,
        Data = new ApplianceEventData { ApplianceID = ApplianceId, GatewayID = Guid.NewGuid(), SystemID = Guid.NewGuid() },
    };
}
