using System;

namespace WebhookGen.Inbox;

/// <summary>The state of an inbox at one moment.</summary>
/// <param name="Pending">Deliveries not yet handled: waiting, leased or scheduled for a retry.</param>
/// <param name="OldestReceivedAt">When the oldest pending delivery was received; null when none is pending.</param>
/// <param name="DeadLetters">Deliveries given up.</param>
public readonly record struct WebhookInboxStats(long Pending, DateTimeOffset? OldestReceivedAt, long DeadLetters);
