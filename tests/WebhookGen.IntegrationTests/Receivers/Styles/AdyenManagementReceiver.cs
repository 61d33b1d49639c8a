using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Styles.Adyen;

/// <summary>
/// OpenAPI 3.1 <c>webhooks</c>: <c>specs/adyen-management/webhooks.json</c>, eight events on one route told apart by the
/// body's <c>type</c>; <c>terminalAssignment.completed</c> has no <c>type</c> and receives the deliveries that carry none.
/// The spec declares no signature scheme (WHG009): the tests configure one in code.
/// </summary>
[WebhookReceiver("adyen-management/webhooks.json")]
public partial class AdyenManagementReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnMerchantCreatedAsync(MerchantCreatedNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnMerchantCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMerchantUpdatedAsync(MerchantUpdatedNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnMerchantUpdatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPaymentMethodCreatedAsync(PaymentMethodCreatedNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnPaymentMethodCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPaymentMethodRequestRemovedAsync(PaymentMethodRequestRemovedNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnPaymentMethodRequestRemovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPaymentMethodRequestScheduledForRemovalAsync(PaymentMethodScheduledForRemovalNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnPaymentMethodRequestScheduledForRemovalAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTerminalAssignmentCompletedAsync(TerminalAssignmentNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnTerminalAssignmentCompletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTerminalBoardingTriggeredAsync(TerminalBoardingNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnTerminalBoardingTriggeredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTerminalSettingsModifiedAsync(TerminalSettingsNotificationRequest payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnTerminalSettingsModifiedAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context) =>
        StyleRecording.Record(recorder, nameof(AdyenManagementReceiver), handler, payload, context);
}
