using System;
using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookGen.Hosting;

/// <summary>The route group behind every generated <c>Map{Receiver}</c> method.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Creates the receiver's route group at <paramref name="routePrefix"/>, or at the spec's server path when it is null.
    /// Conventions added to the group (authorization, rate limiting, host filters) apply to every event endpoint.
    /// </summary>
    public static RouteGroupBuilder MapWebhookReceiverGroup(this IEndpointRouteBuilder endpoints, WebhookReceiverDescriptor receiver, string? routePrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(receiver);

        if (endpoints.ServiceProvider.GetKeyedService<WebhookReceiverRuntime>(receiver.Name) is null)
        {
            throw new InvalidOperationException(
                $"{receiver.Name} is not registered. Call builder.Services.Add{receiver.Name}() before app.Map{receiver.Name}().");
        }

        var group = endpoints.MapGroup(routePrefix ?? receiver.DefaultRoutePrefix);
        group.WithTags(receiver.Name);
        return group;
    }
}
