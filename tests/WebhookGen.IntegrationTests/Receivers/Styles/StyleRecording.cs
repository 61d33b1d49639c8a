using System;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Styles;

/// <summary>
/// What every receiver of the spec-style tests does in each handler: record the call in the host's
/// <see cref="DeliveryRecorder"/>, then answer as <see cref="DeliveryRecorder.Behavior"/> says.
/// </summary>
public static class StyleRecording
{
    /// <summary>A header the tests send and every handler records from <see cref="WebhookContext.Headers"/>.</summary>
    public const string DeliveryHeaderName = "X-Test-Delivery";

    public static ValueTask<WebhookResult> Record(DeliveryRecorder recorder, string receiver, string handler, object payload, WebhookContext context)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(context);

        recorder.Record(new Delivery(
            receiver,
            handler,
            context.EventName,
            context.ReceiverName,
            payload,
            context.EventId,
            context.Headers[DeliveryHeaderName].ToString(),
            context.Body.ToArray())
        {
            Drift = context.Drift,
            DeliveryId = context.DeliveryId,
            Attempt = context.Attempt,
            InRequest = context.HttpContext is not null,
        });

        return recorder.Behavior switch
        {
            HandlerBehavior.Throw => throw new HandlerFailureException(recorder.FailureMessage),
            HandlerBehavior.RetryLater => ValueTask.FromResult(WebhookResult.RetryLater(TimeSpan.FromSeconds(30))),
            HandlerBehavior.DefaultResult => ValueTask.FromResult(default(WebhookResult)),
            _ => ValueTask.FromResult(WebhookResult.Ok()),
        };
    }
}
