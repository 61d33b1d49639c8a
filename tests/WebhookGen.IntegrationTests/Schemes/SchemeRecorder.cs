using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>One call of a scheme receiver's handler, copied out of the delivery while it was valid.</summary>
/// <param name="IdempotencyId">The id the delivery was deduplicated by (<see cref="WebhookContext.IdempotencyId"/>).</param>
/// <param name="DeliveryId">The delivery's label from its sender (<see cref="WebhookContext.DeliveryId"/>).</param>
public sealed record SchemeDelivery(string Handler, string EventName, object Payload, string? EventId, string? IdempotencyId, string? DeliveryId);

/// <summary>
/// A singleton each scheme host registers and the scheme receivers take through their constructor: every handler call
/// lands here, one per host, so tests that run in parallel never see each other's deliveries.
/// </summary>
public sealed class SchemeRecorder
{
    private readonly ConcurrentQueue<SchemeDelivery> _deliveries = new();

    /// <summary>Every recorded call, in order.</summary>
    public IReadOnlyList<SchemeDelivery> Deliveries => _deliveries.ToArray();

    /// <summary>Records the call and answers <see cref="WebhookResult.Ok"/>.</summary>
    public ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _deliveries.Enqueue(new SchemeDelivery(handler, context.EventName, payload, context.EventId, context.IdempotencyId, context.DeliveryId));
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
