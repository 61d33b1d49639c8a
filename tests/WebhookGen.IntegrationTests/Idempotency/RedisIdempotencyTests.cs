using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.Idempotency;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.Redis;
using Xunit;

namespace WebhookGen.IntegrationTests.Idempotency;

/// <summary>
/// Two receiver instances sharing one store in a real Redis, as an app scaled out would: the Redis-native store
/// (<c>AddWebhookRedisIdempotency</c>, atomic scripts) and the <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> one.
/// </summary>
public sealed class RedisIdempotencyTests(RedisServer redis) : IClassFixture<RedisServer>
{
    public const string NativeStore = "redis";
    public const string CacheStore = "distributed-cache";

    private async Task<(ReceiverHost First, ReceiverHost Second)> StartPairAsync(string store = CacheStore)
    {
        var secret = "redis-secret-" + Guid.NewGuid().ToString("N");
        var instance = "it-" + Guid.NewGuid().ToString("N") + ":";
        void Configure(ReceiverHostOptions options)
        {
            options.Idempotency = true;
            options.Secret = secret;
            options.AddServices = store == NativeStore
                ? services => services
                    .AddGridXReceiver()
                    .AddWebhookRedisIdempotency(o =>
                    {
                        o.Configuration = redis.Configuration;
                        o.KeyPrefix = instance;
                    })
                : services => services
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

    [Theory]
    [InlineData(NativeStore)]
    [InlineData(CacheStore)]
    public async Task The_same_event_sent_to_two_instances_is_handled_once_in_total(string store)
    {
        var (first, second) = await StartPairAsync(store);
        await using var one = first;
        await using var two = second;
        var used = one.Services.GetRequiredService<IWebhookIdempotencyStore>();
        (store == NativeStore ? used.ShouldBeOfType<RedisWebhookIdempotencyStore>() : (object)used.ShouldBeOfType<DistributedCacheWebhookIdempotencyStore>()).ShouldNotBeNull();
        var body = Body(Payloads.ApplianceCreate);

        var toFirst = await one.PostSignedAsync(Payloads.ApplianceCreate.Path, body);
        var toSecond = await two.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        await toFirst.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await toSecond.ShouldHaveStatusAsync(HttpStatusCode.OK);
        one.Recorder.Deliveries.Count.ShouldBe(1);
        two.Recorder.Deliveries.Count.ShouldBe(0);
    }

    [Theory]
    [InlineData(NativeStore)]
    [InlineData(CacheStore)]
    public async Task Parallel_deliveries_to_two_instances_are_handled_once_in_total(string store)
    {
        var (first, second) = await StartPairAsync(store);
        await using var one = first;
        await using var two = second;
        var body = Body(Payloads.GatewayCreate);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? one : two).PostSignedAsync(Payloads.GatewayCreate.Path, body)));

        (one.Recorder.Deliveries.Count + two.Recorder.Deliveries.Count).ShouldBe(1);
        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(NativeStore)]
    [InlineData(CacheStore)]
    public async Task A_failure_on_one_instance_lets_the_retry_on_the_other_be_handled(string store)
    {
        var (first, second) = await StartPairAsync(store);
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

    [Fact]
    public async Task Many_events_sent_to_both_instances_at_once_are_each_handled_exactly_once()
    {
        var (first, second) = await StartPairAsync(NativeStore);
        await using var one = first;
        await using var two = second;
        var bodies = Enumerable.Range(0, 200).Select(_ => Body(Payloads.GatewayOnline)).ToList();

        // Every event to both instances at once, and one in ten a third time: duplicates race across instances.
        var sends = bodies.SelectMany((body, i) => (i % 10 == 0 ? new[] { one, two, one } : new[] { one, two })
            .Select(host => host.PostSignedAsync(Payloads.GatewayOnline.Path, body)));
        var responses = await Task.WhenAll(sends);

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.Conflict);
        var handled = one.Recorder.Deliveries.Concat(two.Recorder.Deliveries).Select(d => d.EventId).ToList();
        handled.Count.ShouldBe(200);
        handled.Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public async Task A_delivery_whose_client_went_away_leaves_no_claim_behind()
    {
        var (first, second) = await StartPairAsync(NativeStore);
        await using var one = first;
        await using var two = second;
        var body = Body(Payloads.ApplianceOnline);

        // Sent whole, then the connection is reset a few milliseconds later, before the answer is read.
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(one.BaseAddress.Host, one.BaseAddress.Port);
            var request = $"POST {Payloads.ApplianceOnline.Path} HTTP/1.1\r\nHost: {one.BaseAddress.Authority}\r\nContent-Type: application/json\r\n" +
                $"X-Signature: {Signer.Sign(body, one.Secret!)}\r\nContent-Length: {body.Length}\r\n\r\n";
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(request).Concat(body).ToArray());
            await Task.Delay(15);
            client.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        }

        // The sender's retry, on the other instance: handled or acknowledged, never held off with 409 for minutes.
        HttpResponseMessage retry;
        var attempts = 0;
        do
        {
            await Task.Delay(100);
            retry = await two.PostSignedAsync(Payloads.ApplianceOnline.Path, body);
        }
        while (retry.StatusCode == HttpStatusCode.Conflict && ++attempts < 20);

        await retry.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (one.Recorder.Deliveries.Count + two.Recorder.Deliveries.Count).ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_Redis_is_answered_503_with_Retry_After_and_the_handler_is_not_called()
    {
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Idempotency = true;
            options.AddServices = services => services
                .AddGridXReceiver()
                .AddWebhookRedisIdempotency(o => o.Configuration = "127.0.0.1:1,connectTimeout=300,connectRetry=0");
        });

        var response = await host.PostSignedAsync(Payloads.GatewayCreate.Path, Body(Payloads.GatewayCreate));

        await response.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        host.Recorder.Deliveries.ShouldBeEmpty();
    }
}
