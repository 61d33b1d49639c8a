using System;

namespace WebhookGen.Inbox;

/// <summary>A delivery whose handler failed every attempt, or refused it, kept until it is replayed.</summary>
/// <param name="Message">The delivery.</param>
/// <param name="Attempts">How often the handler ran.</param>
/// <param name="Reason">Why the last attempt failed: the exception's type or the handler's status, never a payload value.</param>
/// <param name="DeadAt">When the delivery was given up.</param>
public sealed record WebhookDeadLetter(WebhookInboxMessage Message, int Attempts, string Reason, DateTimeOffset DeadAt);
