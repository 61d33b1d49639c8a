using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.Idempotency;
using WebhookGen.IntegrationTests.Infrastructure;
using Xunit;

namespace WebhookGen.IntegrationTests.Idempotency;

/// <summary>Two receiver instances sharing one store in a real Redis, as an app scaled out would.</summary>
public sealed class RedisIdempotencyTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private async Task<(ReceiverHost First, ReceiverHost Second)> StartPairAsync()
    {
        var secret = "redis-secret-" + Guid.NewGuid().ToString("N");
        var instance = "it-" + Guid.NewGuid().ToString("N") + ":";
        void Configure(ReceiverHostOptions options)
        {
            options.Idempotency = true;
            options.Secret = secret;
            options.AddServices = services => services
                .AddGridXReceiver()
                .AddStackExchangeRedisCache(cache =>
                {
                    cache.Configuration = redis.Configuration;
                    cache.InstanceName = instance;
                })
                .AddWebhookDistributedIdempotency();
        }

        var first = await ReceiverHost.StartAsync(Configure);
        try
        {
            return (first, await ReceiverHost.StartAsync(Configure));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    private static byte[] Body(GridXEvent evt) => Encoding.UTF8.GetBytes(evt.Sample().ToJsonString(Payloads.Json));

    [Fact]
    public async Task The_same_event_sent_to_two_instances_is_handled_once_in_total()
    {
        var (first, second) = await StartPairAsync();
        await using var one = first;
        await using var two = second;
        one.Services.GetRequiredService<IWebhookIdempotencyStore>().ShouldBeOfType<DistributedCacheWebhookIdempotencyStore>();
        var body = Body(Payloads.ApplianceCreate);

        var toFirst = await one.PostSignedAsync(Payloads.ApplianceCreate.Path, body);
        var toSecond = await two.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        await toFirst.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await toSecond.ShouldHaveStatusAsync(HttpStatusCode.OK);
        one.Recorder.Deliveries.Count.ShouldBe(1);
        two.Recorder.Deliveries.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Parallel_deliveries_to_two_instances_are_handled_once_in_total()
    {
        var (first, second) = await StartPairAsync();
        await using var one = first;
        await using var two = second;
        var body = Body(Payloads.GatewayCreate);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? one : two).PostSignedAsync(Payloads.GatewayCreate.Path, body)));

        (one.Recorder.Deliveries.Count + two.Recorder.Deliveries.Count).ShouldBe(1);
        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_failure_on_one_instance_lets_the_retry_on_the_other_be_handled()
    {
        var (first, second) = await StartPairAsync();
        await using var one = first;
        await using var two = second;
        var body = Body(Payloads.EvPlugged);
        one.Recorder.Behavior = Receivers.HandlerBehavior.Throw;

        var failed = await one.PostSignedAsync(Payloads.EvPlugged.Path, body);
        var retried = await two.PostSignedAsync(Payloads.EvPlugged.Path, body);
        var repeated = await one.PostSignedAsync(Payloads.EvPlugged.Path, body);

        await failed.ShouldHaveStatusAsync(HttpStatusCode.InternalServerError);
        await retried.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await repeated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        one.Recorder.Deliveries.Count.ShouldBe(1);
        two.Recorder.Deliveries.Count.ShouldBe(1);
    }
}
