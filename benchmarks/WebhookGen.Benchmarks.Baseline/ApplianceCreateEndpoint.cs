using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookGen.Benchmarks.Baseline;

/// <summary>
/// The hand-written receiver of gridX's <c>appliance/create</c>: read the body (at most 1 MiB, into a pooled buffer),
/// verify its signature, parse it, call the handler. 413 too large, 403 bad signature (the spec's status), 415 not JSON,
/// 400 invalid payload, 200 handled; a handler that throws becomes ASP.NET Core's 500.
/// </summary>
internal sealed class ApplianceCreateEndpoint(byte[] key)
{
    private const int MaxBodySize = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.ContentLength > MaxBodySize)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // One byte more than the announced length, so the read that finds the end needs no larger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 4095) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
            {
                length += read;
                if (length > MaxBodySize)
                {
                    response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var body = buffer.AsSpan(0, length);
            if (!GridXSignature.IsValid(request.Headers[GridXSignature.HeaderName], body, key))
            {
                response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            if (request.ContentType is not null && !request.HasJsonContentType())
            {
                response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            ApplianceCreateEvent? payload;
            try
            {
                payload = JsonSerializer.Deserialize(body, GridXJsonContext.Default.ApplianceCreateEvent);
            }
            catch (JsonException)
            {
                payload = null;
            }

            if (payload is null)
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var handler = context.RequestServices.GetRequiredService<IApplianceCreateHandler>();
            await handler.HandleAsync(payload, context.RequestAborted);
            response.StatusCode = StatusCodes.Status200OK;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
