using System;

namespace WebhookGen.Hosting;

/// <summary>A body whose signature was verified, with the receiver's services and the options it was verified under.</summary>
internal readonly record struct VerifiedDelivery(WebhookReceiverRuntime Runtime, WebhookReceiverOptions Options, ReadOnlyMemory<byte> Body);
