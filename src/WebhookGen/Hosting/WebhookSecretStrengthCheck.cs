using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookGen.Hosting;

/// <summary>
/// At start, warns about each signing secret too short to resist a brute-force search of a captured delivery's HMAC;
/// the secret itself is never logged, only its position and length.
/// </summary>
internal sealed class WebhookSecretStrengthCheck(WebhookReceiverDescriptor receiver, IOptionsMonitor<WebhookReceiverOptions> options, ILoggerFactory loggerFactory)
    : IHostedService
{
    /// <summary>Fewer characters than this get a warning (128 bits at the most, for random bytes).</summary>
    internal const int MinimumLength = 16;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var current = options.Get(receiver.Name);
        if (current.AllowUnsignedDeliveries)
        {
            return Task.CompletedTask;
        }

        var secrets = current.GetSecrets();
        var logger = loggerFactory.CreateLogger("WebhookGen." + receiver.Name);
        for (var i = 0; i < secrets.Count; i++)
        {
            const string Prefix = WebhookGen.Signatures.SecretKeys.WhsecPrefix;
            var length = secrets[i].StartsWith(Prefix, StringComparison.Ordinal) ? secrets[i].Length - Prefix.Length : secrets[i].Length;
            if (length < MinimumLength)
            {
                WebhookLog.ShortSecret(logger, receiver.Name, i + 1, secrets.Count, length, MinimumLength);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
