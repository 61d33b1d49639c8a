using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.Hosting;

/// <summary>Calls the receiver's handler for one event. Generated per event.</summary>
public delegate ValueTask<WebhookResult> WebhookHandler<in TReceiver, in TEvent>(TReceiver receiver, TEvent payload, WebhookContext context, CancellationToken cancellationToken);
