using System;
using System.Globalization;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Where a YAML indentation slip really is. A key indented less than its siblings ends their mapping without complaint;
/// YAML only stops at the next line that is indented as the mapping was (<c>did not find expected key</c>), some lines
/// later. When the lines above the stop show exactly that — the stop's indentation is a real level of the document, and
/// between its last sibling and the stop stands one key indented less — the slip is that key's line.
/// </summary>
internal static class YamlIndentationSlip
{
    private const string MappingEnded = "did not find expected key";

    /// <summary>
    /// The error to report for <paramref name="message"/> at <paramref name="stop"/> (0-based): at the line whose
    /// indentation ended the mapping, saying so, when one is found; otherwise null, and the stop is where to report.
    /// </summary>
    public static (string Message, SourcePosition Position)? Find(string text, string message, SourcePosition stop)
    {
        if (message.IndexOf(MappingEnded, StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var lines = text.Split('\n');
        if (stop.Line <= 0 || stop.Line >= lines.Length || Indentation(lines[stop.Line]) is not { } expected)
        {
            return null;
        }

        var slip = -1;
        for (var i = stop.Line - 1; i >= 0 && slip < 0; i--)
        {
            switch (Indentation(lines[i]))
            {
                case null:
                    continue;
                case { } indent when indent == expected:
                    return null; // a sibling first: nothing between it and the stop ended the mapping
                case { } indent when indent < expected:
                    slip = IsKey(lines[i]) ? i : -2;
                    break;
            }
        }

        if (slip < 0)
        {
            return null;
        }

        // The stop's indentation must be a real level: a sibling above the slip, before anything less indented than it.
        var slipIndent = Indentation(lines[slip])!.Value;
        for (var i = slip - 1; i >= 0; i--)
        {
            switch (Indentation(lines[i]))
            {
                case null:
                    continue;
                case { } indent when indent == expected:
                    var line = (slip + 1).ToString(CultureInfo.InvariantCulture);
                    var key = lines[slip].Trim();
                    return ($"{message.TrimEnd('.')} at line {(stop.Line + 1).ToString(CultureInfo.InvariantCulture)}: line {line} ('{key}') is indented less than the lines around it, which ends their mapping; check its indentation.",
                        new SourcePosition(slip, slipIndent));
                case { } indent when indent < slipIndent:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The count of leading spaces, or null for a blank line or a comment.</summary>
    private static int? Indentation(string line)
    {
        var count = 0;
        while (count < line.Length && line[count] == ' ')
        {
            count++;
        }

        return count == line.TrimEnd('\r').Length || line[count] == '#' ? null : count;
    }

    /// <summary>A mapping key (<c>name:</c> or <c>name: value</c>, quoted or not), not a list item or a scalar's continuation.</summary>
    private static bool IsKey(string line)
    {
        var trimmed = line.Trim();
        return !trimmed.StartsWith("-", StringComparison.Ordinal) && (trimmed.EndsWith(":", StringComparison.Ordinal) || trimmed.Contains(": "));
    }
}
