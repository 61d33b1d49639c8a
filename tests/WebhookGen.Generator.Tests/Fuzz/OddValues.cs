using System.Collections.Generic;
using System.Linq;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>The odd values mutators put into documents.</summary>
internal static class OddValues
{
    /// <summary>YAML scalars as written: the core schema's corners, YAML 1.1's, tags, anchors, flow collections.</summary>
    public static IReadOnlyList<string> YamlScalars { get; } =
    [
        "~", "null", "Null", "NULL", ".nan", ".NaN", ".inf", "-.inf", "+.inf", "-0", "+0", "0.", "-0.0", "1e999", "-1e999", "1E-400",
        "1_000", "0x1F", "0o17", "0b101", "017", "1:20", "yes", "No", "on", "OFF", "y", "n", "True", "FALSE",
        "2001-12-14t21:59:43.10-05:00", "2002-12-14", "\"\"", "''", "\" \"", "!!str 123", "!!int \"12\"", "!!float abc",
        "!!binary aGVsbG8=", "!!null ''", "!custom x", "!!map {}", "!!seq []", "!!bool maybe", "&fuzzanchor x", "*fuzzundefined",
        "[]", "{}", "[~]", "{a: }", "[a, [b, [c]]]", "{? complex : key}", "\"\\0\"", "\"\\u202E\"", "\"\\U0001F600\"", "\"\\x41\"",
        "\"\\_\"", "\"\\N\"", "\"\\L\"", "\"\\P\"", "\"\\ud800\"", "'it''s'", "123456789012345678901234567890", "9223372036854775808",
        "-9223372036854775809", "1.7976931348623157e309", "4.9e-325", "- a", "? a", "%TAG", "@reserved", "`reserved", "| literal",
        "> folded", "\"unterminated", "'unterminated", "a: b: c", "#", "- - -", "--- ", "...",
    ];

    /// <summary>JSON values as written, including a few JSON does not allow (those must be WHG003).</summary>
    public static IReadOnlyList<string> JsonScalars { get; } =
    [
        "-0", "-0.0", "0e0", "1e999", "-1e999", "1E-400", "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809",
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202e\"", "\"\\ufeff\"", "null", "true", "false",
        "[]", "{}", "[null]", "[[[]]]", "{\"\": null}", "0.1e1", "1.0", "\"\\/\"",
        "NaN", "Infinity", "-Infinity", "undefined", "'single'", "01", "+1", ".5", "0x10",
    ];

    /// <summary>Strings that are hard to carry into C#: into identifiers, literals, XML doc comments, routes.</summary>
    public static IReadOnlyList<string> Strings { get; } =
    [
        "", " ", "\t", "\n", "\r\n", "a\nb\nc", "\u202Eevil\u202C", "\u0000", "nul\u0000byte", "é", "Ωmega", "日本語", "🎉", "\uFEFFbom", "\u2028", "\u0085",
        "*/", "/*", "//", "\"", "\\", "\"\"\"", "{0}", "{{", "}}", "{", "}", "<summary>", "</summary>", "<![CDATA[", "]]>", "&amp;", "&", "<", ">", "<br>",
        "<see cref=\"x\"/>", "#pragma warning disable", "#if DEBUG", "#region", "\\u0041", "@", "@class", "`", "$", "$\"{x}\"", "global::",
        "System.String", "__arglist", "%00", "../..", "C:\\", "%s%n", "${x}", "'", "''", "--", "-", "_", "0", "-1", "1.5", "true", "null",
        "class", "namespace", "Value", "Equals", "a b", "a-b", "a.b", "A_B", "a__b", "_a", "a_", "1a", "\u0301", "\u200B", "\u200D",
        new string('x', 600), new string('é', 300), string.Concat(Enumerable.Repeat("ab🎉", 200)),
    ];

    /// <summary>Names to give keys: C# keywords, names the generated code uses, names no identifier can be.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "class", "namespace", "event", "object", "string", "int", "default", "return", "this", "base", "new", "params", "operator",
        "record", "required", "init", "value", "Value", "IsDefined", "Unknown", "Equals", "GetHashCode", "ToString", "GetType",
        "EqualityContract", "Deconstruct", "<Clone>$", "PrintMembers", "_", "__", "___", "@class", "@", "1", "123abc", "0x10", "-", "--",
        "a-b", "a.b", "a b", "a/b", "a~b", "", " ", "\t", "é", "Ωmega", "日本", "🎉", "\u202Eabc", "a\u0000b", "System", "global",
        "Fuzz", "FuzzReceiver", "FuzzReceiverWebhooks", "FuzzReceiverJsonContext", "WebhookGen", "JsonElement", "JsonSerializer",
        "Task", "ValueTask", "CancellationToken", "WebhookContext", "WebhookResult", "Microsoft", "payload", "context",
        "cancellationToken", "reader", "writer", "options", "Item", "Items", "Count", "Default", "Read", "Write", "Create",
        "Instance", "Options", "Utf8JsonReader", "Kind", "Raw", "Type", "Name", "$ref", "$type", "__proto__", "null", "true",
        new string('N', 600), "a" + new string('\u0301', 40), "ŉ", "ǅ", "ß", "İ", "ı",
    ];
}
