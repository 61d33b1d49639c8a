using System.Text.Json;

namespace WebhookGen.Json;

/// <summary>Reads one value of <typeparamref name="T"/> starting at the reader's current token. Generated per type.</summary>
public delegate T WebhookPayloadReader<out T>(ref Utf8JsonReader reader);
