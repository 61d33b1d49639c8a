using System;
using System.Collections.Generic;
using System.Text;
using YamlDotNet.Core;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Makes YamlDotNet accept a block scalar whose leading empty lines carry spaces, which YAML 1.2 and libyaml
/// (PyYAML, the tools real specs are written with) accept and YamlDotNet 18.1.0 rejects.
/// </summary>
/// <remarks>
/// <para>The construct, as in openai-openapi.yaml (about line 63266):</para>
/// <code>
///           example: |+
///             (12 spaces and nothing else)
///           nullable: true
/// </code>
/// <para>
/// YamlDotNet stops with "While scanning a literal block scalar, found extra spaces in first line." (or, for a
/// folded scalar, "... found more spaces in lines above first content line."). It also rejects the valid
/// <c>|</c> / 4 spaces / <c>    text</c>.
/// </para>
/// <para>
/// The rule. Only when YamlDotNet fails with one of those two messages: the error points at the line just after
/// the whitespace-only lines. Walking up from there, the lines made only of spaces (at least one of them not empty)
/// are cleared of their spaces — and only if the line above them ends with a block scalar header without an
/// indentation indicator (<c>|</c>, <c>|+</c>, <c>|-</c>, <c>&gt;</c>, <c>&gt;+</c>, <c>&gt;-</c>, after a space or
/// at the start of the line, a comment allowed after it). Line breaks stay, so line numbers do not change; the
/// reader then tries again (a bounded number of times, one repair per failure).
/// </para>
/// <para>
/// Why the value does not change: with an auto-detected indentation, a leading empty line contributes a line
/// break and nothing else, whatever spaces it has (YAML 1.2, 8.1.1.1 and l-empty). More spaces than the first
/// content line is an error in YAML 1.2; such a document becomes readable, with that same reading (the line is a
/// line break). A header with an explicit indentation indicator (<c>|2</c>) is left alone: there, spaces past the
/// indentation are content.
/// </para>
/// </remarks>
internal static class YamlBlockScalarRepair
{
    private const string LiteralMessage = "While scanning a literal block scalar, found extra spaces in first line";
    private const string FoldedMessage = "While scanning a literal block scalar, found more spaces in lines above first content line";

    /// <summary>The repaired text, when <paramref name="error"/> is the rejection described above and the text has the construct where it points.</summary>
    public static bool TryRepair(string text, YamlException error, out string repaired)
    {
        repaired = text;
        string message = error.Message ?? string.Empty;
        if (!message.StartsWith(LiteralMessage, StringComparison.Ordinal) && !message.StartsWith(FoldedMessage, StringComparison.Ordinal))
        {
            return false;
        }

        long line = error.Start.Line; // 1-based: the line after the whitespace-only lines.
        if (line < 2 || line > int.MaxValue)
        {
            return false;
        }

        return TryRepairBefore(text, (int)line - 1, out repaired);
    }

    /// <summary>Clears the whitespace-only lines just above 0-based line <paramref name="lineAfterBlanks"/> if a block scalar header is above them.</summary>
    internal static bool TryRepairBefore(string text, int lineAfterBlanks, out string repaired)
    {
        repaired = text;
        List<LineSpan> lines = SplitLines(text);
        if (lineAfterBlanks > lines.Count)
        {
            return false;
        }

        int header = lineAfterBlanks - 1;
        bool anySpaces = false;
        while (header >= 0 && IsSpacesOnly(text, lines[header]))
        {
            anySpaces |= lines[header].Length > 0;
            header--;
        }

        if (!anySpaces || header < 0 || header == lineAfterBlanks - 1)
        {
            return false;
        }

        LineSpan headerLine = lines[header];
        if (!EndsWithAutoIndentedBlockScalarHeader(text.Substring(headerLine.Start, headerLine.Length)))
        {
            return false;
        }

        var builder = new StringBuilder(text.Length);
        int copied = 0;
        for (int i = header + 1; i < lineAfterBlanks; i++)
        {
            LineSpan blank = lines[i];
            builder.Append(text, copied, blank.Start - copied);
            copied = blank.Start + blank.Length;
        }

        builder.Append(text, copied, text.Length - copied);
        repaired = builder.ToString();
        return true;
    }

    /// <summary>Whether <paramref name="line"/> ends with <c>|</c> or <c>&gt;</c> and an optional chomping indicator, and maybe a comment.</summary>
    internal static bool EndsWithAutoIndentedBlockScalarHeader(string line)
    {
        if (EndsWithIndicator(line))
        {
            return true;
        }

        // A comment: '#' after whitespace.
        for (int i = 1; i < line.Length; i++)
        {
            if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t') && EndsWithIndicator(line.Substring(0, i)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithIndicator(string text)
    {
        int k = text.Length - 1;
        while (k >= 0 && (text[k] == ' ' || text[k] == '\t'))
        {
            k--;
        }

        if (k >= 0 && (text[k] == '+' || text[k] == '-'))
        {
            k--;
        }

        if (k < 0 || (text[k] != '|' && text[k] != '>'))
        {
            return false;
        }

        return k == 0 || text[k - 1] == ' ' || text[k - 1] == '\t';
    }

    private static bool IsSpacesOnly(string text, LineSpan line)
    {
        for (int i = line.Start; i < line.Start + line.Length; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lines of <paramref name="text"/>, without their breaks, counted as YamlDotNet counts them.</summary>
    private static List<LineSpan> SplitLines(string text)
    {
        var lines = new List<LineSpan>();
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                lines.Add(new LineSpan(start, i - start));
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                start = i;
            }
            else
            {
                i++;
            }
        }

        lines.Add(new LineSpan(start, text.Length - start));
        return lines;
    }

    private readonly struct LineSpan
    {
        public LineSpan(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }
    }
}
