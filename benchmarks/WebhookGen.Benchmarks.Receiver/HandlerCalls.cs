namespace WebhookGen.Benchmarks.Receiver;

/// <summary>Counts handler calls (a singleton), so the setup can prove each endpoint reached its handler exactly once.</summary>
public sealed class HandlerCalls
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Record(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Interlocked.Increment(ref _count);
    }
}
