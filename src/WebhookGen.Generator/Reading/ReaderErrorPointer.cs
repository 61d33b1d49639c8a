using System;
using System.Text.RegularExpressions;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Where a problem the OpenAPI reader reports stands in the spec. The reader's pointer is usually exact, but after some
/// constructs (media type <c>examples</c> with keys that look like paths) it keeps segments it should have dropped,
/// ending with the right pointer behind a run of stale ones: the longest tail that names a node in the spec is taken. A
/// "<c>x is not a valid property at …</c>" problem is placed on the key <c>x</c> itself.
/// </summary>
internal static class ReaderErrorPointer
{
    private static readonly Regex InvalidProperty = new("^(?<name>.+) is not a valid property at #?(?<pointer>/.*)$", RegexOptions.CultureInvariant);

    /// <summary>The pointer to report the problem at, and the message with a repaired pointer in it.</summary>
    /// <param name="pointer">The reader's pointer, without the leading '#'.</param>
    /// <param name="exists">Whether a node stands at a pointer in the spec.</param>
    public static (string Pointer, string Message, bool AtKey) Locate(string pointer, string message, Func<string, bool> exists)
    {
        var invalid = InvalidProperty.Match(message);
        if (!invalid.Success)
        {
            return (Repair(pointer, exists), message, false);
        }

        // The message carries its own pointer, which may differ from the error's.
        var written = invalid.Groups["pointer"].Value;
        var repaired = Repair(written, exists);
        message = message.Substring(0, invalid.Groups["pointer"].Index) + repaired;
        var key = repaired + "/" + SourcePositionMap.EscapeToken(invalid.Groups["name"].Value);
        return exists(key) ? (key, message, true) : (repaired, message, false);
    }

    /// <summary><paramref name="pointer"/> when it names a node; else its longest tail that does; else itself.</summary>
    public static string Repair(string pointer, Func<string, bool> exists)
    {
        if (pointer.Length == 0 || exists(pointer))
        {
            return pointer;
        }

        for (var slash = pointer.IndexOf('/', 1); slash > 0; slash = pointer.IndexOf('/', slash + 1))
        {
            var tail = pointer.Substring(slash);
            if (exists(tail))
            {
                return tail;
            }
        }

        return pointer;
    }
}
