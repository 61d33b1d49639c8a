using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// Invokes one mapped endpoint's <see cref="RequestDelegate"/> in process, as the server would after routing: a new
/// service scope per request, the body in a stream, the headers set. Middleware and the network are not involved.
/// </summary>
internal sealed class EndpointRunner
{
    private readonly RequestDelegate _endpoint;
    private readonly IServiceScopeFactory _scopes;
    private readonly Delivery[] _deliveries;
    private readonly DefaultHttpContext _context = new();
    private int _next;

    public EndpointRunner(WebApplication app, string route, params Delivery[] deliveries)
    {
        _endpoint = FindEndpoint(app, route);
        _scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        Calls = app.Services.GetRequiredService<HandlerCalls>();
        _deliveries = deliveries;
    }

    public HandlerCalls Calls { get; }

    /// <summary>How many deliveries were sent since the last <see cref="Rewind"/>.</summary>
    public int Sent { get; private set; }

    /// <summary>Sends the next delivery (they are used in turn) on a reused context, as a server reuses its per-connection context.</summary>
    public async Task SendNextAsync()
    {
        var delivery = _deliveries[_next];
        _next = _next + 1 == _deliveries.Length ? 0 : _next + 1;
        Sent++;
        delivery.WriteTo(_context);
        await using var scope = _scopes.CreateAsyncScope();
        _context.RequestServices = scope.ServiceProvider;
        await _endpoint(_context);
    }

    public void Rewind()
    {
        _next = 0;
        Sent = 0;
    }

    /// <summary>Sends <paramref name="delivery"/> on a fresh context; returns the status and how many times a handler ran.</summary>
    public async Task<(int StatusCode, int HandlerCalls)> SendOnceAsync(Delivery delivery)
    {
        var context = new DefaultHttpContext();
        delivery.WriteTo(context);
        context.Response.StatusCode = 0;
        var before = Calls.Count;
        await using var scope = _scopes.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        await _endpoint(context);
        return (context.Response.StatusCode, Calls.Count - before);
    }

    private static RequestDelegate FindEndpoint(WebApplication app, string route)
    {
        var matches = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText == route && endpoint.RequestDelegate is not null)
            .ToList();
        return matches.Count == 1
            ? matches[0].RequestDelegate!
            : throw new InvalidOperationException($"Expected one endpoint at {route}, found {matches.Count}.");
    }
}
