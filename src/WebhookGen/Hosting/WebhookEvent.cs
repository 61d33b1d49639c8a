using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Hosting;

/// <summary>An event a route can dispatch to. Only <see cref="WebhookEventDescriptor{TReceiver, TEvent}"/> derives from it.</summary>
public abstract class WebhookEvent
{
    private protected WebhookEvent()
    {
    }

    /// <summary>The event's name in the spec.</summary>
    public abstract string EventName { get; }

    /// <summary>How the event's body is written: <see cref="WebhookBodyFormats.Json"/> or <see cref="WebhookBodyFormats.Jwt"/>.</summary>
    public abstract WebhookBodyFormats BodyFormat { get; }

    internal abstract Task HandleVerifiedAsync(HttpContext httpContext, VerifiedDelivery delivery);
}
