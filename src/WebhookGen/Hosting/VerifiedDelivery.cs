using System;
using WebhookGen.Diagnostics;

namespace WebhookGen.Hosting;

/// <summary>
/// A body whose signature was verified, with the receiver's services, the options it was verified under and the
/// delivery's telemetry.
/// </summary>
internal readonly record struct VerifiedDelivery(WebhookReceiverRuntime Runtime, WebhookReceiverOptions Options, ReadOnlyMemory<byte> Body, WebhookTelemetry Telemetry);
