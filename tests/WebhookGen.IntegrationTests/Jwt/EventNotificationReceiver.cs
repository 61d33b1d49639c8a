using System.Threading;
using System.Threading.Tasks;
using WebhookGen.IntegrationTests.Schemes;

namespace WebhookGen.IntegrationTests.Jwt;

/// <summary>
/// <c>specs/jwt-event-notification/openapi.yaml</c>: Open Banking style event notifications, POST
/// <c>/open-banking/event-notifications</c> with an <c>application/jwt</c> body whose claims are the event.
/// </summary>
[WebhookReceiver("jwt-event-notification/openapi.yaml")]
public partial class EventNotificationReceiver(SchemeRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnEventNotificationAsync(EventNotification payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnEventNotificationAsync), payload, context);
}
