using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.Inbox;

/// <summary>Wakes the worker when this instance queues a delivery, so that it does not wait for its next poll.</summary>
internal sealed class WebhookInboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a delivery is queued after this call.</summary>
    public Task WaitAsync() => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
