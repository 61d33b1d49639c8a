namespace WebhookGen.ReceiverLibrary;

/// <summary>The gridX receiver, compiled in this library; the class that overrides its handlers lives in the app.</summary>
[WebhookReceiver("webhooks.yaml")]
public abstract partial class LibraryGridXReceiver;
