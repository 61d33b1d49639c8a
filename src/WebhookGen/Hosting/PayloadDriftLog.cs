using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using WebhookGen.Diagnostics;

namespace WebhookGen.Hosting;

/// <summary>
/// Logs each drift of one receiver once per (event, member path, kind): a provider that always omits a member would
/// otherwise log on every delivery. The set of what was logged is capped; past the cap, new drift is no longer logged
/// (it is still counted by the metric and seen by the handler), and that is said once.
/// </summary>
internal sealed class PayloadDriftLog(ILogger logger, string receiver, int capacity = PayloadDriftLog.DefaultCapacity)
{
    public const int DefaultCapacity = 1000;

    private readonly ConcurrentDictionary<(string Event, string Path, PayloadDriftKind Kind), byte> _logged = new();
    private int _full;

    public void Report(string eventName, IReadOnlyList<PayloadDrift> drift)
    {
        foreach (var item in drift)
        {
            var key = (eventName, item.Path, item.Kind);
            if (_logged.ContainsKey(key))
            {
                continue;
            }

            // The count may pass the capacity by the number of concurrent deliveries, no more.
            if (_logged.Count >= capacity)
            {
                if (System.Threading.Interlocked.Exchange(ref _full, 1) == 0)
                {
                    WebhookLog.PayloadDriftLogFull(logger, receiver, capacity);
                }

                return;
            }

            if (_logged.TryAdd(key, 0))
            {
                WebhookLog.PayloadDrifted(logger, receiver, eventName, item.Path, PayloadDriftNames.Of(item.Kind));
            }
        }
    }
}
