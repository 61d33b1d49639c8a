using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.Tokens;

namespace WebhookGen.Jwt;

/// <summary>
/// The sender's JSON Web Key Set, fetched on first use and kept: fetched again once <c>refreshInterval</c> has passed, or
/// when a token names a key the set does not have, but never twice within <c>minimumRefreshInterval</c>. A failed fetch
/// keeps the keys already held. One fetch at a time; time is the app's <see cref="TimeProvider"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore never allocates a wait handle (only WaitAsync is used), so there is nothing to dispose.")]
internal sealed class JwksCache(
    Uri uri,
    Func<HttpClient> httpClient,
    TimeProvider timeProvider,
    TimeSpan refreshInterval,
    TimeSpan minimumRefreshInterval)
{
    /// <summary>The largest key set read: a key set is a few kilobytes.</summary>
    internal const int MaxResponseBytes = 256 * 1024;

    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Snapshot? _current;
    private DateTimeOffset? _lastAttempt;

    public Uri Uri { get; } = uri;

    public TimeSpan RefreshInterval => refreshInterval;

    public TimeSpan MinimumRefreshInterval => minimumRefreshInterval;

    /// <summary>How many times the set was fetched (or tried), for tests and diagnostics.</summary>
    public int FetchCount { get; private set; }

    /// <summary>The keys, fetched when none are held or they are older than the refresh interval; empty when none could be fetched.</summary>
    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && timeProvider.GetUtcNow() - current.FetchedAt < refreshInterval)
        {
            return current.Keys;
        }

        return await FetchAsync(force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys after fetching the set again because a token named a key it lacks, unless it was fetched too recently.</summary>
    public ValueTask<IReadOnlyList<SecurityKey>> RefreshAsync(CancellationToken cancellationToken) => FetchAsync(force: true, cancellationToken);

    private async ValueTask<IReadOnlyList<SecurityKey>> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            var current = _current;

            // Another request fetched while this one waited, or the last attempt (failed ones too) is too recent to try
            // again: forged tokens must not turn into a stream of requests to the key server.
            var fresh = current is not null && now - current.FetchedAt < refreshInterval;
            var tooSoon = _lastAttempt is { } last && now - last < minimumRefreshInterval;
            if ((fresh && !force) || tooSoon)
            {
                return current?.Keys ?? [];
            }

            _lastAttempt = now;
            FetchCount++;
            var keys = await DownloadAsync().ConfigureAwait(false);
            if (keys is not null)
            {
                _current = new Snapshot(keys, now);
                return keys;
            }

            return current?.Keys ?? [];
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>The set's signing keys, or null when it cannot be fetched or read. Not cancelled by one request's abort: others wait on it.</summary>
    private async Task<IReadOnlyList<SecurityKey>?> DownloadAsync()
    {
        using var timeout = new CancellationTokenSource(FetchTimeout);
        try
        {
            var client = httpClient();
            using var response = await client.GetAsync(Uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return null;
            }

            var json = await ReadBoundedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            if (json is null)
            {
                return null;
            }

            var set = new JsonWebKeySet(json) { SkipUnresolvedJsonWebKeys = true };
            var keys = set.GetSigningKeys();
            return keys.Count == 0 ? null : [.. keys];
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxResponseBytes + 1];
        var count = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false)) > 0)
        {
            count += read;
            if (count > MaxResponseBytes)
            {
                return null;
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, count);
    }

    private sealed record Snapshot(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);
}
