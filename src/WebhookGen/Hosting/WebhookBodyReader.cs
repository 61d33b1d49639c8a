using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace WebhookGen.Hosting;

/// <summary>Reads a request's whole body into one pooled buffer, never more than a byte past the receiver's limit.</summary>
internal static class WebhookBodyReader
{
    public readonly record struct PooledBody(byte[]? Buffer, int Length);

    /// <summary>Reads the whole body into a pooled buffer; <see cref="PooledBody.Buffer"/> is null when it exceeds the limit.</summary>
    public static async ValueTask<PooledBody> ReadAsync(HttpContext httpContext, long limit, CancellationToken cancellationToken)
    {
        // The body is buffered in one array, so no limit goes beyond what an array holds; clamping also keeps
        // limit + 1 below from overflowing (a limit of long.MaxValue, "unbounded", read every body as empty).
        limit = Math.Min(limit, Array.MaxLength - 1);

        var request = httpContext.Request;
        if (request.ContentLength > limit)
        {
            return default;
        }

        // The server's own limit must not cut a body that ours allows.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature && sizeFeature.MaxRequestBodySize < limit)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, request.ContentLength is { } length ? length + 1 : 4096));
        var count = 0;
        try
        {
            while (true)
            {
                if (count > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return default;
                }

                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                // Never read more than one byte past the limit, however large the rented buffer is.
                var room = (int)Math.Min(buffer.Length - count, limit + 1 - count);
                var read = await request.Body.ReadAsync(buffer.AsMemory(count, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                count += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, count);
    }
}
