using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Gives a YAML scalar its JSON value by the YAML 1.2 core schema: quoted and block scalars are strings; a plain
/// scalar is null, a bool, an integer or a float when it is written as one, otherwise a string; the tags !!str,
/// !!null, !!bool, !!int and !!float force their type.
/// </summary>
/// <remarks>
/// Numbers become <see cref="JsonValue"/>s over a <see cref="JsonElement"/> holding the JSON spelling of the
/// literal, like the values <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/> makes: no
/// digit is lost (12345678901234567890 stays exact, 1.10 stays 1.10) and every numeric <c>GetValue&lt;T&gt;</c> works.
/// .inf and .nan have no JSON form and stay strings.
/// </remarks>
internal sealed class YamlScalarResolver
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string NullTag = "tag:yaml.org,2002:null";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";

    private readonly Dictionary<string, JsonElement> _numbers = new Dictionary<string, JsonElement>(System.StringComparer.Ordinal);

    /// <summary>The value of <paramref name="scalar"/> (null for YAML null), or false with the reason it has none.</summary>
    public bool TryResolve(Scalar scalar, out JsonNode? value, out string? error)
    {
        error = null;
        string text = scalar.Value;
        TagName tag = scalar.Tag;
        if (tag.IsEmpty)
        {
            value = scalar.Style == ScalarStyle.Plain ? ResolvePlain(text) : JsonValue.Create(text);
            return true;
        }

        if (tag.IsNonSpecific)
        {
            // The non-specific tag "!" marks a scalar as a string.
            value = JsonValue.Create(text);
            return true;
        }

        switch (tag.Value)
        {
            case NullTag:
                value = null;
                return true;
            case BoolTag:
                if (TryParseBool(text, out bool flag))
                {
                    value = JsonValue.Create(flag);
                    return true;
                }

                break;
            case IntTag:
                if (TryGetIntegerLiteral(text, out string? integer))
                {
                    value = CreateNumber(integer);
                    return true;
                }

                break;
            case FloatTag:
                if (TryGetIntegerLiteral(text, out string? number) || TryGetFloatLiteral(text, out number))
                {
                    value = CreateNumber(number);
                    return true;
                }

                if (IsInfinityOrNaN(text))
                {
                    value = JsonValue.Create(text);
                    return true;
                }

                break;
            default:
                // !!str, and tags outside the core schema (which JSON cannot carry): the text as written.
                value = JsonValue.Create(text);
                return true;
        }

        value = null;
        error = $"The value '{Shorten(text)}' is not a valid {ShortTag(tag.Value)}.";
        return false;
    }

    /// <summary>The value of an untagged plain scalar.</summary>
    internal JsonNode? ResolvePlain(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        char first = text[0];
        switch (first)
        {
            case '~':
            case 'n':
            case 'N':
                return IsNull(text) ? null : JsonValue.Create(text);
            case 't':
            case 'T':
            case 'f':
            case 'F':
                return TryParseBool(text, out bool flag) ? JsonValue.Create(flag) : JsonValue.Create(text);
            case '.':
            case '+':
            case '-':
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                if (TryGetIntegerLiteral(text, out string? number) || TryGetFloatLiteral(text, out number))
                {
                    return CreateNumber(number);
                }

                // .inf and .nan included: JSON has no way to write them.
                return JsonValue.Create(text);
            default:
                return JsonValue.Create(text);
        }
    }

    private static bool IsNull(string text) =>
        text == "~" || text == "null" || text == "Null" || text == "NULL";

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true":
            case "True":
            case "TRUE":
                value = true;
                return true;
            case "false":
            case "False":
            case "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool IsInfinityOrNaN(string text)
    {
        int start = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
        string rest = text.Substring(start);
        return rest == ".inf" || rest == ".Inf" || rest == ".INF"
            || (start == 0 && (rest == ".nan" || rest == ".NaN" || rest == ".NAN"));
    }

    /// <summary>
    /// Integers of the core schema: <c>[-+]?[0-9]+</c>, <c>0o[0-7]+</c>, <c>0x[0-9a-fA-F]+</c>; the JSON spelling
    /// (decimal, no '+', no leading zeros) goes out.
    /// </summary>
    internal static bool TryGetIntegerLiteral(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? literal)
    {
        literal = null;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'x'))
        {
            int radix = text[1] == 'o' ? 8 : 16;
            BigInteger result = BigInteger.Zero;
            for (int i = 2; i < text.Length; i++)
            {
                int digit = DigitValue(text[i]);
                if (digit < 0 || digit >= radix)
                {
                    return false;
                }

                result = (result * radix) + digit;
            }

            literal = result.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        int start = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (int i = start; i < text.Length; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }
        }

        int firstSignificant = start;
        while (firstSignificant < text.Length - 1 && text[firstSignificant] == '0')
        {
            firstSignificant++;
        }

        string digits = text.Substring(firstSignificant);
        literal = text[0] == '-' ? "-" + digits : digits;
        return true;
    }

    /// <summary>
    /// Floats of the core schema: <c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>; the JSON spelling
    /// ("0.5" for ".5", "1" for "1.", no '+', no leading zeros) goes out.
    /// </summary>
    internal static bool TryGetFloatLiteral(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? literal)
    {
        literal = null;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        int integerStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        int integerEnd = i;
        int fractionStart = i;
        int fractionEnd = i;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            fractionEnd = i;
        }

        bool hasInteger = integerEnd > integerStart;
        bool hasFraction = fractionEnd > fractionStart;
        if (!hasInteger && !hasFraction)
        {
            return false;
        }

        int exponentStart = -1;
        int exponentEnd = -1;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            exponentStart = i;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            int exponentDigits = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            if (i == exponentDigits)
            {
                return false;
            }

            exponentEnd = i;
        }

        if (i != text.Length)
        {
            return false;
        }

        var builder = new StringBuilder(text.Length + 2);
        if (negative)
        {
            builder.Append('-');
        }

        int significant = integerStart;
        while (significant < integerEnd - 1 && text[significant] == '0')
        {
            significant++;
        }

        if (hasInteger)
        {
            builder.Append(text, significant, integerEnd - significant);
        }
        else
        {
            builder.Append('0');
        }

        if (hasFraction)
        {
            builder.Append('.').Append(text, fractionStart, fractionEnd - fractionStart);
        }

        if (exponentStart >= 0)
        {
            builder.Append('e').Append(text, exponentStart, exponentEnd - exponentStart);
        }

        literal = builder.ToString();
        return true;
    }

    private JsonValue CreateNumber(string jsonLiteral)
    {
        if (!_numbers.TryGetValue(jsonLiteral, out JsonElement element))
        {
            using (JsonDocument document = JsonDocument.Parse(jsonLiteral))
            {
                element = document.RootElement.Clone();
            }

            _numbers[jsonLiteral] = element;
        }

        return JsonValue.Create(element)!;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static int DigitValue(char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }

        if (c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }

        if (c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }

        return -1;
    }

    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", System.StringComparison.Ordinal) ? "!!" + tag.Substring("tag:yaml.org,2002:".Length) : tag;

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
