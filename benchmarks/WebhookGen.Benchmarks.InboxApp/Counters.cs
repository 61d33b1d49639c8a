namespace WebhookGen.Benchmarks.InboxApp;

/// <summary>What the app has done since it started: deliveries stored in the inbox and handler calls.</summary>
internal static class Counters
{
    private static long _accepted;
    private static long _handled;

    /// <summary>Deliveries stored in the inbox (none inline).</summary>
    public static long AcceptedCount => Interlocked.Read(ref _accepted);

    /// <summary>Handler calls, inline or by the inbox's workers.</summary>
    public static long HandledCount => Interlocked.Read(ref _handled);

    public static void Accepted() => Interlocked.Increment(ref _accepted);

    public static void Handled() => Interlocked.Increment(ref _handled);
}
