using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>A body over <c>MaxRequestBodySize</c> is answered 413 and never verified, parsed or handled.</summary>
public sealed class BodyLimitTests
{
    private const int Limit = 1024;

    [Fact]
    public async Task A_signed_body_over_the_limit_is_rejected_with_413()
    {
        await using var host = await StartWithLimitAsync();
        var body = SignedSizedBody(2048);

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString().ShouldBe("The body must not exceed 1024 bytes.");
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_still_413_when_the_sender_does_not_accept_json()
    {
        await using var host = await StartWithLimitAsync();

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, SignedSizedBody(2048), request => request.Headers.Add("Accept", "text/plain"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_rejected_with_413()
    {
        await using var host = await StartWithLimitAsync();
        var body = SignedSizedBody(2048);
        using var request = new HttpRequestMessage(HttpMethod.Post, Payloads.ApplianceCreate.Path) { Content = new ChunkedContent(body) };
        request.Headers.Add(Signer.HeaderName, Signer.Sign(body, host.Secret!));

        var response = await host.Client.SendAsync(request);

        request.Content.Headers.ContentLength.ShouldBeNull();
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_chunked_body_one_byte_over_the_limit_is_rejected_with_413()
    {
        await using var host = await StartWithLimitAsync();
        var body = SignedSizedBody(Limit + 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, Payloads.ApplianceCreate.Path) { Content = new ChunkedContent(body, chunkSize: 100) };
        request.Headers.Add(Signer.HeaderName, Signer.Sign(body, host.Secret!));

        var response = await host.Client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted_with_or_without_content_length()
    {
        await using var host = await StartWithLimitAsync();
        var body = SignedSizedBody(Limit);

        var withLength = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);
        await withLength.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Post, Payloads.ApplianceCreate.Path) { Content = new ChunkedContent(body, chunkSize: 100) };
        request.Headers.Add(Signer.HeaderName, Signer.Sign(body, host.Secret!));
        var chunked = await host.Client.SendAsync(request);
        await chunked.ShouldHaveStatusAsync(HttpStatusCode.OK);

        host.Recorder.Deliveries.Count.ShouldBe(2);
        host.Recorder.Deliveries[1].Body.ShouldBe(body);
    }

    [Fact]
    public async Task The_limit_can_be_set_in_configuration()
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Configuration["Webhooks:GridXReceiver:MaxRequestBodySize"] = "1024");

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, SignedSizedBody(2048));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_body_larger_than_the_servers_own_limit_is_accepted_when_the_receivers_limit_allows_it()
    {
        // Kestrel's default limit is 30 MB; the runtime raises it for the request when its own limit is higher.
        await using var host = await ReceiverHost.StartAsync(options => options.AddServices = services =>
        {
            services.AddGridXReceiver(receiver => receiver.MaxRequestBodySize = 64 * 1024);
            services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = 4096);
        });
        var body = SignedSizedBody(32 * 1024);

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Body.Length.ShouldBe(body.Length);
    }

    [Fact]
    public async Task An_unbounded_limit_still_reads_the_whole_body()
    {
        await using var host = await ReceiverHost.StartAsync(options =>
            options.AddServices = services => services.AddGridXReceiver(receiver => receiver.MaxRequestBodySize = long.MaxValue));
        var body = SignedSizedBody(2048);

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Body.ShouldBe(body);
    }

    private static Task<ReceiverHost> StartWithLimitAsync() =>
        ReceiverHost.StartAsync(options => options.AddServices = services => services.AddGridXReceiver(receiver => receiver.MaxRequestBodySize = Limit));

    /// <summary>A valid appliance/create body padded with an undeclared property to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] SignedSizedBody(int size)
    {
        var body = Payloads.ApplianceCreate.Sample();
        body["padding"] = string.Empty;
        var baseLength = Encoding.UTF8.GetByteCount(body.ToJsonString(Payloads.Json));
        body["padding"] = new string('x', size - baseLength);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(Payloads.Json));
        bytes.Length.ShouldBe(size);
        return bytes;
    }
}
