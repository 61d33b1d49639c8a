using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookGen.Hosting;

/// <summary>The services one receiver needs on every delivery, resolved once (a keyed singleton named after the receiver).</summary>
internal sealed class WebhookReceiverRuntime(WebhookReceiverDescriptor descriptor, IOptionsMonitor<WebhookReceiverOptions> options, ILoggerFactory loggerFactory)
{
    public WebhookReceiverDescriptor Descriptor { get; } = descriptor;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("WebhookGen." + descriptor.Name);

    public WebhookReceiverOptions Options => options.Get(Descriptor.Name);
}
