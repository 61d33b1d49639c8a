using Microsoft.Extensions.Options;
using WebhookGen.Signatures;

namespace WebhookGen.Hosting;

/// <summary>Refuses a receiver that could not verify what it receives: the app does not start with an open endpoint.</summary>
internal sealed class WebhookReceiverOptionsValidator(WebhookReceiverDescriptor receiver) : IValidateOptions<WebhookReceiverOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookReceiverOptions options)
    {
        if (name != receiver.Name)
        {
            return ValidateOptionsResult.Skip;
        }

        var builder = new ValidateOptionsResultBuilder();
        var section = receiver.ConfigurationSection;
        if (options.MaxRequestBodySize <= 0)
        {
            builder.AddError($"'{section}:MaxRequestBodySize' must be a positive number of bytes, not {options.MaxRequestBodySize}.");
        }

        if (options.UnknownEventStatusCode is < 200 or > 499)
        {
            builder.AddError($"'{section}:UnknownEventStatusCode' must be a 2xx, 3xx or 4xx status, not {options.UnknownEventStatusCode}: an unknown event is never a server error.");
        }

        if (!System.Enum.IsDefined(options.PayloadReading))
        {
            builder.AddError($"'{section}:PayloadReading' must be Tolerant or Strict, not {(int)options.PayloadReading}.");
        }

        // A JWT body is verified whatever else is allowed: its claims are never read unverified.
        if ((receiver.BodyFormats & WebhookBodyFormats.Jwt) != 0)
        {
            WebhookGen.Jwt.WebhookJwtOptionsValidation.Validate(receiver.Name, section, options.Jwt, builder);
        }

        if (options.AllowUnsignedDeliveries)
        {
            return builder.Build();
        }

        var custom = options.GetSignatureVerifier();
        var scheme = custom is null ? options.GetSignatureScheme(receiver.SignatureScheme) : (custom as ConfigurableSignatureVerifier)?.Scheme;
        if (custom is null && scheme is null && receiver.ReceivesOnlyJwt)
        {
            // Every body is a signed token: that signature is the proof, and no HTTP signature scheme is needed.
            return builder.Build();
        }

        if (custom is null && scheme is null)
        {
            builder.AddError(
                $"The spec of {receiver.Name} declares no signature scheme that WebhookGen understands. " +
                $"Call options.{nameof(WebhookReceiverOptions.UseSignatureScheme)}(...) or options.{nameof(WebhookReceiverOptions.UseSignatureVerifier)}(...) " +
                $"in Add{receiver.Name}(...), or declare the scheme in the spec with 'x-webhook-signature', " +
                $"or opt in to unsigned deliveries with '{section}:{nameof(WebhookReceiverOptions.AllowUnsignedDeliveries)}' = true.");
            return builder.Build();
        }

        if (options.Idempotency.IdHeader is { Length: > 0 } idHeader
            && (custom is not null && custom is not ConfigurableSignatureVerifier
                || !string.Equals(WebhookReceiverRuntime.SignedIdHeader(scheme), idHeader, System.StringComparison.OrdinalIgnoreCase)))
        {
            builder.AddError(
                $"'{section}:Idempotency:IdHeader' names '{idHeader}', which the signature of {receiver.Name} does not cover: a captured " +
                "delivery could be replayed under a new value of it and be handled again. Remove the setting: deliveries are " +
                "deduplicated by signed content (the body's event id, else a digest of the body), and the header still labels them " +
                "when the spec names it. Only a header the signature scheme signs as the id (Standard Webhooks' webhook-id) may be named here.");
        }

        if (scheme?.Validate() is { Count: > 0 } problems)
        {
            builder.AddError($"The signature scheme of {receiver.Name} is invalid: {string.Join("; ", problems)}.");
        }

        if (options.GetSecrets().Count == 0)
        {
            var variable = section.Replace(":", "__", System.StringComparison.Ordinal);
            builder.AddError(
                $"No signing secret is configured for {receiver.Name}, so it cannot verify deliveries and the app does not start. " +
                $"Set '{section}:Secret' (for example the environment variable {variable}__Secret, or dotnet user-secrets) " +
                $"or the list '{section}:Secrets'.");
        }
        else if (scheme is { SecretEncoding: SecretEncoding.WhsecBase64 })
        {
            // Never the secret itself in the message: only which one.
            var secrets = options.GetSecrets();
            for (var i = 0; i < secrets.Count; i++)
            {
                if (ConfigurableSignatureVerifier.DecodeSecret(secrets[i], SecretEncoding.WhsecBase64) is null)
                {
                    builder.AddError(
                        $"Secret {i + 1} of {secrets.Count} configured for {receiver.Name} ('{section}:Secret' first, then '{section}:Secrets') " +
                        "is not base64 (after an optional 'whsec_' prefix), as the receiver's signature scheme requires.");
                }
            }
        }

        return builder.Build();
    }
}
