using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.Jwt;
using WebhookGen.Tests.Signatures;
using Xunit;
using static WebhookGen.Tests.Jwt.JwtFixtures;

namespace WebhookGen.Tests.Jwt;

/// <summary>
/// The sender's JWK Set: fetched once and kept, fetched again after the refresh interval or for a key it lacks (at most
/// once per minimum interval), kept when a fetch fails, and never read beyond its size limit.
/// </summary>
public sealed class JwksCacheTests : IDisposable
{
    private static readonly Uri JwksUri = new("https://aspsp.example.com/jwks.json");

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly KeySetServer _server = new();

    private WebhookJwtVerifier Verifier()
    {
        var options = Options(o => o.JwksUri = JwksUri.ToString());
        var cache = new JwksCache(JwksUri, () => new HttpClient(_server), _clock, TimeSpan.FromHours(12), TimeSpan.FromMinutes(5));
        return new WebhookJwtVerifier(options, cache, _clock);
    }

    private static async Task<JwtVerificationResult> Outcome(WebhookJwtVerifier verifier, string token) =>
        (await verifier.VerifyAsync(Body(token), default)).Result;

    [Fact]
    public async Task The_key_set_is_fetched_once_and_kept()
    {
        _server.Json = Jwks(RsaJwk(Rsa, "k1"));
        var verifier = Verifier();

        for (var i = 0; i < 3; i++)
        {
            (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.Valid);
        }

        _server.Requests.ShouldBe(1);
        _server.LastUri.ShouldBe(JwksUri);
    }

    [Fact]
    public async Task The_key_set_is_fetched_again_after_the_refresh_interval()
    {
        _server.Json = Jwks(RsaJwk(Rsa, "k1"));
        var verifier = Verifier();
        (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.Valid);

        _clock.Advance(TimeSpan.FromHours(12));
        (await Outcome(verifier, SignRs256(kid: "k1", claims: Claims(c => c["exp"] = _clock.Now.AddMinutes(5).ToUnixTimeSeconds())))).ShouldBe(JwtVerificationResult.Valid);

        _server.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task A_token_naming_a_key_the_set_lacks_fetches_it_again_and_verifies_with_the_rotated_key()
    {
        _server.Json = Jwks(RsaJwk(Rsa, "k1"));
        var verifier = Verifier();
        (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.Valid);

        _clock.Advance(TimeSpan.FromMinutes(6));
        _server.Json = Jwks(RsaJwk(Rsa, "k1"), RsaJwk(OtherRsa, "k2"));
        (await Outcome(verifier, SignRs256(kid: "k2", rsa: OtherRsa))).ShouldBe(JwtVerificationResult.Valid);

        _server.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task Unknown_keys_do_not_fetch_more_than_once_per_minimum_interval()
    {
        _server.Json = Jwks(RsaJwk(Rsa, "k1"));
        var verifier = Verifier();
        (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.Valid);

        // A stream of forged tokens naming made-up keys: within five minutes of the last fetch, no new fetch.
        for (var i = 0; i < 5; i++)
        {
            (await Outcome(verifier, SignRs256(kid: "forged-" + i, rsa: OtherRsa))).ShouldBe(JwtVerificationResult.SignatureInvalid);
        }

        _server.Requests.ShouldBe(1);
        _clock.Advance(TimeSpan.FromMinutes(5));
        (await Outcome(verifier, SignRs256(kid: "forged-again", rsa: OtherRsa))).ShouldBe(JwtVerificationResult.SignatureInvalid);
        _server.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_fetch_keeps_the_keys_already_held()
    {
        _server.Json = Jwks(RsaJwk(Rsa, "k1"));
        var verifier = Verifier();
        (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.Valid);

        _server.Status = HttpStatusCode.InternalServerError;
        _clock.Advance(TimeSpan.FromHours(13));
        (await Outcome(verifier, SignRs256(kid: "k1", claims: Claims(c => c["exp"] = _clock.Now.AddMinutes(5).ToUnixTimeSeconds())))).ShouldBe(JwtVerificationResult.Valid);
        _server.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task Without_any_key_the_outcome_is_keys_unavailable_and_retries_wait_for_the_minimum_interval()
    {
        _server.Status = HttpStatusCode.ServiceUnavailable;
        var verifier = Verifier();

        (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.KeysUnavailable);
        (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.KeysUnavailable);
        _server.Requests.ShouldBe(1);

        _server.Status = HttpStatusCode.OK;
        _server.Json = Jwks(RsaJwk(Rsa, "k1"));
        _clock.Advance(TimeSpan.FromMinutes(5));
        (await Outcome(verifier, SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.Valid);
    }

    [Fact]
    public async Task A_key_set_larger_than_the_limit_is_not_read()
    {
        _server.Json = Jwks(RsaJwk(Rsa, "k1"), "{\"kty\":\"oct\",\"k\":\"" + new string('A', JwksCache.MaxResponseBytes) + "\"}");
        _server.OmitContentLength = true;

        (await Outcome(Verifier(), SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.KeysUnavailable);
    }

    [Fact]
    public async Task A_key_set_that_is_not_json_gives_no_keys()
    {
        _server.Json = "<html>not a key set</html>";

        (await Outcome(Verifier(), SignRs256(kid: "k1"))).ShouldBe(JwtVerificationResult.KeysUnavailable);
    }

    public void Dispose() => _server.Dispose();

    /// <summary>Answers every request with <see cref="Json"/> (or <see cref="Status"/>), counting them.</summary>
    private sealed class KeySetServer : HttpMessageHandler
    {
        private int _requests;

        public string Json { get; set; } = "{\"keys\":[]}";

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public bool OmitContentLength { get; set; }

        public int Requests => _requests;

        public Uri? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            LastUri = request.RequestUri;
            HttpContent content = OmitContentLength
                ? new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(Json)))
                : new StringContent(Json, Encoding.UTF8, "application/json");
            if (OmitContentLength)
            {
                content.Headers.ContentLength = null;
            }

            return Task.FromResult(new HttpResponseMessage(Status) { Content = content, RequestMessage = request });
        }
    }
}
