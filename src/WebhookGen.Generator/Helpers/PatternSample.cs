using System;
using System.Text;
using System.Text.RegularExpressions;

namespace WebhookGen.Generator.Helpers;

/// <summary>
/// A string that matches a simple regular expression, as a spec writes them for ids and codes (<c>^evt_[a-zA-Z0-9]{8,}$</c>,
/// <c>^[A-Z]{3}$</c>, <c>^(ach|wire)$</c>): literals, escapes, classes, groups with alternatives (the first is taken) and
/// quantifiers (their least count, at least one for <c>+</c>). Null for anything else (lookarounds, back references), or
/// when what it makes does not match after all.
/// </summary>
internal static class PatternSample
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest sample written; a pattern that needs more gets none.</summary>
    private const int MaxLength = 4096;

    public static string? For(string pattern)
    {
        var text = new StringBuilder();
        var position = 0;
        if (!Sequence(pattern, ref position, text) || position != pattern.Length)
        {
            return null;
        }

        var sample = text.ToString();
        return Matches(pattern, sample) ? sample : null;
    }

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/>; true when the pattern cannot be run here.</summary>
    public static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException)
        {
            // An ECMA 262 pattern .NET does not read: nothing to check it by.
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>Alternatives: the first is written, the rest skipped.</summary>
    private static bool Sequence(string pattern, ref int position, StringBuilder text)
    {
        var first = true;
        while (position < pattern.Length && pattern[position] != ')')
        {
            if (pattern[position] == '|')
            {
                first = false;
                position++;
                continue;
            }

            var atom = new StringBuilder();
            if (!Atom(pattern, ref position, atom))
            {
                return false;
            }

            var (min, ok) = Quantifier(pattern, ref position);
            if (!ok)
            {
                return false;
            }

            if (first && text.Length + (atom.Length * (long)min) > MaxLength)
            {
                return false;
            }

            if (first)
            {
                for (var i = 0; i < min; i++)
                {
                    text.Append(atom);
                }
            }
        }

        return true;
    }

    private static bool Atom(string pattern, ref int position, StringBuilder atom)
    {
        var c = pattern[position++];
        switch (c)
        {
            case '^' or '$':
                return true;
            case '(':
                if (position < pattern.Length && pattern[position] == '?')
                {
                    // (?:...) is a plain group; a lookahead is skipped (the match at the end checks it); others are not written.
                    if (position + 1 < pattern.Length && pattern[position + 1] == ':')
                    {
                        position += 2;
                    }
                    else if (position + 1 < pattern.Length && pattern[position + 1] is '=' or '!')
                    {
                        position += 2;
                        if (!Sequence(pattern, ref position, new StringBuilder()) || position >= pattern.Length)
                        {
                            return false;
                        }

                        position++;
                        return true;
                    }
                    else
                    {
                        return false;
                    }
                }

                if (!Sequence(pattern, ref position, atom) || position >= pattern.Length)
                {
                    return false;
                }

                position++;
                return true;
            case '[':
                return Class(pattern, ref position, atom);
            case '\\':
                return position < pattern.Length && Escape(pattern[position++], atom);
            case '.':
                atom.Append('a');
                return true;
            case '*' or '+' or '?' or '{' or '|' or ')':
                return false;
            default:
                atom.Append(c);
                return true;
        }
    }

    /// <summary>A character class: its first member (<c>[a-z0-9_]</c> → <c>a</c>); a negated class is not written.</summary>
    private static bool Class(string pattern, ref int position, StringBuilder atom)
    {
        if (position >= pattern.Length || pattern[position] == '^')
        {
            return false;
        }

        var end = position;
        while (end < pattern.Length && (pattern[end] != ']' || end == position))
        {
            end += pattern[end] == '\\' ? 2 : 1;
        }

        if (end >= pattern.Length)
        {
            return false;
        }

        var first = pattern[position];
        var ok = true;
        if (first == '\\')
        {
            ok = Escape(pattern[position + 1], atom);
        }
        else
        {
            atom.Append(first);
        }

        position = end + 1;
        return ok;
    }

    private static bool Escape(char c, StringBuilder atom)
    {
        switch (c)
        {
            case 'd':
                atom.Append('1');
                return true;
            case 'w':
                atom.Append('a');
                return true;
            case 's':
                atom.Append(' ');
                return true;
            case 'D' or 'W' or 'S' or 'b' or 'B' or 'p' or 'P' or 'u' or 'x':
                return false;
            default:
                if (char.IsDigit(c))
                {
                    return false;
                }

                atom.Append(c);
                return true;
        }
    }

    /// <summary>The least count of a quantifier after an atom (1 when there is none; at least 1 for <c>*</c> and <c>?</c> too, so that a value is not empty).</summary>
    private static (int Min, bool Ok) Quantifier(string pattern, ref int position)
    {
        if (position >= pattern.Length)
        {
            return (1, true);
        }

        int min;
        switch (pattern[position])
        {
            case '*' or '+' or '?':
                position++;
                min = 1;
                break;
            case '{':
                var close = pattern.IndexOf('}', position);
                if (close < 0)
                {
                    return (0, false);
                }

                var counts = pattern.Substring(position + 1, close - position - 1).Split(',');
                if (!int.TryParse(counts[0], out min) || min > 1000)
                {
                    return (0, false);
                }

                position = close + 1;
                break;
            default:
                return (1, true);
        }

        // A lazy or possessive mark after the quantifier changes nothing here.
        if (position < pattern.Length && pattern[position] is '?' or '+')
        {
            position++;
        }

        return (min, true);
    }
}
