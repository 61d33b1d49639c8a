using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Shouldly;
using WebhookGen.Signatures;
using WebhookGen.Testing;
using WebhookGen.Tests.Signatures;
using Xunit;

namespace WebhookGen.Tests.Testing;

public sealed class WebhookTestClientTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"site.update"}""");

    private readonly RecordingHandler _handler = new();
    private readonly HttpClient _http;

    public WebhookTestClientTests() => _http = new HttpClient(_handler) { BaseAddress = new Uri("http://localhost/") };

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    private WebhookTestClient Client(WebhookSignatureScheme scheme, string secret) => new(_http, scheme, secret, new FakeTimeProvider(Now));

    /// <summary>The recorded request's headers as the receiver sees them.</summary>
    private HeaderDictionary ReceivedHeaders()
    {
        var headers = new HeaderDictionary();
        foreach (var (name, values) in _handler.Headers)
        {
            headers[name] = values.ToArray();
        }

        return headers;
    }

    private SignatureVerificationResult VerifyReceived(WebhookSignatureScheme scheme, string secret) =>
        new ConfigurableSignatureVerifier(scheme, new FakeTimeProvider(Now)).Verify(ReceivedHeaders(), _handler.Body, [secret]);

    [Fact]
    public async Task Posts_the_body_as_json_with_the_signature_headers()
    {
        var scheme = WebhookSignatureScheme.StandardWebhooks();

        using var response = await Client(scheme, SignerSchemes.WhsecSecret).SendAsync("/hooks/events", Body, id: "msg_1");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _handler.Method.ShouldBe(HttpMethod.Post);
        _handler.Uri.ShouldBe(new Uri("http://localhost/hooks/events"));
        _handler.Body.ShouldBe(Body);
        _handler.Headers["Content-Type"].ShouldBe(["application/json"]);
        _handler.Headers["webhook-id"].ShouldBe(["msg_1"]);
        _handler.Headers["webhook-timestamp"].ShouldBe(["1700000000"]);
        _handler.Headers["webhook-signature"].ShouldHaveSingleItem().ShouldStartWith("v1,");
        VerifyReceived(scheme, SignerSchemes.WhsecSecret).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public async Task Sends_with_the_method_it_is_given_signed_as_a_post_is()
    {
        var scheme = WebhookSignatureScheme.Hub("X-Hub-Signature-256", HmacAlgorithm.Sha256);

        using var response = await Client(scheme, "secret").SendAsync(HttpMethod.Put, "/hooks/items/a%20b", Body);

        _handler.Method.ShouldBe(HttpMethod.Put);
        _handler.Uri.ShouldBe(new Uri("http://localhost/hooks/items/a%20b"));
        _handler.Body.ShouldBe(Body);
        _handler.Headers["Content-Type"].ShouldBe(["application/json"]);
        VerifyReceived(scheme, "secret").ShouldBe(SignatureVerificationResult.Valid);
    }

    [Theory]
    [MemberData(nameof(SignerSchemes.Names), MemberType = typeof(SignerSchemes))]
    public async Task What_it_sends_is_accepted(string name)
    {
        var (scheme, secret, _) = SignerSchemes.Get(name);

        using var response = await Client(scheme, secret).SendAsync("/hooks", Body);

        VerifyReceived(scheme, secret).ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public async Task Extra_headers_are_sent_beside_the_signature()
    {
        var scheme = WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512);

        using var response = await Client(scheme, "s3cret").SendAsync("/hooks", Body, [new("X-Event-Type", "site.update"), new("X-Delivery", "dlv_1")]);

        _handler.Headers["X-Event-Type"].ShouldBe(["site.update"]);
        _handler.Headers["X-Delivery"].ShouldBe(["dlv_1"]);
        VerifyReceived(scheme, "s3cret").ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public async Task Extra_header_replaces_the_one_the_signer_writes()
    {
        var scheme = WebhookSignatureScheme.StandardWebhooks();

        using var response = await Client(scheme, SignerSchemes.WhsecSecret).SendAsync("/hooks", Body, [new("webhook-timestamp", "1700000001")]);

        _handler.Headers["webhook-timestamp"].ShouldBe(["1700000001"]);
        VerifyReceived(scheme, SignerSchemes.WhsecSecret).ShouldBe(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public async Task Extra_content_type_replaces_json()
    {
        using var response = await Client(WebhookSignatureScheme.Stripe(), "s").SendAsync("/hooks", Body, [new("Content-Type", "text/plain")]);

        _handler.Headers["Content-Type"].ShouldBe(["text/plain"]);
    }

    [Fact]
    public async Task Repeated_extra_header_sends_every_value()
    {
        var scheme = WebhookSignatureScheme.StandardWebhooks();

        using var response = await Client(scheme, SignerSchemes.WhsecSecret).SendAsync("/hooks", Body, [new("webhook-id", "msg_1"), new("webhook-id", "msg_2")]);

        _handler.Headers["webhook-id"].ShouldBe(["msg_1", "msg_2"]);
        VerifyReceived(scheme, SignerSchemes.WhsecSecret).ShouldBe(SignatureVerificationResult.Malformed);
    }

    [Fact]
    public async Task Header_that_cannot_be_sent_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => Client(WebhookSignatureScheme.Stripe(), "s").SendAsync("/hooks", Body, [new("Bad Name", "x")]));
    }

    [Fact]
    public async Task WithSecret_signs_with_another_secret()
    {
        var scheme = WebhookSignatureScheme.Stripe();
        var client = Client(scheme, "whsec_right");

        using var response = await client.WithSecret("whsec_wrong").SendAsync("/hooks", Body);

        VerifyReceived(scheme, "whsec_right").ShouldBe(SignatureVerificationResult.Mismatch);
        VerifyReceived(scheme, "whsec_wrong").ShouldBe(SignatureVerificationResult.Valid);
    }

    [Fact]
    public async Task Cancellation_reaches_the_handler()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Client(WebhookSignatureScheme.Stripe(), "s").SendAsync("/hooks", Body, cancellationToken: cancelled.Token));
    }

    /// <summary>Answers 204 and keeps what it was sent.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public Uri? Uri { get; private set; }

        public byte[] Body { get; private set; } = [];

        public Dictionary<string, List<string>> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Method = request.Method;
            Uri = request.RequestUri;
            Body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            foreach (var (name, values) in request.Headers.NonValidated)
            {
                Headers[name] = [.. values];
            }

            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                Headers[name] = [.. values];
            }

            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }
}
