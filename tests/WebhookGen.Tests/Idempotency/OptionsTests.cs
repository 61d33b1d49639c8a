using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Idempotency;
using Xunit;

namespace WebhookGen.Tests.Idempotency;

public sealed class IdempotencyOptionsTests
{
    [Fact]
    public void Deduplication_is_on_by_default_with_a_day_of_retention()
    {
        var options = new WebhookReceiverOptions().Idempotency;

        options.Enabled.ShouldBeTrue();
        options.IdHeader.ShouldBeNull();
        options.Retention.ShouldBe(TimeSpan.FromHours(24));
        options.ReservationTimeout.ShouldBe(TimeSpan.FromMinutes(5));
        options.InProgressRetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Keys_are_namespaced_by_receiver_and_long_ids_are_hashed()
    {
        WebhookIdempotencyGate.Key("GridXReceiver", "abc").ShouldBe("GridXReceiver:abc");
        var key = WebhookIdempotencyGate.Key("GridXReceiver", new string('x', 5000));
        key.ShouldStartWith("GridXReceiver:sha256:");
        key.Length.ShouldBeLessThan(100);
    }

    [Fact]
    public void The_id_is_the_signed_header_when_present_else_the_event_id_else_the_body_digest()
    {
        var options = new WebhookIdempotencyOptions();
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        var body = "{\"n\":1}"u8;

        WebhookIdempotencyGate.FindId(request, options, "webhook-id", "evt_1", body).ShouldBe("evt_1");
        WebhookIdempotencyGate.FindId(request, options, null, null, body)
            .ShouldBe("sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)));
        WebhookIdempotencyGate.FindId(request, options, null, string.Empty, []).ShouldBeNull();
        request.Headers["webhook-id"] = "msg_9";
        WebhookIdempotencyGate.FindId(request, options, "webhook-id", "evt_1", body).ShouldBe("msg_9");
        WebhookIdempotencyGate.FindId(request, options, null, "evt_1", body).ShouldBe("evt_1");
        options.Enabled = false;
        WebhookIdempotencyGate.FindId(request, options, "webhook-id", "evt_1", body).ShouldBeNull();
    }

    [Fact]
    public void Non_positive_durations_are_refused()
    {
        var options = new WebhookReceiverOptions();
        options.Idempotency.Retention = TimeSpan.Zero;
        options.Idempotency.ReservationTimeout = TimeSpan.FromSeconds(-1);

        var result = new WebhookIdempotencyOptionsValidator().Validate("GridXReceiver", options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Webhooks:GridXReceiver:Idempotency:Retention");
        result.FailureMessage.ShouldContain("Webhooks:GridXReceiver:Idempotency:ReservationTimeout");
        new WebhookIdempotencyOptionsValidator().Validate("GridXReceiver", new WebhookReceiverOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void The_distributed_store_replaces_the_memory_default_in_either_order()
    {
        var after = new ServiceCollection().AddDistributedMemoryCache().AddOptions();
        WebhookIdempotencyServiceCollectionExtensions.TryAddDefaultWebhookIdempotency(after);
        after.AddWebhookDistributedIdempotency();

        var before = new ServiceCollection().AddDistributedMemoryCache().AddOptions();
        before.AddWebhookDistributedIdempotency(o => o.KeyPrefix = "p:");
        WebhookIdempotencyServiceCollectionExtensions.TryAddDefaultWebhookIdempotency(before);

        using var first = after.BuildServiceProvider();
        using var second = before.BuildServiceProvider();
        first.GetRequiredService<IWebhookIdempotencyStore>().ShouldBeOfType<DistributedCacheWebhookIdempotencyStore>();
        second.GetRequiredService<IWebhookIdempotencyStore>().ShouldBeOfType<DistributedCacheWebhookIdempotencyStore>();
        second.GetRequiredService<IOptions<DistributedCacheWebhookIdempotencyStoreOptions>>().Value.KeyPrefix.ShouldBe("p:");
    }
}
