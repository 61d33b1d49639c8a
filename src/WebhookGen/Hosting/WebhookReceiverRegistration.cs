namespace WebhookGen.Hosting;

/// <summary>One receiver registered in the app (one per <c>Add{Receiver}</c>), for what looks at all of them: the health check.</summary>
internal sealed record WebhookReceiverRegistration(WebhookReceiverDescriptor Descriptor);
