using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookGen.Generator.Helpers;

/// <summary>Turns names from a spec into valid, idiomatic C# identifiers; the wire names stay untouched elsewhere.</summary>
internal static class Identifiers
{
    /// <summary>
    /// PascalCase from any name: words split at anything that is not a letter or digit, an all-caps word is
    /// capitalised (<c>HEAT_PUMP</c> → <c>HeatPump</c>), a camelCase word keeps its humps (<c>applianceID</c> → <c>ApplianceID</c>).
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (IsIdentifierPart(c))
            {
                word.Append(c);
            }
            else
            {
                AppendWord(builder, word);
            }
        }

        AppendWord(builder, word);
        if (builder.Length == 0)
        {
            return "Value";
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var result = builder.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }

    /// <summary><paramref name="name"/>, or <paramref name="name"/> with the lowest number from 2 up that makes it unused; then marks it used.</summary>
    public static string MakeUnique(string name, ISet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static void AppendWord(StringBuilder builder, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        if (text.Length > 1 && IsAllUpper(text))
        {
            builder.Append(text[0]).Append(text.Substring(1).ToLowerInvariant());
        }
        else
        {
            builder.Append(char.ToUpperInvariant(text[0])).Append(text, 1, text.Length - 1);
        }
    }

    private static bool IsAllUpper(string text)
    {
        var sawLetter = false;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                sawLetter = true;
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return sawLetter;
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c);
}
