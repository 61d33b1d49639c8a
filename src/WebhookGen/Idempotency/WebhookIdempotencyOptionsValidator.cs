using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace WebhookGen.Idempotency;

/// <summary>Refuses to start with idempotency durations that are zero or negative.</summary>
internal sealed class WebhookIdempotencyOptionsValidator : IValidateOptions<WebhookReceiverOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookReceiverOptions options)
    {
        var idempotency = options.Idempotency;
        var failures = new List<string>();
        if (idempotency.Retention <= System.TimeSpan.Zero)
        {
            failures.Add($"Webhooks:{name}:Idempotency:Retention must be positive.");
        }

        if (idempotency.ReservationTimeout <= System.TimeSpan.Zero)
        {
            failures.Add($"Webhooks:{name}:Idempotency:ReservationTimeout must be positive.");
        }

        if (idempotency.InProgressRetryAfter < System.TimeSpan.Zero)
        {
            failures.Add($"Webhooks:{name}:Idempotency:InProgressRetryAfter must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
