namespace WebhookGen;

/// <summary>How a receiver reads a payload that drifts from its spec (see docs/drift.md).</summary>
public enum WebhookPayloadReading
{
    /// <summary>
    /// The default: a payload that drifts from the spec (a required member missing, a <c>null</c>, a value of the wrong kind,
    /// a date-time in another format) still reaches the handler, each drifted member left at its default and reported in
    /// <see cref="WebhookContext.Drift"/>, a log line and a metric. Malformed JSON and the limits stay errors.
    /// </summary>
    Tolerant = 0,

    /// <summary>Any drift from the spec, except an enum value it does not list, is answered <c>400</c>.</summary>
    Strict = 1,
}
