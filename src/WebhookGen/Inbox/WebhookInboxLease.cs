namespace WebhookGen.Inbox;

/// <summary>
/// A message handed to one worker until the lease's duration ends: completed, retried or dead-lettered by that worker, or,
/// when the worker dies, leased again to another after the duration.
/// </summary>
/// <param name="Message">The delivery.</param>
/// <param name="Attempt">Which run of the handler this is, from 1: every lease counts, a lapsed one included.</param>
/// <param name="LastError">Why the previous attempt failed, if one did.</param>
/// <param name="Token">The store's handle of this lease; a later lease of the same message has another.</param>
public sealed record WebhookInboxLease(WebhookInboxMessage Message, int Attempt, string? LastError, string Token);
