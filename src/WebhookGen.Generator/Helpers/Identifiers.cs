using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookGen.Generator.Helpers;

/// <summary>
/// Turns names from a spec into valid, idiomatic C# identifiers; the wire names stay untouched elsewhere. The rules are
/// documented in docs/naming.md:
/// <list type="number">
/// <item>Words split at anything that is not a letter or a digit; each word starts upper-case; an all-caps word is
/// capitalised (<c>HEAT_PUMP</c> → <c>HeatPump</c>), a camelCase word keeps its humps (<c>applianceID</c> → <c>ApplianceID</c>).</item>
/// <item>Two numbers in a row keep a separator: <c>2.0</c> → <c>_2_0</c>, <c>v1.10</c> → <c>V1_10</c>.</item>
/// <item>A name that starts with a digit gets a leading underscore (<c>2fa</c> → <c>_2fa</c>); a sign before a leading
/// digit is spelled (<c>-1</c> → <c>Minus1</c>, <c>+1</c> → <c>Plus1</c>).</item>
/// <item>A name with no letter or digit is spelled (<c>*</c> → <c>Asterisk</c>, <c>&gt;=</c> → <c>GreaterThanEquals</c>,
/// <c>€</c> → <c>U20AC</c>); the empty name is <c>Empty</c>.</item>
/// <item>A name taken by a member the generated type already has gets the suffix <c>Value</c> (<c>ToString</c> →
/// <c>ToStringValue</c>); so does a member named like its type.</item>
/// <item>A name still taken gets the lowest number from 2 that frees it (<c>Id</c>, <c>Id2</c>); after a digit, with an
/// underscore (<c>V1</c>, <c>V1_2</c>).</item>
/// </list>
/// </summary>
internal static class Identifiers
{
    /// <summary>What every class or struct inherits from <see cref="object"/>: a member of that name hides one (CS0108/CS0114).</summary>
    private static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    // Static fields initialize in text order: these must precede the sets built from them.
    private static readonly string[] GeneratedAliases = ["WebhookJson", "WebhookJsonWriter", "JsonTokenType", "JsonPropertyName"];

    /// <summary>Members a generated record has besides its properties.</summary>
    public static ISet<string> RecordMembers { get; } = Set(ObjectMembers, "EqualityContract", "PrintMembers", "Deconstruct", "Clone");

    /// <summary>Members a generated open enum has besides its values.</summary>
    public static ISet<string> EnumMembers { get; } = Set(ObjectMembers, "Value", "Values", "IsDefined");

    /// <summary>
    /// Names a record cannot have: members the compiler declares in every record (CS0542), and the using aliases of the
    /// JSON context's file (<c>Emit/JsonContextAliases.cs</c>) and of a record's file (<c>JsonPropertyName</c>), which a type
    /// of the same name would hide.
    /// </summary>
    public static ISet<string> RecordTypeNames { get; } = Set(GeneratedAliases, "Equals", "GetHashCode", "ToString", "PrintMembers", "EqualityContract");

    /// <summary>Names an open enum cannot have: members it declares, and the generated files' using aliases.</summary>
    public static ISet<string> EnumTypeNames { get; } = Set(GeneratedAliases, "Equals", "GetHashCode", "ToString", "Value", "Values", "IsDefined");

    /// <summary>Members a generated JSON context has besides one metadata property per type.</summary>
    public static ISet<string> JsonContextMembers { get; } = Set(ObjectMembers, "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Create");

    /// <summary>
    /// Whether a generated <c>{Receiver}Webhooks</c> has a member of this name besides one descriptor per event: its
    /// <c>Receiver</c>, a shared route's descriptor (<c>SharedRoute</c>, <c>SharedRoute2</c>, …) or a member of <see cref="object"/>.
    /// </summary>
    public static bool IsWebhooksMember(string name) =>
        name == "Receiver"
        || Array.IndexOf(ObjectMembers, name) >= 0
        || (name.StartsWith("SharedRoute", StringComparison.Ordinal) && name.Substring("SharedRoute".Length).All(char.IsDigit));

    /// <summary>
    /// PascalCase from any name: see the class remarks. Never a keyword, never empty, always a valid identifier.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        if (name.Length == 0)
        {
            return "Empty";
        }

        var builder = new StringBuilder(name.Length);
        var word = new StringBuilder();
        var start = 0;

        // A sign before a number is part of the value: -1 and 1 must not become the same name.
        if (name.Length > 1 && name[0] is '-' or '+' && char.IsDigit(name[1]))
        {
            builder.Append(name[0] == '-' ? "Minus" : "Plus");
            start = 1;
        }

        for (var i = start; i < name.Length; i++)
        {
            var c = name[i];
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
            return SpellSymbols(name);
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var result = builder.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }

    /// <summary>
    /// A name made of a type's name and a name from the spec, for what stands inside the type: <c>ApplianceEventData</c>
    /// and <c>kind</c> → <c>ApplianceEventDataKind</c>; <c>Foo</c> and <c>2fa</c> → <c>Foo2fa</c> (no underscore is needed
    /// after the prefix).
    /// </summary>
    public static string Join(string prefix, string name)
    {
        var pascal = ToPascalCase(name).TrimStart('@');
        if (prefix.Length == 0)
        {
            return pascal;
        }

        // Foo + _2fa → Foo2fa; but Foo1 + _2 → Foo1_2 keeps the numbers apart.
        if (pascal.Length > 1 && pascal[0] == '_' && char.IsDigit(pascal[1]) && !char.IsDigit(prefix[prefix.Length - 1]))
        {
            pascal = pascal.Substring(1);
        }

        return prefix + pascal;
    }

    /// <summary>
    /// The name of a member of a generated type: <paramref name="name"/> in PascalCase, with the suffix <c>Value</c> when a
    /// member the type already has (<paramref name="reserved"/>) or the type itself (<paramref name="typeName"/>) has that
    /// name, then made unique among <paramref name="used"/>.
    /// </summary>
    public static string MemberName(string name, string typeName, ISet<string> reserved, ISet<string> used) =>
        MakeUnique(Unreserved(ToPascalCase(name), typeName, reserved), used);

    /// <summary><paramref name="identifier"/>, or with the suffix <c>Value</c> when it is reserved or the type's own name.</summary>
    public static string Unreserved(string identifier, string typeName, ISet<string> reserved) =>
        string.Equals(identifier, typeName, StringComparison.Ordinal) || reserved.Contains(identifier) ? identifier + "Value" : identifier;

    /// <summary>
    /// <paramref name="name"/>, or <paramref name="name"/> with the lowest number from 2 up that makes it unused (after an
    /// underscore when the name ends with a digit: <c>V1_2</c>, not <c>V12</c>); then marks it used.
    /// </summary>
    public static string MakeUnique(string name, ISet<string> used)
    {
        var separator = name.Length > 0 && char.IsDigit(name[name.Length - 1]) ? "_" : string.Empty;
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + separator + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>
    /// Why <paramref name="identifier"/>, the C# name given to <paramref name="specName"/>, differs from it beyond
    /// PascalCasing (a symbol spelled, an underscore before a digit, a suffix); null when casing and separators are all
    /// that changed. <paramref name="preferred"/> is the name before any suffix; <paramref name="specName"/> is null for
    /// a name made by WebhookGen (an inline type named from where it stands), which can only have gained a suffix.
    /// </summary>
    public static string? WhyRenamed(string? specName, string preferred, string identifier)
    {
        var reasons = new List<string>(2);
        if (specName is not null)
        {
            if (specName.Length == 0)
            {
                reasons.Add("the empty name is spelled Empty");
            }
            else if (!specName.Any(IsIdentifierPart))
            {
                reasons.Add("it has no letter or digit, so its symbols are spelled out");
            }
            else if (specName.Length > 1 && specName[0] is '-' or '+' && char.IsDigit(specName[1]))
            {
                reasons.Add("its sign is spelled out so that it stays apart from the unsigned value");
            }
            else if (preferred.Length > 1 && preferred[0] == '_' && char.IsDigit(preferred[1]))
            {
                reasons.Add("a C# name cannot start with a digit");
            }
        }

        if (identifier.StartsWith(preferred, StringComparison.Ordinal) && identifier.Length > preferred.Length)
        {
            var suffix = identifier.Substring(preferred.Length);
            if (suffix.StartsWith("Value", StringComparison.Ordinal))
            {
                reasons.Add("'" + preferred + "' is the name of the type itself or of a member it always has");
                suffix = suffix.Substring("Value".Length);
            }

            if (suffix.Length > 0)
            {
                reasons.Add("'" + identifier.Substring(0, identifier.Length - suffix.Length) + "' is already taken by another name here");
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static void AppendWord(StringBuilder builder, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();

        // 2.0 → _2_0: two numbers in a row would otherwise read as one (20).
        if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(text[0]))
        {
            builder.Append('_');
        }

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

    /// <summary>A name of symbols only, spelled word by word: <c>&gt;=</c> → <c>GreaterThanEquals</c>, <c>€</c> → <c>U20AC</c>.</summary>
    private static string SpellSymbols(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                builder.Append('U').Append(char.ConvertToUtf32(c, name[i + 1]).ToString("X4", CultureInfo.InvariantCulture));
                i++;
                continue;
            }

            builder.Append(SymbolName(c));
        }

        return builder.ToString();
    }

    private static string SymbolName(char c) => c switch
    {
        ' ' => "Space",
        '!' => "Exclamation",
        '"' => "Quote",
        '#' => "Hash",
        '$' => "Dollar",
        '%' => "Percent",
        '&' => "And",
        '\'' => "Apostrophe",
        '(' => "OpenParenthesis",
        ')' => "CloseParenthesis",
        '*' => "Asterisk",
        '+' => "Plus",
        ',' => "Comma",
        '-' => "Minus",
        '.' => "Dot",
        '/' => "Slash",
        ':' => "Colon",
        ';' => "Semicolon",
        '<' => "LessThan",
        '=' => "Equals",
        '>' => "GreaterThan",
        '?' => "Question",
        '@' => "At",
        '[' => "OpenBracket",
        '\\' => "Backslash",
        ']' => "CloseBracket",
        '^' => "Caret",
        '_' => "Underscore",
        '`' => "Backtick",
        '{' => "OpenBrace",
        '|' => "Pipe",
        '}' => "CloseBrace",
        '~' => "Tilde",
        _ => "U" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c);

    private static ISet<string> Set(string[] common, params string[] more)
    {
        var set = new HashSet<string>(common, StringComparer.Ordinal);
        set.UnionWith(more);
        return set;
    }
}
