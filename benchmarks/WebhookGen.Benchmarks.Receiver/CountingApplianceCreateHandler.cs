using WebhookGen.Benchmarks.Baseline;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>The hand-written endpoint's handler: counts, like the generated receiver's handlers.</summary>
internal sealed class CountingApplianceCreateHandler(HandlerCalls calls) : IApplianceCreateHandler
{
    public ValueTask HandleAsync(Baseline.ApplianceCreateEvent payload, CancellationToken cancellationToken)
    {
        calls.Record(payload);
        return ValueTask.CompletedTask;
    }
}
