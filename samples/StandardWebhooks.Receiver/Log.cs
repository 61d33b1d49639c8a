using System;
using Microsoft.Extensions.Logging;

namespace StandardWebhooks.Receiver;

/// <summary>The sample's log lines: ids, amounts and states only, never the payload, a customer's data or the secret.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "invoice.paid: invoice {InvoiceId} paid {AmountPaid} {Currency} at {PaidAt} (message {WebhookId})")]
    public static partial void InvoicePaid(ILogger logger, string invoiceId, long amountPaid, string currency, DateTimeOffset paidAt, string? webhookId);

    [LoggerMessage(2, LogLevel.Information, "invoice.payment_failed: invoice {InvoiceId}, attempt {Attempt} failed with {FailureCode}, next attempt at {NextAttemptAt} (message {WebhookId})")]
    public static partial void InvoicePaymentFailed(ILogger logger, string invoiceId, int attempt, string? failureCode, DateTimeOffset? nextAttemptAt, string? webhookId);

    [LoggerMessage(3, LogLevel.Information, "subscription.canceled: subscription {SubscriptionId} canceled ({Reason}), access ends at {EffectiveAt} (message {WebhookId})")]
    public static partial void SubscriptionCanceled(ILogger logger, string subscriptionId, string? reason, DateTimeOffset effectiveAt, string? webhookId);
}
