using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookGen.Diagnostics;
using WebhookGen.Hosting;
using WebhookGen.Json;

namespace WebhookGen.Inbox;

/// <summary>
/// Runs the handlers of queued deliveries: leases what is ready, runs up to <see cref="WebhookInboxWorkerOptions.Concurrency"/>
/// handlers at once, each in its own service scope, then completes the delivery, schedules a retry (exponential backoff
/// with jitter, <see cref="WebhookResult.RetryLater"/> honoured) or gives it up as a dead letter. One per app; idle when no
/// inbox store is registered.
/// </summary>
internal sealed class WebhookInboxWorker(
    IServiceProvider services,
    IOptionsMonitor<WebhookInboxWorkerOptions> workerOptions,
    WebhookInboxSignal signal,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    WebhookMetrics metrics) : BackgroundService
{
    /// <summary>How often the gauges' counts are refreshed from the store.</summary>
    private static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = loggerFactory.CreateLogger("WebhookGen.Inbox");
    private readonly string _consumer = Environment.MachineName + ":" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IWebhookInboxStore>() is not { } store)
        {
            return;
        }

        var options = workerOptions.CurrentValue;
        using var slots = new SemaphoreSlim(options.Concurrency);
        var running = new HashSet<Task>();
        var nextStats = long.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                options = workerOptions.CurrentValue;
                if (Stopwatch.GetTimestamp() >= nextStats)
                {
                    await RefreshGaugesAsync(store, stoppingToken).ConfigureAwait(false);
                    nextStats = Stopwatch.GetTimestamp() + (long)(StatsInterval.TotalSeconds * Stopwatch.Frequency);
                }

                // Ask for as many deliveries as there are free slots, at least one once a slot frees.
                var wake = signal.WaitAsync();
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var free = slots.CurrentCount + 1;
                IReadOnlyList<WebhookInboxLease> leases;
                try
                {
                    leases = await store.LeaseAsync(_consumer, free, options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    slots.Release();
                    break;
                }
#pragma warning disable CA1031 // A store that fails now may not later: the worker keeps going.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    slots.Release();
                    InboxLog.StoreFailed(_logger, "lease deliveries", options.PollInterval, exception);
                    await DelayAsync(options.PollInterval, wake: null, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (leases.Count == 0)
                {
                    slots.Release();
                    await DelayAsync(options.PollInterval, wake, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                for (var i = 0; i < leases.Count; i++)
                {
                    // The first lease takes the slot waited for above; the others the slots counted free then.
                    if (i > 0)
                    {
                        await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                    }

                    var lease = leases[i];
                    var task = RunAsync(store, lease, options.LeaseDuration, stoppingToken);
                    lock (running)
                    {
                        running.Add(task);
                    }

                    _ = task.ContinueWith(
                        finished =>
                        {
                            lock (running)
                            {
                                running.Remove(finished);
                            }

                            slots.Release();
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Handlers still running were cancelled with the stopping token; their deliveries are handed back before the app stops.
        Task[] remaining;
        lock (running)
        {
            remaining = [.. running];
        }

        await Task.WhenAll(remaining).ConfigureAwait(false);
    }

    private async Task DelayAsync(TimeSpan delay, Task? wake, CancellationToken stoppingToken)
    {
        var timer = Task.Delay(delay, timeProvider, stoppingToken);
        await (wake is null ? timer : Task.WhenAny(timer, wake)).ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task RefreshGaugesAsync(IWebhookInboxStore store, CancellationToken stoppingToken)
    {
        try
        {
            WebhookInboxGauges.Update(await store.GetStatsAsync(stoppingToken).ConfigureAwait(false), timeProvider.GetUtcNow());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The gauges keep their last counts; leasing reports the store's failure.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Runs one leased delivery's handler and settles the lease; never throws.</summary>
    private async Task RunAsync(IWebhookInboxStore store, WebhookInboxLease lease, TimeSpan leaseDuration, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var message = lease.Message;
        var runtime = services.GetKeyedService<WebhookReceiverRuntime>(message.ReceiverName);
        if (runtime is null || !runtime.Descriptor.Events.TryGetValue(message.EventName, out var evt))
        {
            InboxLog.NoHandler(_logger, message.ReceiverName, message.EventName, message.Id);
            await SettleAsync(store, lease, WebhookInboxOutcome.DeadLetter("no handler"), message.ReceiverName, runtime?.Logger ?? _logger).ConfigureAwait(false);
            return;
        }

        var options = runtime.Options;
        var logger = runtime.Logger;
        var telemetry = WebhookTelemetry.ForQueued(metrics, message.ReceiverName, message.EventName);
        var handlerSpan = telemetry.StartHandler();
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(leaseDuration);
        WebhookInboxOutcome outcome;
        try
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var result = await evt.RunQueuedAsync(scope.ServiceProvider, message, lease.Attempt, options.PayloadReading, timeout.Token).ConfigureAwait(false);
                telemetry.HandlerAnswered(handlerSpan, started, result.StatusCode);
                telemetry.Answered(result.StatusCode);
                outcome = WebhookInboxOutcome.Of(result, lease.Attempt, options.Inbox, timeProvider.GetUtcNow());
                if (outcome.Kind == WebhookInboxOutcomeKind.Complete)
                {
                    InboxLog.Handled(logger, message.ReceiverName, message.EventName, message.Id, lease.Attempt, result.StatusCode);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping: the delivery goes back at once, for this instance after a restart or for another.
            handlerSpan?.Dispose();
            outcome = WebhookInboxOutcome.Retry(timeProvider.GetUtcNow(), "stopped");
        }
        catch (WebhookPayloadException exception)
        {
            // The payload was valid when it was accepted: the spec or the reading mode changed since. Retrying cannot help.
            handlerSpan?.Dispose();
            outcome = WebhookInboxOutcome.DeadLetter("payload no longer reads at '" + exception.Path + "'");
        }
#pragma warning disable CA1031 // A handler's failure is retried, then dead-lettered; it never stops the worker.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            telemetry.HandlerThrew(handlerSpan, started, exception);
            InboxLog.HandlerFailed(logger, message.ReceiverName, message.EventName, message.Id, lease.Attempt, RedactedException.For(exception, options.GetSecrets()));
            outcome = WebhookInboxOutcome.Of(exception, lease.Attempt, options.Inbox, timeProvider.GetUtcNow());
        }
        finally
        {
            telemetry.Stop(statusCode: null);
        }

        await SettleAsync(store, lease, outcome, message.ReceiverName, logger, options.Inbox.MaxAttempts).ConfigureAwait(false);
    }

    private async Task SettleAsync(IWebhookInboxStore store, WebhookInboxLease lease, WebhookInboxOutcome outcome, string receiverName, ILogger logger, int maxAttempts = 0)
    {
        var message = lease.Message;
        bool held;
        try
        {
            held = outcome.Kind switch
            {
                WebhookInboxOutcomeKind.Complete => await store.CompleteAsync(lease, CancellationToken.None).ConfigureAwait(false),
                WebhookInboxOutcomeKind.Retry => await store.RetryAsync(lease, outcome.NotBefore, outcome.Reason, CancellationToken.None).ConfigureAwait(false),
                _ => await store.DeadLetterAsync(lease, outcome.Reason, CancellationToken.None).ConfigureAwait(false),
            };
        }
#pragma warning disable CA1031 // The lease lapses and the delivery is run again: at least once, never lost.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            InboxLog.StoreFailed(_logger, "settle " + message.Id, workerOptions.CurrentValue.LeaseDuration, exception);
            return;
        }

        if (!held)
        {
            InboxLog.LeaseLost(_logger, message.Id);
            WebhookInboxTelemetry.Ran(metrics, receiverName, message.EventName, "lease_lost");
            return;
        }

        switch (outcome.Kind)
        {
            case WebhookInboxOutcomeKind.Complete:
                WebhookInboxTelemetry.Ran(metrics, receiverName, message.EventName, "handled");
                break;
            case WebhookInboxOutcomeKind.Retry:
                WebhookInboxTelemetry.Ran(metrics, receiverName, message.EventName, "retried");
                var delay = outcome.NotBefore - timeProvider.GetUtcNow();
                InboxLog.RetryScheduled(logger, receiverName, message.EventName, message.Id, lease.Attempt, maxAttempts, outcome.Reason, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
                break;
            default:
                WebhookInboxTelemetry.Ran(metrics, receiverName, message.EventName, "dead_lettered");
                InboxLog.DeadLettered(logger, receiverName, message.EventName, message.Id, lease.Attempt, outcome.Reason);
                break;
        }
    }
}
