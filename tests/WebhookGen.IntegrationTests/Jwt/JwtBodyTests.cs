using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Schemes;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Jwt;

/// <summary>
/// A receiver of signed-JWT bodies over real HTTP: the sender's JWK Set served by a second Kestrel app on 127.0.0.1, the
/// token verified before its claims reach the handler as the typed <see cref="EventNotification"/>; every bad token 401.
/// </summary>
public sealed class JwtBodyTests : IAsyncLifetime
{
    private const string Route = "/open-banking/event-notifications";

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly JwtSender _sender = new("sender-key-1");
    private readonly FakeClock _clock = new(Start);
    private readonly KeySet _keySet = new();
    private ReceiverHost _jwksHost = null!;
    private ReceiverHost _host = null!;

    public async Task InitializeAsync()
    {
        _keySet.Json = "{\"keys\":[" + _sender.Jwk() + "]}";
        _jwksHost = await ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            options.AddServices = _ => { };
            options.Map = app => app.MapGet("/jwks.json", (HttpContext http) => _keySet.Serve(http));
        });
        _host = await StartReceiverAsync(_ => { });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _jwksHost.DisposeAsync();
    }

    private Task<ReceiverHost> StartReceiverAsync(Action<Dictionary<string, string?>> configure) =>
        ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            var section = "Webhooks:" + nameof(EventNotificationReceiver) + ":Jwt:";
            options.Configuration[section + "JwksUri"] = new Uri(_jwksHost.BaseAddress, "/jwks.json").ToString();
            options.Configuration[section + "JwksRequireHttps"] = "false";
            options.Configuration[section + "ValidIssuers:0"] = JwtSender.Issuer;
            options.Configuration[section + "ValidAudiences:0"] = JwtSender.Audience;
            options.Configuration[section + "RequireExpirationTime"] = "false";
            options.Configuration[section + "MaxTokenAge"] = "00:10:00";
            options.Configuration[section + "ClockSkew"] = "00:01:00";
            configure(options.Configuration);
            options.AddServices = services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<SchemeRecorder>();
                services.AddEventNotificationReceiver();
            };
            options.Map = app => app.MapEventNotificationReceiver();
        });

    private async Task<HttpResponseMessage> PostAsync(string token, string contentType = "application/jwt")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(Encoding.ASCII.GetBytes(token)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("x-fapi-financial-id", "0015800001041RHAAY");
        return await _host.Client.SendAsync(request);
    }

    private Dictionary<string, object> Claims(string jti = "b460a07c-4962-43d1-85ee-9dc10fbb8f6c") => JwtSender.Claims(_clock.Now, jti);

    private SchemeRecorder Recorder => _host.Services.GetRequiredService<SchemeRecorder>();

    [Fact]
    public async Task A_good_token_reaches_the_handler_as_typed_claims()
    {
        using var response = await PostAsync(_sender.Sign(Claims()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var delivery = Recorder.Deliveries.ShouldHaveSingleItem();
        delivery.EventName.ShouldBe("eventNotification");
        delivery.EventId.ShouldBe("b460a07c-4962-43d1-85ee-9dc10fbb8f6c", "a token's jti is the event's id");
        var claims = delivery.Payload.ShouldBeOfType<EventNotification>();
        claims.Iss.ShouldBe(JwtSender.Issuer);
        claims.Aud.ShouldBe(JwtSender.Audience);
        claims.Iat.ShouldBe(Start.ToUnixTimeSeconds());
        var subject = claims.Events.UrnUkOrgOpenbankingEventsResourceUpdate.Subject;
        subject.HttpOpenbankingOrgUkRid.ShouldBe(JwtSender.ResourceId);
        subject.HttpOpenbankingOrgUkRlk.ShouldHaveSingleItem().Version.ShouldBe("v3.1");
        _keySet.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task The_generated_sender_posts_a_token_as_application_jwt()
    {
        // The spec declares no HTTP signature; the sender signs by any scheme it is given, which the receiver does not check.
        var sender = new EventNotificationReceiverSender(_host.Client, "unused", signatureScheme: WebhookSignatureScheme.Hub("X-Unused", HmacAlgorithm.Sha256));

        using var response = await sender.SendEventNotificationAsync(_sender.Sign(Claims()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Recorder.Deliveries.ShouldHaveSingleItem();
    }

    public static TheoryData<string> BadTokens() => new()
    {
        "alg none",
        "another key",
        "claims changed",
        "hmac with the public key",
        "too old",
        "issued in the future",
        "another audience",
        "another issuer",
        "no iat",
        "not a token",
        "empty",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_answered_401_the_handler_is_not_called_and_nothing_of_it_is_logged(string bad)
    {
        var token = BadToken(bad);

        using var response = await PostAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, bad);
        Recorder.Deliveries.ShouldBeEmpty();
        var logs = _host.Logs.AllText;
        logs.ShouldContain("rejected a delivery of eventNotification: token");
        if (token.Length > 0)
        {
            foreach (var part in token.Split('.').Where(p => p.Length >= 8))
            {
                logs.ShouldNotContain(part[..8], Case.Sensitive, "no part of the token is logged");
            }
        }

        logs.ShouldNotContain(JwtSender.ResourceId);
    }

    private string BadToken(string bad) => bad switch
    {
        "alg none" => JwtSender.WithAlgNone(Claims()),
        "another key" => new JwtSender(_sender.Kid).Sign(Claims()),
        "claims changed" => Tamper(_sender.Sign(Claims())),
        "hmac with the public key" => _sender.HmacWithPublicKey(Claims()),
        "too old" => _sender.Sign(JwtSender.Claims(Start.AddMinutes(-12), "old")),
        "issued in the future" => _sender.Sign(JwtSender.Claims(Start.AddMinutes(5), "future")),
        "another audience" => _sender.Sign(With(Claims(), "aud", "another-client")),
        "another issuer" => _sender.Sign(With(Claims(), "iss", "https://attacker.example")),
        "no iat" => _sender.Sign(Without(Claims(), "iat")),
        "not a token" => "{\"iss\":\"https://aspsp.example.com\"}",
        "empty" => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(bad), bad, null),
    };

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value)
    {
        claims[name] = value;
        return claims;
    }

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string name)
    {
        claims.Remove(name);
        return claims;
    }

    /// <summary>The token with one character of its payload changed: the signature no longer matches.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new string(payload) + "." + parts[2];
    }

    [Fact]
    public async Task A_token_within_the_clock_skew_is_accepted()
    {
        using var response = await PostAsync(_sender.Sign(JwtSender.Claims(Start.AddSeconds(50), "skewed")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_json_content_type_is_answered_415_before_the_token_is_read()
    {
        using var response = await PostAsync(_sender.Sign(Claims()), "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        Recorder.Deliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_when_a_token_names_it()
    {
        (await PostAsync(_sender.Sign(Claims("first")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rotated = new JwtSender("sender-key-2");
        _keySet.Json = "{\"keys\":[" + _sender.Jwk() + "," + rotated.Jwk() + "]}";
        _clock.Now = Start.AddMinutes(6);
        using var response = await PostAsync(rotated.Sign(Claims("second")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _keySet.Requests.ShouldBe(2);
        Recorder.Deliveries.Select(d => d.EventId).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Without_a_key_the_app_does_not_start()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => StartReceiverAsync(configuration =>
            configuration.Remove("Webhooks:" + nameof(EventNotificationReceiver) + ":Jwt:JwksUri")));

        exception.Message.ShouldContain("receives signed JWT bodies but no key is configured");
    }

    [Fact]
    public async Task When_the_key_set_cannot_be_fetched_the_answer_is_503_so_the_sender_retries()
    {
        _keySet.Status = StatusCodes.Status500InternalServerError;
        await using var host = await StartReceiverAsync(_ => { });
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new StringContent(_sender.Sign(Claims()), Encoding.ASCII, "application/jwt") };

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
    }

    /// <summary>The sender's JWK Set as served, counting the requests for it.</summary>
    private sealed class KeySet
    {
        private int _requests;

        public string Json { get; set; } = "{\"keys\":[]}";

        public int Status { get; set; } = StatusCodes.Status200OK;

        public int Requests => _requests;

        public IResult Serve(HttpContext http)
        {
            Interlocked.Increment(ref _requests);
            return Status == StatusCodes.Status200OK ? Results.Text(Json, "application/json") : Results.StatusCode(Status);
        }
    }
}
