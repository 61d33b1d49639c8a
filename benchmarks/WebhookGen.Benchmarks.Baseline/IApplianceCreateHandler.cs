namespace WebhookGen.Benchmarks.Baseline;

/// <summary>What the app does with a verified <c>appliance/create</c> event; resolved from the request's scope.</summary>
public interface IApplianceCreateHandler
{
    ValueTask HandleAsync(ApplianceCreateEvent payload, CancellationToken cancellationToken);
}
