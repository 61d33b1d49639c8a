using System;
using System.Threading;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// A clock that says what the test sets, registered as the app's <see cref="TimeProvider"/> so that the signed timestamps
/// are checked against a known "now". Only <see cref="GetUtcNow"/> is faked; timers run on real time.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    private long _utcTicks;

    public FakeClock(DateTimeOffset now) => Now = now;

    /// <summary>The time the app sees.</summary>
    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
    }

    /// <summary><see cref="Now"/> in whole seconds since the Unix epoch, as signed timestamps are written.</summary>
    public long UnixSeconds => Now.ToUnixTimeSeconds();

    public override DateTimeOffset GetUtcNow() => Now;
}
