namespace WebhookGen.Generator; internal static class Placeholder { }
