using System;
using Microsoft.AspNetCore.Http;
using WebhookGen.Signatures;

namespace WebhookGen.Hosting;

/// <summary>What the spec says about a receiver as a whole. Generated once per receiver class.</summary>
public sealed class WebhookReceiverDescriptor
{
    /// <summary>Describes a receiver.</summary>
    /// <param name="name">The receiver class's name; it names the options and the configuration section.</param>
    /// <param name="defaultRoutePrefix">The route prefix from the spec's server URL, used when <c>Map...</c> is given none.</param>
    /// <param name="signatureScheme">The signature scheme the spec declares, or <see langword="null"/> when it declares none WebhookGen understands.</param>
    /// <param name="signatureFailureStatusCode">The status the spec gives a delivery whose signature fails (<c>401</c> when it gives none).</param>
    /// <param name="deliveryIdHeader">
    /// The header the spec designates as the delivery's id (<c>webhook-id</c>, <c>X-GitHub-Delivery</c>), which deliveries are
    /// deduplicated by; <see langword="null"/> to use the event's id from the body.
    /// </param>
    /// <param name="bodyFormats">
    /// The body formats of the receiver's events: <see cref="WebhookBodyFormats.Jwt"/> when any is a signed JWT, whose
    /// verification keys are then required; a receiver of JWT events only needs no HTTP signature unless the spec declares one.
    /// </param>
    public WebhookReceiverDescriptor(
        string name,
        string defaultRoutePrefix,
        WebhookSignatureScheme? signatureScheme,
        int signatureFailureStatusCode = StatusCodes.Status401Unauthorized,
        string? deliveryIdHeader = null,
        WebhookBodyFormats bodyFormats = WebhookBodyFormats.Json)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        DefaultRoutePrefix = defaultRoutePrefix ?? string.Empty;
        SignatureScheme = signatureScheme;
        SignatureFailureStatusCode = signatureFailureStatusCode;
        DeliveryIdHeader = string.IsNullOrEmpty(deliveryIdHeader) ? null : deliveryIdHeader;
        BodyFormats = bodyFormats == WebhookBodyFormats.None ? WebhookBodyFormats.Json : bodyFormats;
        SpanName = "webhookgen.receive " + name;
    }

    /// <summary>The receiver class's name.</summary>
    public string Name { get; }

    /// <summary>The configuration section bound to <see cref="WebhookReceiverOptions"/>: <c>Webhooks:{Name}</c>.</summary>
    public string ConfigurationSection => "Webhooks:" + Name;

    /// <summary>The route prefix from the spec's server URL.</summary>
    public string DefaultRoutePrefix { get; }

    /// <summary>The signature scheme the spec declares.</summary>
    public WebhookSignatureScheme? SignatureScheme { get; }

    /// <summary>The status of a delivery whose signature is missing or wrong.</summary>
    public int SignatureFailureStatusCode { get; }

    /// <summary>The header the spec designates as the delivery's id, if any.</summary>
    public string? DeliveryIdHeader { get; }

    /// <summary>The body formats of the receiver's events.</summary>
    public WebhookBodyFormats BodyFormats { get; }

    /// <summary>Whether every event's body is a signed JWT, which is then proof enough without an HTTP signature scheme.</summary>
    internal bool ReceivesOnlyJwt => BodyFormats == WebhookBodyFormats.Jwt;

    /// <summary>The name of the span of each delivery, built once rather than per delivery.</summary>
    internal string SpanName { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WebhookEvent> _events = new(StringComparer.Ordinal);

    /// <summary>The receiver's handled events by name, for the inbox's workers; each descriptor adds itself when created.</summary>
    internal System.Collections.Generic.IReadOnlyDictionary<string, WebhookEvent> Events => _events;

    internal void Register(WebhookEvent evt) => _events[evt.EventName] = evt;
}
