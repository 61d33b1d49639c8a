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

    /// <summary>
    /// Maps the endpoint of one event at <paramref name="pattern"/>; the endpoint carries <paramref name="evt"/> as metadata,
    /// for whoever describes the app's endpoints (WebhookGen.OpenApi) to find: there is no handler method to reflect on.
    /// </summary>
    public static IEndpointConventionBuilder MapWebhookEvent(this RouteGroupBuilder group, string method, string pattern, WebhookEvent evt)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(evt);
        var runtime = RuntimeOf(group, evt.Receiver);
        return group.MapMethods(pattern, [method], httpContext => WebhookRequestProcessor.ProcessAsync(httpContext, evt, runtime)).WithMetadata(evt);
    }

    /// <summary>Maps the endpoint of a route of several events at <paramref name="pattern"/>, carrying <paramref name="route"/> as metadata.</summary>
    public static IEndpointConventionBuilder MapWebhookRoute(this RouteGroupBuilder group, string method, string pattern, WebhookRouteDescriptor route)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(route);
        var runtime = RuntimeOf(group, route.Receiver);
        return group.MapMethods(pattern, [method], httpContext => WebhookRequestProcessor.ProcessAsync(httpContext, route, runtime)).WithMetadata(route);
    }

    /// <summary>
    /// The receiver's runtime, a singleton: resolved once, when its endpoints are mapped, rather than by key on every
    /// delivery.
    /// </summary>
    private static WebhookReceiverRuntime RuntimeOf(IEndpointRouteBuilder group, WebhookReceiverDescriptor receiver) =>
        group.ServiceProvider.GetRequiredKeyedService<WebhookReceiverRuntime>(receiver.Name);
}
