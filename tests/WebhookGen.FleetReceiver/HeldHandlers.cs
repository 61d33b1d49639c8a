using System.Globalization;
using System.Text;
using WebhookGen;

namespace Fleet;

/// <summary>
/// In a process started with <c>Fleet:HeldLog</c>, every handler appends <c>{IdempotencyId} {process id} {attempt}</c> to
/// that file and then waits forever: the process is killed with handlers in progress, as a crash finds them. Without it,
/// handlers pass through.
/// </summary>
public sealed class HeldHandlers(string? path) : IDisposable
{
    private readonly FileStream? _file = path is { Length: > 0 }
        ? new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0)
        : null;

    private readonly Lock _gate = new();

    public async ValueTask HoldAsync(WebhookContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_file is null)
        {
            return;
        }

        var line = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{context.IdempotencyId} {Environment.ProcessId} {context.Attempt}\n"));
        lock (_gate)
        {
            _file.Write(line);
        }

        // Not even cancellation ends it: only the process's death does.
        await Task.Delay(Timeout.Infinite, CancellationToken.None).ConfigureAwait(false);
    }

    public void Dispose() => _file?.Dispose();
}
