using Microsoft.AspNetCore.Http;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>One signed request: its raw body and headers, replayable into an <see cref="HttpContext"/> without allocating.</summary>
#pragma warning disable CA1001 // The stream is a MemoryStream over Body that never closes: it holds nothing to dispose.
internal sealed class Delivery(byte[] body, KeyValuePair<string, string>[] headers)
{
    private readonly ReplayableStream _stream = new(body);
#pragma warning restore CA1001

    public byte[] Body { get; } = body;

    public KeyValuePair<string, string>[] Headers { get; } = headers;

    /// <summary>Puts this delivery into <paramref name="context"/>'s request, body rewound.</summary>
    public void WriteTo(HttpContext context)
    {
        var request = context.Request;
        request.Method = HttpMethods.Post;
        foreach (var (name, value) in Headers)
        {
            request.Headers[name] = value;
        }

        request.ContentLength = Body.Length;
        _stream.Position = 0;
        request.Body = _stream;
    }

    /// <summary>A body stream that survives being disposed (Octokit disposes the request body), so it can be replayed.</summary>
    private sealed class ReplayableStream(byte[] buffer) : MemoryStream(buffer, writable: false)
    {
#pragma warning disable CA2215 // Deliberately stays open: the same body is read again on the next invocation.
        protected override void Dispose(bool disposing)
        {
        }
#pragma warning restore CA2215
    }
}
