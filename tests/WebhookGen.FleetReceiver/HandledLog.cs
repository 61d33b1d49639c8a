using System.Globalization;
using System.Text;
using WebhookGen;

namespace Fleet;

/// <summary>
/// The file the handlers append one line to per handled delivery, <c>{IdempotencyId} {process id}</c>, before answering.
/// Each line is one unbuffered write (and, by default, flushed to disk), so a process killed at any moment leaves only
/// whole lines, and every line of a delivery whose handler returned.
/// </summary>
public sealed class HandledLog : IDisposable
{
    private readonly FileStream _file;
    private readonly bool _sync;
    private readonly int _maxDelayMs;
    private readonly string _suffix = " " + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n";
    private readonly Lock _gate = new();

    public HandledLog(string path, bool sync, int maxDelayMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDelayMs);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _sync = sync;
        _maxDelayMs = maxDelayMs;
    }

    /// <summary>
    /// Records the delivery, with a random 0..<c>HandlerDelayMs</c> wait before (the handler's work) and another after
    /// (work after its side effect), so that a kill lands on deliveries both before and after their line is written.
    /// </summary>
    public async ValueTask RecordAsync(WebhookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.IdempotencyId ?? throw new InvalidOperationException("The delivery has no idempotency id.");
        await DelayAsync(cancellationToken).ConfigureAwait(false);

        var line = Encoding.UTF8.GetBytes(id + _suffix);
        lock (_gate)
        {
            _file.Write(line);
            if (_sync)
            {
                _file.Flush(flushToDisk: true);
            }
        }

        // The side effect is done: from here on the delivery is handled, whatever happens to the request.
        await DelayAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public void Dispose() => _file.Dispose();

    private Task DelayAsync(CancellationToken cancellationToken)
    {
#pragma warning disable CA5394 // Not security sensitive: a jittered handler duration.
        var delay = _maxDelayMs > 0 ? Random.Shared.Next(0, _maxDelayMs + 1) : 0;
#pragma warning restore CA5394
        return delay > 0 ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;
    }
}
