using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace WebhookGen.IntegrationTests.Infrastructure;

/// <summary>One log line, with its exception written out in full (message and stack).</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}{(Exception is null ? string.Empty : Environment.NewLine + Exception)}";
}

/// <summary>Records every log line of a host at every level, so tests can assert what was, and was not, logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Everything logged, as one text: messages, formatted arguments, exceptions with their stacks.</summary>
    public string AllText => string.Join(Environment.NewLine, Entries.Select(entry => entry.ToString()));

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);

            // The structured values too: a secret passed as an argument but left out of the template would still leak.
            var message = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                message += " {" + string.Join(", ", values.Select(pair => pair.Key + "=" + pair.Value)) + "}";
            }

            entries.Enqueue(new LogEntry(category, logLevel, eventId, message, exception?.ToString()));
        }
    }
}
