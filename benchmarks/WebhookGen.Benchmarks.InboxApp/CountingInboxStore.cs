using WebhookGen.Inbox;

namespace WebhookGen.Benchmarks.InboxApp;

/// <summary>
/// The registered inbox store, counting the deliveries it stored: the backlog the benchmark waits for is counted where a
/// delivery is stored, not from response codes (a request cut off by the client is never stored, yet keeps the status 200
/// it started with).
/// </summary>
internal sealed class CountingInboxStore(IWebhookInboxStore store) : IWebhookInboxStore, IAsyncDisposable
{
    /// <summary>Replaces the registered <see cref="IWebhookInboxStore"/> with itself around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IWebhookInboxStore));
        services.Remove(registered);
        services.AddSingleton<IWebhookInboxStore>(provider => new CountingInboxStore(
            registered.ImplementationInstance as IWebhookInboxStore
            ?? (IWebhookInboxStore)(registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!))));
    }

    public async ValueTask EnqueueAsync(WebhookInboxMessage message, CancellationToken cancellationToken)
    {
        await store.EnqueueAsync(message, cancellationToken).ConfigureAwait(false);
        Counters.Stored();
    }

    public ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(string consumer, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        store.LeaseAsync(consumer, maxCount, leaseDuration, cancellationToken);

    public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken) => store.CompleteAsync(lease, cancellationToken);

    public ValueTask<bool> RetryAsync(WebhookInboxLease lease, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        store.RetryAsync(lease, notBefore, reason, cancellationToken);

    public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string reason, CancellationToken cancellationToken) =>
        store.DeadLetterAsync(lease, reason, cancellationToken);

    public ValueTask<IReadOnlyList<WebhookDeadLetter>> GetDeadLettersAsync(string? receiverName, int maxCount, CancellationToken cancellationToken) =>
        store.GetDeadLettersAsync(receiverName, maxCount, cancellationToken);

    public ValueTask<bool> ReplayAsync(string messageId, CancellationToken cancellationToken) => store.ReplayAsync(messageId, cancellationToken);

    public ValueTask<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken) => store.GetStatsAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
