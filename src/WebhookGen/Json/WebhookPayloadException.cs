using System;

namespace WebhookGen.Json;

/// <summary>
/// A body that is not valid JSON or does not match the spec: the delivery is answered <c>400</c> naming <see cref="Path"/>.
/// Messages never quote the payload.
/// </summary>
public sealed class WebhookPayloadException : Exception
{
    /// <summary>Creates the exception for a value at <paramref name="path"/> (empty for the body itself).</summary>
    public WebhookPayloadException(string path, string reason)
        : base(Describe(path, reason))
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public WebhookPayloadException()
        : this(string.Empty, "The body is invalid.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public WebhookPayloadException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
        Reason = message;
    }

    /// <summary>Where the problem is, as wire names: <c>data.applianceID</c>, <c>items[2].id</c>; empty for the body itself.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>
    /// Set in a tolerant read when the value this exception is about (an array item, a record's root) can be skipped by
    /// whatever holds it, as drift of this kind. Not carried by <see cref="Within"/>: only the holder of the value handles it.
    /// </summary>
    internal PayloadDriftKind? DriftKind { get; set; }

    /// <summary>The same problem seen from the value that contains it.</summary>
    public WebhookPayloadException Within(string propertyName) =>
        new(Path.Length == 0 ? propertyName : Path[0] == '[' ? propertyName + Path : propertyName + "." + Path, Reason);

    /// <summary>The same problem seen from the array that contains it.</summary>
    public WebhookPayloadException WithinItem(int index) =>
        new(Path.Length == 0 ? $"[{index}]" : Path[0] == '[' ? $"[{index}]{Path}" : $"[{index}].{Path}", Reason);

    private static string Describe(string path, string reason) =>
        path.Length == 0 ? reason : $"'{path}': {reason}";
}
