using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookGen.Benchmarks.Baseline;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// The least a correct gridX endpoint does, as an endpoint in the same harness as the receivers: read the body into a
/// pooled buffer, check its <c>X-Signature</c> with a kept HMAC-SHA512 key (hex decode, constant-time compare), parse it
/// with the hand-written System.Text.Json context, call the app's handler (scoped, from the request's services, as the
/// hand-written and generated receivers do), answer 200 (403 on a bad signature). No size limit, no content type, no
/// error handling, no logging or telemetry: what the generated receiver does beyond this is its pipeline's own cost.
/// </summary>
internal static class FloorEndpoint
{
    [ThreadStatic]
    private static IncrementalHash? t_keptKey;

    public static async Task HandleAsync(HttpContext context)
    {
        var length = (int)context.Request.ContentLength!.Value;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await context.Request.Body.ReadExactlyAsync(buffer.AsMemory(0, length), context.RequestAborted);
            if (!IsSigned(context.Request.Headers[GridXSignature.HeaderName].ToString(), buffer.AsSpan(0, length)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            var payload = JsonSerializer.Deserialize(buffer.AsSpan(0, length), GridXJsonContext.Default.ApplianceCreateEvent)!;
            await context.RequestServices.GetRequiredService<IApplianceCreateHandler>().HandleAsync(payload, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsSigned(string header, ReadOnlySpan<byte> body)
    {
        Span<byte> sent = stackalloc byte[HMACSHA512.HashSizeInBytes];
        if (!GridXSignature.TryReadSent(header, sent))
        {
            return false;
        }

        t_keptKey ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA512, Encoding.UTF8.GetBytes(Payloads.Secret));
        Span<byte> expected = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Floors.KeptKeyMac(t_keptKey, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, sent);
    }
}
