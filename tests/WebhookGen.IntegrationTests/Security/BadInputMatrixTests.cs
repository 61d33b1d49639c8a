using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles.Svix;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Security;

/// <summary>The receivers the matrix runs against, each on its own real Kestrel host.</summary>
public enum MatrixReceiver
{
    /// <summary>gridX, <c>X-Signature: sha512=&lt;hex&gt;</c>; the spec declares <c>403</c> for a bad signature.</summary>
    GridX,

    /// <summary>Svix's events on <c>/webhooks/</c>, verified as Standard Webhooks with the <c>svix-*</c> headers; <c>401</c>.</summary>
    SvixStandardWebhooks,

    /// <summary>The same receiver verified by Stripe's scheme (<c>Stripe-Signature: t=..,v1=..</c>); <c>401</c>.</summary>
    SvixStripe,
}

/// <summary>What a case builds its request from: the host's secret, a marker to find in logs, the host's clock.</summary>
public sealed record MatrixSender(string Secret, string Marker, FixedClock Clock)
{
    public long Now => Clock.UnixSeconds;
}

/// <summary>One row of the matrix: the request, and the status and handler call it must get.</summary>
public sealed record BadInputCase(string Name, MatrixReceiver Receiver, int Status, bool HandlerCalled, Func<MatrixSender, HttpRequestMessage> Build)
{
    public override string ToString() => Name;
}

/// <summary>
/// Bad input over real HTTP: every row gets its documented status (docs/security.md, "Status codes"), never a 5xx; the handler is
/// called only for the rows that are valid deliveries; the log carries neither the secret, the signature, nor the body.
/// </summary>
public sealed class BadInputMatrixTests
{
    private const string Json = "application/json";
    private const string SvixPath = "/webhooks/";
    private const string SvixId = "msg_2f9ZkqYxQZ8w3eX4";
    private const int Nesting = 10_000;
    private const int ToleranceSeconds = 300;

    private static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);
    private static readonly string GridXPath = Payloads.ApplianceCreate.Path;

    public static IReadOnlyList<BadInputCase> Cases { get; } = BuildCases();

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Fact]
    public void Case_names_are_unique()
    {
        Cases.Select(c => c.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Each_input_gets_its_documented_status_and_leaks_nothing(string name) => RunAsync(name, accept: null);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Each_input_gets_the_same_status_when_the_sender_does_not_accept_json(string name) => RunAsync(name, accept: "text/plain");

    [Fact]
    public async Task An_unsupported_content_type_is_logged_as_a_warning_naming_it()
    {
        await using var host = await ReceiverHost.StartAsync();
        var sender = new MatrixSender(host.Secret!, "MARKER-" + Guid.NewGuid().ToString("N"), new FixedClock(Now));
        using var request = SignedGridX(sender, GridXBody(sender), "text/plain; charset=utf-8");

        using var response = await host.Client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("title").GetString().ShouldBe("Unsupported media type");
        host.Recorder.ShouldHaveNoDelivery();
        var warning = host.Logs.Entries.Where(e => e.EventId.Id == 8 && e.Category == "WebhookGen.GridXReceiver").ShouldHaveSingleItem();
        warning.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
        warning.Message.ShouldContain("'text/plain; charset=utf-8'");
        warning.Message.ShouldContain("415");
    }

    private static async Task RunAsync(string name, string? accept)
    {
        var row = Cases.Single(c => c.Name == name);
        var clock = new FixedClock(Now);
        var secret = row.Receiver switch
        {
            MatrixReceiver.GridX => "matrix-secret-" + Guid.NewGuid().ToString("N"),
            MatrixReceiver.SvixStandardWebhooks => MatrixSigning.NewWhsecSecret(),
            _ => MatrixSigning.NewStripeSecret(),
        };
        var marker = "MARKER-" + Guid.NewGuid().ToString("N");
        await using var host = await StartAsync(row.Receiver, secret, clock);

        using var request = row.Build(new MatrixSender(secret, marker, clock));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept).ShouldBeTrue();
        }

        var signatures = SignatureValues(request);
        using var response = await host.Client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();

        var status = (int)response.StatusCode;
        status.ShouldBeLessThan(500, $"{name}: a client error is never a 5xx; response: {answer}{Environment.NewLine}{host.Logs.AllText}");
        status.ShouldBe(row.Status, $"{name}: response: {answer}{Environment.NewLine}{host.Logs.AllText}");
        host.Recorder.Deliveries.Count.ShouldBe(row.HandlerCalled ? 1 : 0, row.HandlerCalled ? "the handler should have been called once" : "the handler must not be called");
        if (accept is null && status is 400 or 413 or 415)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", answer);
        }

        var log = host.Logs.AllText;
        log.ShouldNotContain(secret, Case.Sensitive);
        if (secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            log.ShouldNotContain(secret["whsec_".Length..], Case.Sensitive, "the log must not carry the key either");
        }

        log.ShouldNotContain(marker, Case.Insensitive, "the log must not carry the body");
        foreach (var signature in signatures)
        {
            log.ShouldNotContain(signature, Case.Insensitive, "the log must not carry the signature");
        }

        answer.ShouldNotContain(secret, Case.Sensitive);
        answer.ShouldNotContain(marker, Case.Insensitive, "the answer must not echo the body");
    }

    private static Task<ReceiverHost> StartAsync(MatrixReceiver receiver, string secret, FixedClock clock) =>
        ReceiverHost.StartAsync(options =>
        {
            options.Secret = secret;

            // The matrix documents what the spec enforces: strict reading (docs/drift.md has the tolerant default's answers).
            options.Configuration["Webhooks:GridXReceiver:PayloadReading"] = "Strict";
            options.Configuration["Webhooks:" + nameof(SvixReceiver) + ":PayloadReading"] = "Strict";
            if (receiver == MatrixReceiver.GridX)
            {
                return;
            }

            var scheme = receiver == MatrixReceiver.SvixStandardWebhooks
                ? WebhookSignatureScheme.StandardWebhooks("svix-signature", "svix-id", "svix-timestamp")
                : WebhookSignatureScheme.Stripe();
            options.Configuration["Webhooks:" + nameof(SvixReceiver) + ":Secret"] = secret;
            options.AddServices = services => services.AddSvixReceiver(o => o.UseSignatureVerifier(new ConfigurableSignatureVerifier(scheme, clock)));
            options.Map = app => app.MapSvixReceiver();
        });

    /// <summary>The MACs the request carries, each of which must stay out of the log.</summary>
    private static List<string> SignatureValues(HttpRequestMessage request)
    {
        var values = new List<string>();
        foreach (var header in new[] { "X-Signature", "svix-signature", "Stripe-Signature" })
        {
            if (request.Headers.TryGetValues(header, out var sent))
            {
                values.AddRange(sent
                    .SelectMany(v => v.Split([',', ' ', '='], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Where(part => part.Length >= 16));
            }
        }

        return values;
    }

    private static List<BadInputCase> BuildCases()
    {
        var cases = new List<BadInputCase>();

        void GridX(string name, int status, Func<MatrixSender, HttpRequestMessage> build, bool handlerCalled = false) =>
            cases.Add(new BadInputCase("gridX: " + name, MatrixReceiver.GridX, status, handlerCalled, build));

        void Svix(string name, int status, Func<MatrixSender, HttpRequestMessage> build, bool handlerCalled = false) =>
            cases.Add(new BadInputCase("svix: " + name, MatrixReceiver.SvixStandardWebhooks, status, handlerCalled, build));

        void Stripe(string name, int status, Func<MatrixSender, HttpRequestMessage> build, bool handlerCalled = false) =>
            cases.Add(new BadInputCase("stripe: " + name, MatrixReceiver.SvixStripe, status, handlerCalled, build));

        // ---- Signature, gridX (Hub, HMAC-SHA512 hex): the spec declares 403 ----
        GridX("valid delivery (control)", 200, s => SignedGridX(s, GridXBody(s)), handlerCalled: true);
        GridX("signature missing", 403, s => GridXWith(GridXBody(s), signature: null));
        GridX("signature empty", 403, s => GridXWith(GridXBody(s), signature: string.Empty));
        GridX("signature blank", 403, s => GridXWith(GridXBody(s), signature: "   "));
        GridX("signature malformed (garbage)", 403, s => GridXWith(GridXBody(s), signature: "not a signature at all"));
        GridX("signature malformed (no method)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => MatrixSigning.GridXHex(body, secret)));
        GridX("signature malformed (method only)", 403, s => GridXWith(GridXBody(s), signature: "sha512="));
        GridX("signature wrong algorithm (sha256= with HMAC-SHA256)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))));
#pragma warning disable CA5350 // The point is a sender using the wrong (weaker) algorithm.
        GridX("signature wrong algorithm (sha1= with HMAC-SHA1)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body))));
#pragma warning restore CA5350
        GridX("signature wrong algorithm (sha512= with HMAC-SHA256)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))));
        GridX("signature wrong secret", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex(body, secret + "x")));
        GridX("signature of another body", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex([.. body, (byte)' '], secret)));
        GridX("signature truncated (one hex digit short)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex(body, secret)[..^1]));
        GridX("signature truncated (half)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex(body, secret)[..64]));
        GridX("signature too long (a byte more)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex(body, secret) + "00"));
        GridX("signature not hex (right length)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex(body, secret)[..^2] + "zz"));
        GridX("signature not hex (base64 of the right MAC)", 403, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + Convert.ToBase64String(Convert.FromHexString(MatrixSigning.GridXHex(body, secret)))));
        GridX("signature upper-case hex (accepted)", 200, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex(body, secret).ToUpperInvariant()), handlerCalled: true);
        GridX("signature upper-case method (accepted)", 200, s => GridXSigned(s, GridXBody(s), (body, secret) => "SHA512=" + MatrixSigning.GridXHex(body, secret)), handlerCalled: true);
        GridX("several signatures, only the last valid (accepted)", 200, s => GridXSigned(s, GridXBody(s), (body, secret) => "sha512=" + MatrixSigning.GridXHex(body, "old-secret") + ", sha512=zz, sha256=00, sha512=" + MatrixSigning.GridXHex(body, secret)), handlerCalled: true);
        GridX("several signatures in two headers, only one valid (accepted)", 200, s =>
        {
            var body = GridXBody(s);
            var request = GridXWith(body, signature: "sha512=" + MatrixSigning.GridXHex(body, "old-secret"));
            request.Headers.TryAddWithoutValidation("X-Signature", "sha512=" + MatrixSigning.GridXHex(body, s.Secret));
            return request;
        }, handlerCalled: true);
        GridX("several signatures, none valid", 403, s => GridXSigned(s, GridXBody(s), (body, _) => "sha512=" + MatrixSigning.GridXHex(body, "old-secret") + ", sha512=" + MatrixSigning.GridXHex(body, "other-secret")));
        GridX("200 signatures, none valid", 403, s => GridXSigned(s, GridXBody(s), (body, _) => string.Join(", ", Enumerable.Repeat("sha512=" + MatrixSigning.GridXHex(body, "old-secret"), 200))));

        // ---- Signature, Standard Webhooks (svix-* headers, base64, signed timestamp): 401 ----
        Svix("valid delivery (control)", 200, s => SvixSigned(s, SvixBody(s)), handlerCalled: true);
        Svix("signature missing", 401, s => SvixWith(SvixBody(s), SvixId, Seconds(s.Now), signature: null));
        Svix("signature empty", 401, s => SvixWith(SvixBody(s), SvixId, Seconds(s.Now), signature: string.Empty));
        Svix("signature malformed (no version)", 401, s => SvixSigned(s, SvixBody(s), sign: (body, ts) => Convert.ToBase64String(MatrixSigning.StandardWebhooksMac(s.Secret, SvixId, ts, body))));
        Svix("signature wrong version (v2,)", 401, s => SvixSigned(s, SvixBody(s), sign: (body, ts) => "v2," + Convert.ToBase64String(MatrixSigning.StandardWebhooksMac(s.Secret, SvixId, ts, body))));
        Svix("signature wrong secret", 401, s => SvixSigned(s, SvixBody(s), sign: (body, ts) => MatrixSigning.StandardWebhooksSignature(MatrixSigning.NewWhsecSecret(), SvixId, ts, body)));
        Svix("signature not base64", 401, s => SvixSigned(s, SvixBody(s), sign: (_, _) => "v1,!!!!not*base64!!!!not*base64!!!!not*base64!!!"));
        Svix("signature truncated base64", 401, s => SvixSigned(s, SvixBody(s), sign: (body, ts) => MatrixSigning.StandardWebhooksSignature(s.Secret, SvixId, ts, body)[..^4]));
        Svix("signature hex instead of base64", 401, s => SvixSigned(s, SvixBody(s), sign: (body, ts) => "v1," + Convert.ToHexStringLower(MatrixSigning.StandardWebhooksMac(s.Secret, SvixId, ts, body))));
        Svix("signature over another id", 401, s => SvixSigned(s, SvixBody(s), sign: (body, ts) => MatrixSigning.StandardWebhooksSignature(s.Secret, "msg_other", ts, body)));
        Svix("several signatures, only one valid (accepted)", 200, s => SvixSigned(s, SvixBody(s), sign: (body, ts) =>
            MatrixSigning.StandardWebhooksSignature(MatrixSigning.NewWhsecSecret(), SvixId, ts, body) + " v1,%%% " + MatrixSigning.StandardWebhooksSignature(s.Secret, SvixId, ts, body)), handlerCalled: true);
        Svix("timestamp too old (tolerance + 1 s)", 401, s => SvixSigned(s, SvixBody(s), timestamp: s.Now - ToleranceSeconds - 1));
        Svix("timestamp too old (a day)", 401, s => SvixSigned(s, SvixBody(s), timestamp: s.Now - 86_400));
        Svix("timestamp too new (tolerance + 1 s)", 401, s => SvixSigned(s, SvixBody(s), timestamp: s.Now + ToleranceSeconds + 1));
        Svix("timestamp too new (a day)", 401, s => SvixSigned(s, SvixBody(s), timestamp: s.Now + 86_400));
        Svix("timestamp at the tolerance (accepted)", 200, s => SvixSigned(s, SvixBody(s), timestamp: s.Now - ToleranceSeconds), handlerCalled: true);
        Svix("timestamp missing", 401, s =>
        {
            var body = SvixBody(s);
            return SvixWith(body, SvixId, timestamp: null, MatrixSigning.StandardWebhooksSignature(s.Secret, SvixId, s.Now, body));
        });
        Svix("timestamp not a number", 401, s =>
        {
            var body = SvixBody(s);
            return SvixWith(body, SvixId, "yesterday", MatrixSigning.StandardWebhooksSignature(s.Secret, SvixId, s.Now, body));
        });
        Svix("id missing", 401, s =>
        {
            var body = SvixBody(s);
            return SvixWith(body, id: null, Seconds(s.Now), MatrixSigning.StandardWebhooksSignature(s.Secret, SvixId, s.Now, body));
        });

        // ---- Signature, Stripe (t=..,v1=<hex>): 401 ----
        Stripe("valid delivery (control)", 200, s => StripeSigned(s, SvixBody(s), s.Now), handlerCalled: true);
        Stripe("signature wrong secret", 401, s => StripeSigned(s, SvixBody(s), s.Now, secret: MatrixSigning.NewStripeSecret()));
        Stripe("timestamp too old", 401, s => StripeSigned(s, SvixBody(s), s.Now - ToleranceSeconds - 1));
        Stripe("timestamp too new", 401, s => StripeSigned(s, SvixBody(s), s.Now + ToleranceSeconds + 1));
        Stripe("timestamp missing (no t=)", 401, s =>
        {
            var body = SvixBody(s);
            return Post(SvixPath, body, Json, ("Stripe-Signature", "v1=" + MatrixSigning.StripeMac(s.Secret, s.Now, body)));
        });

        // ---- Body, gridX (signed correctly, unless the row says otherwise) ----
        GridX("body empty", 400, s => SignedGridX(s, []));
        GridX("body only white space", 400, s => SignedGridX(s, Bytes(" \r\n\t ")));
        GridX("body not JSON", 400, s => SignedGridX(s, Bytes("not json " + s.Marker)));
        GridX("body truncated JSON", 400, s => SignedGridX(s, Truncated(GridXBody(s))));
        GridX("body with content after the JSON", 400, s => SignedGridX(s, [.. GridXBody(s), .. Bytes(" {}")]));
        GridX("body a JSON array", 400, s => SignedGridX(s, Bytes("[\"" + s.Marker + "\"]")));
        GridX("body a JSON string", 400, s => SignedGridX(s, Bytes("\"" + s.Marker + "\"")));
        GridX("body over the size limit (signed)", 413, s => SignedGridX(s, OverLimit(GridXBody(s))));
        GridX("body over the size limit (unsigned)", 413, s => GridXWith(OverLimit(GridXBody(s)), signature: null));
        GridX("body over the size limit (chunked, no Content-Length)", 413, s =>
        {
            var body = OverLimit(GridXBody(s));
            var request = new HttpRequestMessage(HttpMethod.Post, GridXPath) { Content = new ChunkedContent(body, chunkSize: 64 * 1024) };
            request.Headers.TryAddWithoutValidation("X-Signature", "sha512=" + MatrixSigning.GridXHex(body, s.Secret));
            return request;
        });
        GridX("nesting 10,000 objects", 400, s => SignedGridX(s, Bytes(NestedObjects(s.Marker))));
        GridX("nesting 10,000 arrays", 400, s => SignedGridX(s, Bytes(NestedArrays(s.Marker))));
        GridX("nesting 10,000 in an undeclared property", 400, s => SignedGridX(s, WithProperty(GridXBody(s), "deep", NestedObjects(s.Marker))));
        GridX("nesting 10,000 in an undeclared property of data", 400, s => SignedGridX(s, GridXBody(s, b => b["data"]!["deep"] = JsonNode.Parse("{}"), deepIn: "data")));
        GridX("nesting 10,000 unclosed", 400, s => SignedGridX(s, Bytes(new string('[', Nesting))));
        GridX("content type text/plain", 415, s => SignedGridX(s, GridXBody(s), "text/plain"));
        GridX("content type application/xml", 415, s => SignedGridX(s, GridXBody(s), "application/xml"));
        GridX("content type form-urlencoded", 415, s => SignedGridX(s, GridXBody(s), "application/x-www-form-urlencoded"));
        GridX("content type multipart/form-data", 415, s => SignedGridX(s, GridXBody(s), "multipart/form-data; boundary=abc"));
        GridX("content type text/json", 415, s => SignedGridX(s, GridXBody(s), "text/json"));
        GridX("content type application/*", 415, s => SignedGridX(s, GridXBody(s), "application/*"));
        GridX("content type JSON in UTF-16", 415, s => SignedGridX(s, GridXBody(s), "application/json; charset=utf-16"));
        GridX("content type JSON in ISO-8859-1", 415, s => SignedGridX(s, GridXBody(s), "application/json; charset=iso-8859-1"));
        GridX("content type unparseable", 415, s => SignedGridX(s, GridXBody(s), "application/json;;=;"));
        GridX("content type wrong, signature wrong (signature first)", 403, s => GridXSigned(s, GridXBody(s), (body, _) => "sha512=" + MatrixSigning.GridXHex(body, "wrong"), "text/plain"));
        GridX("content type wrong, body over the limit (size first)", 413, s => GridXWith(OverLimit(GridXBody(s)), signature: null, "text/plain"));
        GridX("content type missing (accepted)", 200, s => SignedGridX(s, GridXBody(s), contentType: null), handlerCalled: true);
        GridX("content type JSON with charset utf-8 (accepted)", 200, s => SignedGridX(s, GridXBody(s), "application/json; charset=utf-8"), handlerCalled: true);
        GridX("content type JSON with quoted charset UTF-8 (accepted)", 200, s => SignedGridX(s, GridXBody(s), "Application/JSON; Charset=\"UTF-8\""), handlerCalled: true);
        GridX("content type application/cloudevents+json (accepted)", 200, s => SignedGridX(s, GridXBody(s), "application/cloudevents+json"), handlerCalled: true);
        GridX("byte-order mark before the JSON (accepted)", 200, s => SignedGridX(s, [0xEF, 0xBB, 0xBF, .. GridXBody(s)]), handlerCalled: true);
        GridX("byte-order mark only", 400, s => SignedGridX(s, [0xEF, 0xBB, 0xBF]));
        GridX("byte-order mark twice", 400, s => SignedGridX(s, [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. GridXBody(s)]));
        GridX("wrong type (time a number)", 400, s => SignedGridX(s, GridXBody(s, b => b["time"] = 5)));
        GridX("wrong type (data a string)", 400, s => SignedGridX(s, GridXBody(s, b => b["data"] = s.Marker)));
        GridX("wrong type (data.applianceID a number)", 400, s => SignedGridX(s, GridXBody(s, b => b["data"]!["applianceID"] = 12345)));
        GridX("wrong format (id not a UUID, the marker)", 400, s => SignedGridX(s, GridXBody(s, b => b["id"] = s.Marker)));
        GridX("wrong format (time not a date-time, the marker)", 400, s => SignedGridX(s, GridXBody(s, b => b["time"] = s.Marker)));
        GridX("null for a required field (source)", 400, s => SignedGridX(s, GridXBody(s, b => b["source"] = null)));
        GridX("missing required field (source)", 400, s => SignedGridX(s, GridXBody(s, b => b.Remove("source"))));
        GridX("missing required field (data.applianceID)", 400, s => SignedGridX(s, GridXBody(s, b => b["data"]!.AsObject().Remove("applianceID"))));
        GridX("invalid UTF-8 in a string", 400, s => SignedGridX(s, Replace(GridXBody(s), "ExampleSystem", [0x45, 0xC3, 0x28, 0x78])));
        GridX("lone surrogate escape in a string", 400, s => SignedGridX(s, Replace(GridXBody(s), "ExampleSystem", Bytes("\\ud800x"))));
        GridX("unknown enum value (kept, accepted)", 200, s => SignedGridX(s, GridXBody(s, b => b["data"]!["kind"] = "NEW_KIND")), handlerCalled: true);
        GridX("unknown event type on an event's own route (names another event)", 400, s => SignedGridX(s, GridXBody(s, b => b["type"] = "appliance/exploded")));
        GridX("another event's type on an event's own route", 400, s => SignedGridX(s, GridXBody(s, b => b["type"] = "gateway/create")));

        // ---- Body, svix shared route (events named by the body's type) ----
        Svix("body empty", 400, s => SvixSigned(s, []));
        Svix("body not JSON", 400, s => SvixSigned(s, Bytes("not json " + s.Marker)));
        Svix("body truncated JSON", 400, s => SvixSigned(s, Truncated(SvixBody(s))));
        Svix("body a JSON array", 400, s => SvixSigned(s, Bytes("[\"" + s.Marker + "\"]")));
        Svix("body over the size limit", 413, s => SvixSigned(s, OverLimit(SvixBody(s))));
        Svix("nesting 10,000 objects", 400, s => SvixSigned(s, Bytes(NestedObjects(s.Marker))));
        Svix("nesting 10,000 before the type", 400, s => SvixSigned(s, Bytes("{\"deep\":" + NestedObjects(s.Marker) + ",\"type\":\"endpoint.created\"}")));
        Svix("nesting 10,000 after the type", 400, s => SvixSigned(s, WithProperty(SvixBody(s), "deep", NestedArrays(s.Marker))));
        Svix("content type text/plain", 415, s => SvixSigned(s, SvixBody(s), contentType: "text/plain"));
        Svix("content type wrong, signature wrong (signature first)", 401, s => SvixSigned(s, SvixBody(s), sign: (_, _) => "v1,AAAA", contentType: "text/plain"));
        Svix("byte-order mark before the JSON (accepted)", 200, s => SvixSigned(s, [0xEF, 0xBB, 0xBF, .. SvixBody(s)]), handlerCalled: true);
        Svix("wrong type (data.appId a number)", 400, s => SvixSigned(s, SvixBody(s, b => b["data"]!["appId"] = 7)));
        Svix("type not a string (unknown event, acknowledged)", 200, s => SvixSigned(s, SvixBody(s, b => b["type"] = 7)));
        Svix("number out of range (responseStatusCode)", 400, s => SvixSigned(s, Bytes(AttemptBody(s.Marker, "99999999999999999999"))));
        Svix("number with a fraction for an integer", 400, s => SvixSigned(s, Bytes(AttemptBody(s.Marker, "200.5"))));
        Svix("missing required field (data.appId)", 400, s => SvixSigned(s, SvixBody(s, b => b["data"]!.AsObject().Remove("appId"))));
        Svix("missing required field (data)", 400, s => SvixSigned(s, SvixBody(s, b => b.Remove("data"))));
        Svix("invalid UTF-8 in the type", 400, s => SvixSigned(s, Replace(SvixBody(s), "endpoint.created", [0x65, 0xC3, 0x28, 0x78])));
        Svix("type twice (the first routes, the last would be read)", 400, s => SvixSigned(s, WithProperty(SvixBody(s), "type", "\"endpoint.deleted\"")));
        Svix("type twice, the second escaped", 400, s => SvixSigned(s, WithProperty(SvixBody(s), "t\\u0079pe", "\"endpoint.deleted\"")));
        Svix("a member twice inside data (appId)", 400, s => SvixSigned(s, Replace(SvixBody(s), "\"endpointId\":", Bytes("\"appId\":\"app_other\",\"endpointId\":"))));
        Svix("unknown event (unknown type, acknowledged)", 200, s => SvixSigned(s, SvixBody(s, b => b["type"] = "endpoint.exploded")));
        Svix("unknown event (no type, acknowledged)", 200, s => SvixSigned(s, SvixBody(s, b => b.Remove("type"))));

        return cases;
    }

    // ---- gridX requests ----
    private static byte[] GridXBody(MatrixSender s, Action<JsonObject>? change = null, string? deepIn = null)
    {
        var body = Payloads.ApplianceCreate.Sample();
        body["data"]!["name"] = s.Marker;
        change?.Invoke(body);
        var bytes = Bytes(body.ToJsonString(Payloads.Json));
        if (deepIn is not null)
        {
            // Replace the placeholder "deep":{} of that object with 10,000 levels.
            bytes = Replace(bytes, "\"deep\":{}", Bytes("\"deep\":" + NestedObjects(s.Marker)));
        }

        return bytes;
    }

    private static HttpRequestMessage SignedGridX(MatrixSender s, byte[] body, string? contentType = Json) =>
        GridXWith(body, "sha512=" + MatrixSigning.GridXHex(body, s.Secret), contentType);

    private static HttpRequestMessage GridXSigned(MatrixSender s, byte[] body, Func<byte[], string, string> sign, string? contentType = Json) =>
        GridXWith(body, sign(body, s.Secret), contentType);

    private static HttpRequestMessage GridXWith(byte[] body, string? signature, string? contentType = Json) =>
        Post(GridXPath, body, contentType, ("X-Signature", signature));

    // ---- svix requests ----
    private static byte[] SvixBody(MatrixSender s, Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["type"] = "endpoint.created",
            ["data"] = new JsonObject
            {
                ["appId"] = "app_1srOrx2ZWZBpBUvZwXKQmoEYga2",
                ["appUid"] = s.Marker,
                ["endpointId"] = "ep_1srOrx2ZWZBpBUvZwXKQmoEYga2",
                ["endpointUid"] = null,
            },
        };
        change?.Invoke(body);
        return Bytes(body.ToJsonString(Payloads.Json));
    }

    private static string AttemptBody(string marker, string statusCode) =>
        "{\"type\":\"message.attempt.failing\",\"data\":{\"appId\":\"app_1\",\"appUid\":\"" + marker + "\",\"endpointId\":\"ep_1\",\"msgId\":\"msg_1\","
        + "\"lastAttempt\":{\"id\":\"atmpt_1\",\"responseStatusCode\":" + statusCode + ",\"timestamp\":\"2022-11-06T15:04:05.123+01:00\"}}}";

    /// <summary>Signed as Standard Webhooks with the host's secret, the fixed id and <paramref name="timestamp"/> (now by default).</summary>
    private static HttpRequestMessage SvixSigned(MatrixSender s, byte[] body, long? timestamp = null, Func<byte[], long, string>? sign = null, string? contentType = Json)
    {
        var ts = timestamp ?? s.Now;
        var signature = sign is null ? MatrixSigning.StandardWebhooksSignature(s.Secret, SvixId, ts, body) : sign(body, ts);
        return SvixWith(body, SvixId, Seconds(ts), signature, contentType);
    }

    private static HttpRequestMessage SvixWith(byte[] body, string? id, string? timestamp, string? signature, string? contentType = Json) =>
        Post(SvixPath, body, contentType, ("svix-id", id), ("svix-timestamp", timestamp), ("svix-signature", signature));

    private static HttpRequestMessage StripeSigned(MatrixSender s, byte[] body, long timestamp, string? secret = null) =>
        Post(SvixPath, body, Json, ("Stripe-Signature", "t=" + Seconds(timestamp) + ",v1=" + MatrixSigning.StripeMac(secret ?? s.Secret, timestamp, body)));

    // ---- building blocks ----
    private static HttpRequestMessage Post(string path, byte[] body, string? contentType, params (string Name, string? Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();
        }

        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
            }
        }

        return request;
    }

    private static string NestedObjects(string marker) =>
        string.Concat(Enumerable.Repeat("{\"a\":", Nesting)) + "\"" + marker + "\"" + new string('}', Nesting);

    private static string NestedArrays(string marker) =>
        new string('[', Nesting) + "\"" + marker + "\"" + new string(']', Nesting);

    /// <summary>The JSON object <paramref name="body"/> with one more top-level property, written as raw JSON text.</summary>
    private static byte[] WithProperty(byte[] body, string name, string rawJson)
    {
        var text = Encoding.UTF8.GetString(body);
        text.ShouldEndWith("}");
        return Bytes(text[..^1] + ",\"" + name + "\":" + rawJson + "}");
    }

    private static byte[] Truncated(byte[] body) => body[..(body.Length / 2)];

    /// <summary>The body made one byte longer than the default limit by padding its marker string.</summary>
    private static byte[] OverLimit(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var index = text.IndexOf("MARKER-", StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0);
        var padding = (int)(WebhookReceiverOptions.DefaultMaxRequestBodySize + 1 - body.Length);
        var padded = Bytes(text[..index] + new string('x', padding) + text[index..]);
        padded.Length.ShouldBe((int)WebhookReceiverOptions.DefaultMaxRequestBodySize + 1);
        return padded;
    }

    /// <summary>Replaces the first occurrence of <paramref name="find"/> (as UTF-8) with raw bytes.</summary>
    private static byte[] Replace(byte[] body, string find, byte[] replacement)
    {
        var needle = Bytes(find);
        var at = body.AsSpan().IndexOf(needle);
        at.ShouldBeGreaterThanOrEqualTo(0, find);
        return [.. body.AsSpan(0, at), .. replacement, .. body.AsSpan(at + needle.Length)];
    }

    private static string Seconds(long unixSeconds) => MatrixSigning.Seconds(unixSeconds);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
