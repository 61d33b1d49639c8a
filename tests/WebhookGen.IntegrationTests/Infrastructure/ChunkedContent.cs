using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Infrastructure;

/// <summary>A JSON body of unknown length: sent with <c>Transfer-Encoding: chunked</c> and no <c>Content-Length</c>.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _chunkSize;

    public ChunkedContent(byte[] body, int chunkSize = 256)
    {
        _body = body ?? throw new ArgumentNullException(nameof(body));
        _chunkSize = chunkSize;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _body.Length; offset += _chunkSize)
        {
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(_chunkSize, _body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
