namespace WebhookGen.Benchmarks.InboxApp;

/// <summary>What the app has done since it started: deliveries stored in the inbox and handler calls.</summary>
internal static class Counters
{
    private static long _stored;
    private static long _handled;

    /// <summary>Deliveries stored in the inbox (none inline).</summary>
    public static long StoredCount => Interlocked.Read(ref _stored);

    /// <summary>Handler calls, inline or by the inbox's workers.</summary>
    public static long HandledCount => Interlocked.Read(ref _handled);

    public static void Stored() => Interlocked.Increment(ref _stored);

    public static void Handled() => Interlocked.Increment(ref _handled);
}
