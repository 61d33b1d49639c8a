using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// Checks a sample against the schema it was made for, by the JSON Schema keywords a sample has to meet: type (and
/// <c>null</c>), <c>const</c>, <c>enum</c>, the formats WebhookGen types (uuid, date-time, date, uri, email, int32, int64),
/// <c>pattern</c>, lengths, ranges, <c>multipleOf</c>, items and their counts, <c>required</c>, the properties' schemas,
/// <c>allOf</c> (every part), <c>oneOf</c>/<c>anyOf</c> (some member; with a discriminator mapping, the member it names).
/// Not checked: <c>additionalProperties</c> (specs set it to false beside an <c>allOf</c> that adds properties) and
/// <c>oneOf</c>'s "exactly one".
/// </summary>
internal static class SampleValidator
{
    public static List<string> Validate(IOpenApiSchema schema, JsonNode? node)
    {
        var problems = new List<string>();
        Check(schema, node, "$", problems, 0);
        return problems;
    }

    private static void Check(IOpenApiSchema? schema, JsonNode? node, string path, List<string> problems, int depth)
    {
        var target = schema is OpenApiSchemaReference reference ? reference.Target : schema;
        if (target is null || depth > 64)
        {
            return;
        }

        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        if (kind == JsonValueKind.Null)
        {
            if (target.Type is { } declared && (declared & JsonSchemaType.Null) == 0)
            {
                problems.Add($"{path}: null, but the schema's type is {declared}");
            }

            return;
        }

        if (target.Type is { } type && !KindFits(type, node!, kind))
        {
            problems.Add($"{path}: {kind} {Short(node)}, but the schema's type is {type}");
            return;
        }

        if (target.Const is { } constant && !(kind == JsonValueKind.String ? node!.GetValue<string>() == constant : node!.ToJsonString() == constant))
        {
            problems.Add($"{path}: {Short(node)} is not the const {constant}");
        }

        if (target.Enum is { Count: > 0 } values && !values.Any(v => JsonNode.DeepEquals(v, node)))
        {
            problems.Add($"{path}: {Short(node)} is not one of the enum values");
        }

        switch (kind)
        {
            case JsonValueKind.String:
                CheckString(target, node!.GetValue<string>(), path, problems);
                break;
            case JsonValueKind.Number:
                CheckNumber(target, decimal.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture), path, problems);
                break;
            case JsonValueKind.Array:
                var array = node!.AsArray();
                if (target.MinItems is { } minItems && array.Count < minItems)
                {
                    problems.Add($"{path}: {array.Count} items, fewer than minItems {minItems}");
                }

                if (target.MaxItems is { } maxItems && array.Count > maxItems)
                {
                    problems.Add($"{path}: {array.Count} items, more than maxItems {maxItems}");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(target.Items, array[i], $"{path}[{i}]", problems, depth + 1);
                }

                break;
            case JsonValueKind.Object:
                var obj = node!.AsObject();
                foreach (var name in target.Required ?? new HashSet<string>())
                {
                    if (!obj.ContainsKey(name))
                    {
                        problems.Add($"{path}: the required member '{name}' is missing");
                    }
                }

                foreach (var (name, value) in obj)
                {
                    if (target.Properties?.TryGetValue(name, out var property) == true)
                    {
                        Check(property, value, $"{path}.{name}", problems, depth + 1);
                    }
                    else if (target.AdditionalProperties is { } additional && target.Properties is not { Count: > 0 })
                    {
                        Check(additional, value, $"{path}.{name}", problems, depth + 1);
                    }
                }

                break;
        }

        foreach (var part in target.AllOf ?? new List<IOpenApiSchema>())
        {
            Check(part, node, path, problems, depth + 1);
        }

        if ((target.OneOf ?? target.AnyOf) is { Count: > 0 } members)
        {
            CheckUnion(target, members, node!, path, problems, depth);
        }
    }

    private static void CheckUnion(IOpenApiSchema union, IList<IOpenApiSchema> members, JsonNode node, string path, List<string> problems, int depth)
    {
        if (union.Discriminator is { PropertyName: { } property, Mapping: { Count: > 0 } mapping }
            && node is JsonObject obj && obj[property]?.GetValueKind() == JsonValueKind.String)
        {
            var value = obj[property]!.GetValue<string>();
            if (mapping.TryGetValue(value, out var named))
            {
                Check(named, node, path, problems, depth + 1);
                return;
            }
        }

        var failures = new List<string>();
        foreach (var member in members)
        {
            var own = new List<string>();
            Check(member, node, path, own, depth + 1);
            if (own.Count == 0)
            {
                return;
            }

            failures.AddRange(own.Take(2));
        }

        problems.Add($"{path}: matches none of the {members.Count} union members ({string.Join("; ", failures.Take(4))})");
    }

    private static void CheckString(IOpenApiSchema schema, string text, string path, List<string> problems)
    {
        if (schema.MinLength is { } min && text.Length < min)
        {
            problems.Add($"{path}: '{text}' is shorter than minLength {min}");
        }

        if (schema.MaxLength is { } max && text.Length > max)
        {
            problems.Add($"{path}: '{text}' is longer than maxLength {max}");
        }

        if (schema.Pattern is { } pattern && !Matches(pattern, text))
        {
            problems.Add($"{path}: '{text}' does not match the pattern {pattern}");
        }

        var fits = schema.Format switch
        {
            "uuid" => Guid.TryParse(text, out _),
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "email" => text.Contains('@', StringComparison.Ordinal),
            "int32" => int.TryParse(text, CultureInfo.InvariantCulture, out _),
            "int64" => long.TryParse(text, CultureInfo.InvariantCulture, out _),
            _ => true,
        };
        if (!fits)
        {
            problems.Add($"{path}: '{text}' is not of the format {schema.Format}");
        }
    }

    private static void CheckNumber(IOpenApiSchema schema, decimal number, string path, List<string> problems)
    {
        if (Number(schema.Minimum) is { } min && number < min)
        {
            problems.Add($"{path}: {number} is below the minimum {min}");
        }

        if (Number(schema.ExclusiveMinimum) is { } exclusiveMin && number <= exclusiveMin)
        {
            problems.Add($"{path}: {number} is not above the exclusive minimum {exclusiveMin}");
        }

        if (Number(schema.Maximum) is { } max && number > max)
        {
            problems.Add($"{path}: {number} is above the maximum {max}");
        }

        if (Number(schema.ExclusiveMaximum) is { } exclusiveMax && number >= exclusiveMax)
        {
            problems.Add($"{path}: {number} is not below the exclusive maximum {exclusiveMax}");
        }

        if (Number(schema.MultipleOf) is { } multiple && multiple > 0 && number % multiple != 0)
        {
            problems.Add($"{path}: {number} is not a multiple of {multiple}");
        }

        if (schema.Format == "int32" && (number < int.MinValue || number > int.MaxValue))
        {
            problems.Add($"{path}: {number} is not an int32");
        }
    }

    private static bool KindFits(JsonSchemaType type, JsonNode node, JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number)
            || (type.HasFlag(JsonSchemaType.Integer) && decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == decimal.Truncate(n)),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
        _ => true,
    };

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static decimal? Number(object? value) =>
        value is not null && decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
