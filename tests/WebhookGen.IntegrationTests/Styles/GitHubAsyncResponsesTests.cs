using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles.GitHub;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// Swagger 2.0 <c>x-async-responses</c> (<c>specs/github-async-responses/swagger.yaml</c>): two events at
/// <c>POST /webhooks/</c>, named by the header <c>X-GitHub-Event</c>: <c>commentStream</c> (the event id, as its
/// <c>eventDiscriminator</c> says) and <c>deployment</c> (its <c>event-discriminator-value</c>). The signature scheme is
/// the spec's own: <c>X-Hub-Signature: sha1=&lt;hex HMAC-SHA1&gt;</c>, no verifier in code; 401 on failure.
/// </summary>
public sealed class GitHubAsyncResponsesTests : SharedRouteContract
{
    private const string EventHeader = "X-GitHub-Event";

    private static readonly StyleSignature HubSha1 = new("X-Hub-Signature", HmacAlgorithm.Sha1);

    protected override string ReceiverName => nameof(GitHubAsyncReceiver);

    protected override StyleSignature Signature => HubSha1;

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Unauthorized;

    protected override string SharedRoute => "/webhooks/";

    protected override string KnownEventValue => "deployment";

    protected override string KnownEventHandler => nameof(GitHubAsyncReceiver.OnDeploymentAsync);

    protected override Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null) =>
        StyleHosting.StartAsync(ReceiverName, services => services.AddGitHubAsyncReceiver(), app => app.MapGitHubAsyncReceiver(), configure);

    protected override (JsonObject Body, Action<HttpRequestMessage>? Configure) SampleDelivery(string? eventValue) =>
        (DeploymentBody(), eventValue is null ? null : request => request.Headers.Add(EventHeader, eventValue));

    [Fact]
    public async Task Comment_stream_named_by_its_event_id_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(CommentBody(), nameof(GitHubAsyncReceiver.OnCommentStreamAsync), "commentStream", Named("commentStream"));

        delivery.EventId.ShouldBeNull();
        var payload = delivery.Payload.ShouldBeOfType<CommentEventPayload>();
        payload.Action.ShouldBe("created");
        var comment = payload.Comment.ShouldNotBeNull();
        comment["id"].GetInt64().ShouldBe(1_362_453_847);
        comment["body"].GetString().ShouldBe("Looks good to me 👍");
        payload.Repository.ShouldNotBeNull()["full_name"].GetString().ShouldBe("octocat/Hello-World");
        payload.Sender.ShouldNotBeNull()["login"].GetString().ShouldBe("octocat");
    }

    [Fact]
    public async Task Deployment_named_by_its_event_discriminator_value_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(DeploymentBody(), nameof(GitHubAsyncReceiver.OnDeploymentAsync), "deployment", Named("deployment"));

        var payload = delivery.Payload.ShouldBeOfType<DeploymentEventPayload>();
        var deployment = payload.Deployment.ShouldNotBeNull();
        deployment["id"].GetInt64().ShouldBe(145_988_746);
        deployment["sha"].GetString().ShouldBe("a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d");
        deployment["environment"].GetString().ShouldBe("production");
        payload.Repository.ShouldNotBeNull()["full_name"].GetString().ShouldBe("octocat/Hello-World");
        payload.Sender.ShouldNotBeNull()["login"].GetString().ShouldBe("octocat");
    }

    [Fact]
    public async Task The_header_not_the_body_names_the_event()
    {
        // A deployment-shaped body named commentStream is a comment event: every member of its schema is optional.
        var delivery = await DeliverAsync(DeploymentBody(), nameof(GitHubAsyncReceiver.OnCommentStreamAsync), "commentStream", Named("commentStream"));

        var payload = delivery.Payload.ShouldBeOfType<CommentEventPayload>();
        payload.Action.ShouldBeNull();
        payload.Comment.ShouldBeNull();
        payload.Sender.ShouldNotBeNull()["login"].GetString().ShouldBe("octocat");
    }

    [Fact]
    public async Task A_delivery_without_the_event_header_is_an_unknown_event()
    {
        var (body, configure) = SampleDelivery(eventValue: null);
        configure.ShouldBeNull();

        await ShouldBeAcknowledgedAsUnknownAsync(body, "(none)");
    }

    [Fact]
    public async Task An_empty_event_header_is_an_unknown_event()
    {
        await ShouldBeAcknowledgedAsUnknownAsync(DeploymentBody(), "(none)", request => request.Headers.TryAddWithoutValidation(EventHeader, string.Empty));
    }

    [Fact]
    public async Task A_real_GitHub_event_name_the_spec_does_not_use_is_an_unknown_event()
    {
        // GitHub itself sends "issue_comment" and "ping"; this spec names its events commentStream and deployment.
        await ShouldBeAcknowledgedAsUnknownAsync(CommentBody(), "issue_comment", Named("issue_comment"));
    }

    [Fact]
    public async Task The_event_header_value_is_matched_exactly()
    {
        await ShouldBeAcknowledgedAsUnknownAsync(DeploymentBody(), "Deployment", Named("Deployment"));
    }

    [Fact]
    public async Task The_event_header_name_is_read_in_any_case()
    {
        await DeliverAsync(DeploymentBody(), nameof(GitHubAsyncReceiver.OnDeploymentAsync), "deployment", request => request.Headers.Add("x-github-event", "deployment"));
    }

    [Fact]
    public async Task A_sha256_signature_in_the_sha1_header_is_rejected()
    {
        await using var host = await StartAsync();
        var body = StyleHosting.Bytes(DeploymentBody());

        var response = await host.PostWithHeaderAsync(SharedRoute, body, "X-Hub-Signature", new StyleSignature("X-Hub-Signature", HmacAlgorithm.Sha256).Sign(body, host.Secret!), Named("deployment"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_valid_signature_in_the_X_Hub_Signature_256_header_alone_is_rejected()
    {
        // The spec declares X-Hub-Signature (SHA-1); GitHub's newer X-Hub-Signature-256 is not what this receiver reads.
        await using var host = await StartAsync();
        var body = StyleHosting.Bytes(DeploymentBody());

        var response = await host.PostWithHeaderAsync(SharedRoute, body, "X-Hub-Signature-256", new StyleSignature("X-Hub-Signature-256", HmacAlgorithm.Sha256).Sign(body, host.Secret!), Named("deployment"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task An_action_that_is_not_a_string_is_rejected_naming_it()
    {
        var body = CommentBody();
        body["action"] = 5;

        await ShouldBeRejectedAsInvalidAsync(body, "action", Named("commentStream"));
    }

    [Fact]
    public async Task A_deployment_that_is_not_an_object_is_rejected_naming_it()
    {
        var body = DeploymentBody();
        body["deployment"] = "production";

        await ShouldBeRejectedAsInvalidAsync(body, "deployment", Named("deployment"));
    }

    [Fact]
    public async Task A_sender_that_is_an_array_is_rejected_naming_it()
    {
        await ShouldBeRejectedAsInvalidAsync(new JsonObject { ["sender"] = new JsonArray() }, "sender", Named("deployment"));
    }

    private static Action<HttpRequestMessage> Named(string eventName) => request => request.Headers.Add(EventHeader, eventName);

    private static JsonObject Repository() => new() { ["id"] = 1_296_269, ["full_name"] = "octocat/Hello-World", ["private"] = false };

    private static JsonObject Sender() => new() { ["login"] = "octocat", ["id"] = 1, ["type"] = "User" };

    private static JsonObject CommentBody() => new()
    {
        ["action"] = "created",
        ["comment"] = new JsonObject
        {
            ["id"] = 1_362_453_847,
            ["body"] = "Looks good to me 👍",
            ["user"] = new JsonObject { ["login"] = "octocat" },
        },
        ["repository"] = Repository(),
        ["sender"] = Sender(),
    };

    private static JsonObject DeploymentBody() => new()
    {
        ["deployment"] = new JsonObject
        {
            ["id"] = 145_988_746,
            ["sha"] = "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d",
            ["ref"] = "main",
            ["environment"] = "production",
        },
        ["repository"] = Repository(),
        ["sender"] = Sender(),
    };
}
