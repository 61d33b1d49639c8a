using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookGen.Benchmarks.Baseline;

/// <summary>Maps the hand-written gridX receiver at the same path as the generated one.</summary>
public static class HandWrittenGridXEndpointRouteBuilderExtensions
{
    public const string ApplianceCreateRoute = "/gridx/events/appliance/create";

    public const string SecretKey = "Webhooks:GridXReceiver:Secret";

    /// <summary>Maps <c>POST /gridx/events/appliance/create</c>; throws at startup when no secret is configured.</summary>
    public static IEndpointConventionBuilder MapHandWrittenGridX(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var secret = endpoints.ServiceProvider.GetRequiredService<IConfiguration>()[SecretKey];
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException($"{SecretKey} is not configured.");
        }

        var endpoint = new ApplianceCreateEndpoint(Encoding.UTF8.GetBytes(secret));
        return endpoints.MapPost(ApplianceCreateRoute, new RequestDelegate(endpoint.HandleAsync));
    }
}
