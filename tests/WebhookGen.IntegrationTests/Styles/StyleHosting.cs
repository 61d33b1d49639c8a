using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>Starting a <see cref="ReceiverHost"/> for one of the spec-style receivers, and posting to it signed.</summary>
public static class StyleHosting
{
    /// <summary>The id of the runtime's "unknown event" log line (<c>WebhookLog.UnknownEvent</c>).</summary>
    public const int UnknownEventLogId = 7;

    /// <summary>
    /// Starts a host that registers and maps only <paramref name="receiverName"/>, with the host's secret configured as
    /// <c>Webhooks:{receiverName}:Secret</c> (<see cref="ReceiverHost.Secret"/> is that secret), reading payloads strictly.
    /// </summary>
    public static Task<ReceiverHost> StartAsync(
        string receiverName,
        Action<IServiceCollection> addServices,
        Action<WebApplication> map,
        Action<ReceiverHostOptions>? configure = null) =>
        ReceiverHost.StartAsync(options =>
        {
            options.Configuration[$"Webhooks:{receiverName}:Secret"] = options.Secret;

            // The style tests check that each spec's schema is enforced, which is strict reading (docs/drift.md).
            options.Configuration[$"Webhooks:{receiverName}:PayloadReading"] = "Strict";
            options.AddServices = addServices;
            options.Map = map;
            configure?.Invoke(options);
        });

    /// <summary>Posts <paramref name="body"/> as JSON, signed with the host's secret under <paramref name="signature"/>.</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(this ReceiverHost host, StyleSignature signature, string path, JsonNode body, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return host.PostSignedAsync(signature, path, Bytes(body), configure);
    }

    /// <summary>Posts raw bytes as JSON, signed with the host's secret under <paramref name="signature"/>.</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(this ReceiverHost host, StyleSignature signature, string path, byte[] body, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(signature);
        var secret = host.Secret ?? throw new InvalidOperationException("The host has no secret to sign with.");
        return host.PostWithHeaderAsync(path, body, signature.HeaderName, signature.Sign(body, secret), configure);
    }

    /// <summary>Posts raw bytes as JSON with <paramref name="headerName"/> set to <paramref name="value"/> (left out when null).</summary>
    public static async Task<HttpResponseMessage> PostWithHeaderAsync(this ReceiverHost host, string path, byte[] body, string headerName, string? value, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var request = ReceiverHost.CreateRequest(path, body, signature: null);
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(headerName, value).ShouldBeTrue();
        }

        configure?.Invoke(request);
        return await host.Client.SendAsync(request);
    }

    /// <summary>A body as the tests send it: plain UTF-8 JSON.</summary>
    public static byte[] Bytes(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Encoding.UTF8.GetBytes(body.ToJsonString(Payloads.Json));
    }

    /// <summary>Adds the header that every style receiver records as <see cref="Receivers.Delivery.DeliveryHeader"/>.</summary>
    public static void AddDeliveryHeader(this HttpRequestMessage request, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add(StyleRecording.DeliveryHeaderName, value);
    }

    /// <summary>The warnings the runtime (log category <c>WebhookGen.{Receiver}</c>) logged for events it does not know.</summary>
    public static IReadOnlyList<LogEntry> UnknownEventWarnings(this LogCollector logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        return logs.Entries
            .Where(e => e.EventId.Id == UnknownEventLogId && e.Category.StartsWith("WebhookGen.", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Asserts exactly one "unknown event" warning, naming the receiver, the value read and the status answered.</summary>
    public static LogEntry ShouldHaveLoggedOneUnknownEvent(this LogCollector logs, string receiverName, string value, int statusCode)
    {
        var warnings = logs.UnknownEventWarnings();
        warnings.Count.ShouldBe(1, logs.AllText);
        var warning = warnings[0];
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Category.ShouldBe("WebhookGen." + receiverName);
        warning.Message.ShouldContain(receiverName);
        warning.Message.ShouldContain("'" + value + "'");
        warning.Message.ShouldContain("answered " + statusCode);
        return warning;
    }
}
