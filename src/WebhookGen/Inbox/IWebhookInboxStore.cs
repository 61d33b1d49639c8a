using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.Inbox;

/// <summary>
/// Where verified deliveries wait for their handlers: durable before <see cref="EnqueueAsync"/> returns, handed to one
/// worker at a time by leases that lapse when the worker dies. Implementations: <c>WebhookGen.Sqlite</c> (one file, one
/// machine) and <c>WebhookGen.Redis</c> (Redis Streams with a consumer group, a fleet).
/// </summary>
public interface IWebhookInboxStore
{
    /// <summary>Stores a new message, ready at once. Returns only once the message is durable.</summary>
    ValueTask EnqueueAsync(WebhookInboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> ready messages to <paramref name="consumer"/> for
    /// <paramref name="leaseDuration"/>: new ones, retries whose time has come, and messages whose previous lease lapsed
    /// (their worker died). Each lease counts as an attempt. Returns an empty list when nothing is ready.
    /// </summary>
    ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(string consumer, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Removes a handled message. False when the lease had lapsed and the message was leased again.</summary>
    ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken);

    /// <summary>Makes the message ready again at <paramref name="notBefore"/>, noting <paramref name="reason"/> (the failure, never a payload value). False when the lease had lapsed.</summary>
    ValueTask<bool> RetryAsync(WebhookInboxLease lease, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken);

    /// <summary>Moves the message to the dead letters with <paramref name="reason"/>. False when the lease had lapsed.</summary>
    ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string reason, CancellationToken cancellationToken);

    /// <summary>The dead letters, oldest first, of one receiver or (null) of all.</summary>
    ValueTask<IReadOnlyList<WebhookDeadLetter>> GetDeadLettersAsync(string? receiverName, int maxCount, CancellationToken cancellationToken);

    /// <summary>Makes a dead letter ready again with its attempts reset. False when no dead letter has that id.</summary>
    ValueTask<bool> ReplayAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Counts what is pending and dead, and finds the oldest pending delivery.</summary>
    ValueTask<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken);
}
