using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Mutators over the text as it is: lines and characters, with no idea of the structure.</summary>
internal static class TextMutators
{
    public static IReadOnlyList<Mutator> Lines { get; } =
    [
        new("delete-line", MutatorLevel.Text, DeleteLine),
        new("delete-block", MutatorLevel.Text, DeleteBlock),
        new("duplicate-line", MutatorLevel.Text, DuplicateLine),
        new("swap-lines", MutatorLevel.Text, SwapLines),
        new("shift-indent", MutatorLevel.Text, ShiftIndent),
        new("truncate", MutatorLevel.Text, Truncate),
        new("tab-indent", MutatorLevel.Text, TabIndent),
        new("line-endings", MutatorLevel.Text, LineEndings),
    ];

    public static IReadOnlyList<Mutator> Bytes { get; } =
    [
        new("random-chars", MutatorLevel.Text, RandomChars),
        new("structural-char", MutatorLevel.Text, StructuralChar),
        new("control-char-in-string", MutatorLevel.Text, ControlCharInString),
        new("byte-order-mark", MutatorLevel.Text, ByteOrderMark),
        new("mojibake", MutatorLevel.Text, Mojibake),
        new("comment", MutatorLevel.Text, Comment),
        new("alias-bomb", MutatorLevel.Text, AliasBomb),
        new("second-document", MutatorLevel.Text, SecondDocument),
    ];

    private static readonly char[] Structural = ['{', '}', '[', ']', ':', ',', '"', '\'', '-', '#', '&', '*', '!', '|', '>', '%', '@', '`', ' ', '\n', '?', '\\', '\t'];

    private static string[] SplitLines(string text) => text.Split('\n');

    private static int PickLine(Random random, string[] lines) =>
        Enumerable.Range(0, 8).Select(_ => random.Next(lines.Length)).FirstOrDefault(i => lines[i].Trim().Length > 0, random.Next(lines.Length));

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string Set(FuzzDocument document, IEnumerable<string> lines)
    {
        document.SetText(string.Join('\n', lines));
        return string.Empty;
    }

    private static string Line(int index, string line) => $"line {index + 1} '{FuzzText.Clip(line.Trim(), 60)}'";

    private static string? DeleteLine(FuzzDocument document, Random random)
    {
        var lines = SplitLines(document.Text);
        var i = PickLine(random, lines);
        Set(document, lines.Where((_, n) => n != i));
        return "deleted " + Line(i, lines[i]);
    }

    private static string? DeleteBlock(FuzzDocument document, Random random)
    {
        var lines = SplitLines(document.Text);
        var i = PickLine(random, lines);
        int end;
        if (document.Format == SpecFormat.Yaml)
        {
            // The line and everything indented under it.
            end = i + 1;
            while (end < lines.Length && (lines[end].Trim().Length == 0 || Indent(lines[end]) > Indent(lines[i])))
            {
                end++;
            }
        }
        else
        {
            end = Math.Min(lines.Length, i + random.Next(2, 30));
        }

        Set(document, lines.Take(i).Concat(lines.Skip(end)));
        return $"deleted lines {i + 1}-{end} from " + Line(i, lines[i]);
    }

    private static string? DuplicateLine(FuzzDocument document, Random random)
    {
        var lines = SplitLines(document.Text).ToList();
        var i = PickLine(random, [.. lines]);
        lines.Insert(i + 1, lines[i]);
        Set(document, lines);
        return "duplicated " + Line(i, lines[i]);
    }

    private static string? SwapLines(FuzzDocument document, Random random)
    {
        var lines = SplitLines(document.Text);
        if (lines.Length < 2)
        {
            return null;
        }

        var i = random.Next(lines.Length - 1);
        (lines[i], lines[i + 1]) = (lines[i + 1], lines[i]);
        Set(document, lines);
        return $"swapped {Line(i + 1, lines[i + 1])} with the next";
    }

    private static string? ShiftIndent(FuzzDocument document, Random random)
    {
        var lines = SplitLines(document.Text);
        var i = PickLine(random, lines);
        var shift = random.Pick([-4, -2, -1, 1, 2, 3]);
        var indent = Math.Max(0, Indent(lines[i]) + shift);
        var original = lines[i];
        lines[i] = new string(' ', indent) + lines[i].TrimStart(' ');
        Set(document, lines);
        return $"indented {Line(i, original)} by {shift}";
    }

    private static string? Truncate(FuzzDocument document, Random random)
    {
        var text = document.Text;
        var at = random.Next(text.Length);
        document.SetText(text.Substring(0, at));
        return $"truncated at {at} of {text.Length}, after '{FuzzText.Clip(text.Substring(Math.Max(0, at - 30), Math.Min(at, 30)), 40)}'";
    }

    private static string? TabIndent(FuzzDocument document, Random random)
    {
        var lines = SplitLines(document.Text);
        var all = random.Chance(0.3);
        var changed = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("  ", StringComparison.Ordinal) && (all || random.Chance(0.05)))
            {
                lines[i] = string.Concat("\t", lines[i].AsSpan(2));
                changed++;
            }
        }

        Set(document, lines);
        return changed == 0 ? null : $"a tab for the first two spaces of {changed} line(s)";
    }

    private static string? LineEndings(FuzzDocument document, Random random)
    {
        var ending = random.Pick(["\r\n", "\r", "\u2028", "\u0085", "\n\n"]);
        var text = document.Text;
        var mixed = random.Chance(0.5);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c == '\n' && (!mixed || random.Chance(0.5)) ? ending : c.ToString());
        }

        document.SetText(builder.ToString());
        return $"line ends {FuzzText.Clip(ending, 10)}" + (mixed ? " on about half the lines" : string.Empty);
    }

    private static string? RandomChars(FuzzDocument document, Random random)
    {
        var text = document.Text;
        var at = random.Next(text.Length + 1);
        var inserted = new StringBuilder();
        for (var n = random.Next(1, 17); n > 0; n--)
        {
            inserted.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0, 0x20),
                1 => (char)random.Next(0x20, 0x7F),
                2 => (char)random.Next(0x80, 0x100),
                3 => (char)random.Next(0xD800, 0xE000),
                4 => random.Pick(['\uFEFF', '\uFFFE', '\uFFFF', '\u2028', '\u0085', '\u202E', '\u00A0']),
                _ => random.Pick(Structural),
            });
        }

        document.SetText(text.Insert(at, inserted.ToString()));
        return $"inserted '{FuzzText.Clip(inserted.ToString(), 60)}' at {at}";
    }

    private static string? StructuralChar(FuzzDocument document, Random random)
    {
        var text = document.Text;
        var at = random.Next(text.Length);
        var c = random.Pick(Structural);
        document.SetText(text.Substring(0, at) + c + text.Substring(at + 1));
        return $"'{FuzzText.Clip(text[at].ToString(), 8)}' at {at} became '{FuzzText.Clip(c.ToString(), 8)}'";
    }

    private static string? ControlCharInString(FuzzDocument document, Random random)
    {
        var text = document.Text;
        var quotes = Enumerable.Range(0, 20).Select(_ => random.Next(text.Length)).Select(i => text.IndexOf('"', i)).Where(i => i >= 0).ToList();
        if (quotes.Count == 0)
        {
            return null;
        }

        var at = quotes[0] + 1;
        var c = (char)random.Pick([0, 1, 7, 8, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x9F]);
        document.SetText(text.Insert(at, c.ToString()));
        return $"inserted U+{(int)c:X4} after the quote at {quotes[0]}";
    }

    private static string? ByteOrderMark(FuzzDocument document, Random random)
    {
        var text = document.Text;
        var at = random.Chance(0.5) ? 0 : random.Next(text.Length);
        var count = random.Next(1, 3);
        document.SetText(text.Insert(at, new string('\uFEFF', count)));
        return $"{count} byte order mark(s) at {at}";
    }

    private static string? Mojibake(FuzzDocument document, Random random)
    {
        var text = document.Text;
        var at = random.Next(text.Length);
        var length = Math.Min(text.Length - at, random.Next(1, 400));
        var garbled = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(at, length), "é🎉")));
        document.SetText(string.Concat(text.AsSpan(0, at), garbled, text.AsSpan(at + length)));
        return $"{length} chars at {at} read back as Latin-1";
    }

    private static string? Comment(FuzzDocument document, Random random)
    {
        var lines = SplitLines(document.Text);
        var i = PickLine(random, lines);
        var comment = document.Format == SpecFormat.Json
            ? random.Pick(["// a comment", "/* a comment */", "/* unterminated", "#not json"])
            : random.Pick(["# a comment", "#no space", " # trailing", "#\u0000"]);
        var original = lines[i];
        lines[i] = random.Chance(0.5) ? lines[i] + comment : comment + lines[i];
        Set(document, lines);
        return $"'{FuzzText.Clip(comment, 30)}' on {Line(i, original)}";
    }

    private static string? AliasBomb(FuzzDocument document, Random random)
    {
        if (document.Format != SpecFormat.Yaml)
        {
            return null;
        }

        // Up to ten levels of ten aliases each: 10^10 nodes if expanded naively.
        var bomb = new StringBuilder("x-fuzz-bomb:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        var levels = random.Chance(0.1) ? 10 : random.Next(2, 6);
        for (var level = 1; level < levels; level++)
        {
            var previous = "*l" + (level - 1).ToString(CultureInfo.InvariantCulture);
            bomb.Append(CultureInfo.InvariantCulture, $"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        document.SetText(document.Text.TrimEnd('\n') + "\n" + bomb);
        return $"an alias bomb of {levels} levels";
    }

    private static string? SecondDocument(FuzzDocument document, Random random)
    {
        var text = document.Text;
        var second = random.Pick(["---\nopenapi: 3.0.0\n", "---\n", "...\n", "--- |\n  text\n", "{}\n", "---\n- a\n"]);
        document.SetText(random.Chance(0.5) ? text.TrimEnd('\n') + "\n" + second : second + text);
        return $"'{FuzzText.Clip(second, 30)}' added as another document";
    }
}
