namespace WebhookGen; internal static class Placeholder { }
