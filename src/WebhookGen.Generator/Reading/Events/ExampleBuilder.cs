using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// A valid sample of an event's payload, as JSON, for the test kit's <c>{Receiver}Examples</c>: every required property,
/// and the optional ones near the top. A scalar is the spec's own <c>example</c>, <c>examples</c> or <c>default</c> where
/// that is valid for the schema (kind, format, enum, pattern, length, range), else its <c>const</c> or first <c>enum</c>
/// value, else a value made to fit: a placeholder of its format, a string that matches its pattern, a length or number
/// within its bounds. An <c>allOf</c> of scalars is one scalar with the constraints of all its parts. A union takes its
/// first member that is not <c>null</c>, or with a discriminator mapping its first mapped member, with the discriminator
/// set. A value the schema pins the event by (a discriminator) is set to the event's own.
/// </summary>
internal static class ExampleBuilder
{
    /// <summary>How deep a required property is still filled in: deeper than any real payload, bounded for a cycle.</summary>
    private const int MaxDepth = 24;

    /// <summary>How deep an optional property is filled in, so that a large schema gives a sample of reasonable size.</summary>
    private const int OptionalDepth = 4;

    /// <summary>The longest string a <c>minLength</c> makes a sample pad to.</summary>
    private const int MaxStringLength = 4096;

    /// <summary>The most items an array's <c>minItems</c> makes a sample repeat.</summary>
    private const int MaxItems = 16;

    public static string? Build(IOpenApiSchema schema, string? pinnedProperty, string? pinnedValue)
    {
        var node = Value(schema, 0, new HashSet<IOpenApiSchema>());
        if (node is JsonObject obj && pinnedProperty is not null && pinnedValue is not null)
        {
            obj[pinnedProperty] = pinnedValue;
        }

        return node?.ToJsonString();
    }

    private static JsonNode? Value(IOpenApiSchema? schema, int depth, HashSet<IOpenApiSchema> visiting)
    {
        var target = schema is null ? null : SchemaFacts.Target(schema);
        if (target is null || depth > MaxDepth || !visiting.Add(target))
        {
            return null;
        }

        try
        {
            // A value that can only be null is left out, or written as null where it is required.
            if (SchemaFacts.IsNullSchema(target) || (target.Enum is { Count: > 0 } only && only.All(SchemaFacts.IsNull)))
            {
                return null;
            }

            // allOf: [{$ref: X}, {nullable: true}] is X.
            if (!HasOwnConstraints(target) && target.AllOf is { Count: > 0 } parts && parts.Where(p => !IsTrivial(p)).ToList() is [var alias])
            {
                visiting.Remove(target);
                var value = Value(alias, depth + 1, visiting);
                visiting.Add(target);
                return value;
            }

            var facts = ScalarFacts.Of(target);
            if (facts.Const is { } constant)
            {
                return facts.Typed(constant);
            }

            if (facts.Enum?.FirstOrDefault(v => !SchemaFacts.IsNull(v)) is { } first)
            {
                return first.DeepClone();
            }

            // A oneOf/anyOf beside the schema's own properties only constrains them (which are required); else it is the value.
            if (!HasProperties(target) && (target.OneOf ?? target.AnyOf) is { Count: > 0 } alternatives)
            {
                return Alternative(target, alternatives, depth, visiting);
            }

            // A base schema with a discriminator mapping is read as the member its discriminator names: the first mapped one.
            if (SchemaFacts.HasDiscriminatorMapping(target) && MappedMember(target) is { } mapped)
            {
                visiting.Remove(target);
                var member = Value(mapped.Schema, depth + 1, visiting);
                visiting.Add(target);
                return Discriminated(member, target.Discriminator!.PropertyName!, mapped.Value);
            }

            // A declared `type: array` wins over stray `properties` beside it (Vonage writes both).
            var declaredArray = facts.Type.HasFlag(JsonSchemaType.Array) && !facts.Type.HasFlag(JsonSchemaType.Object);
            if (!declaredArray && (facts.Type.HasFlag(JsonSchemaType.Object) || HasProperties(target)))
            {
                var obj = new JsonObject();
                AddProperties(target, obj, depth, visiting, new HashSet<IOpenApiSchema> { target });
                if (obj.Count == 0 && (target.MinProperties ?? 0) > 0 && target.AdditionalProperties is { } values)
                {
                    obj["key"] = Value(values, depth + 1, visiting) ?? JsonValue.Create("string");
                }

                return obj;
            }

            if (facts.Type.HasFlag(JsonSchemaType.Array))
            {
                var array = new JsonArray();
                if (Value(target.Items, depth + 1, visiting) is { } item)
                {
                    var count = Math.Min(Math.Max(target.MinItems ?? 1, 1), MaxItems);
                    for (var i = 0; i < count && (target.MaxItems is not { } max || i < max); i++)
                    {
                        array.Add(item.DeepClone());
                    }
                }

                return array;
            }

            return Scalar(facts);
        }
        finally
        {
            visiting.Remove(target);
        }
    }

    /// <summary>Whether the schema is an object by its properties or those of an <c>allOf</c> part.</summary>
    private static bool HasProperties(IOpenApiSchema schema) => HasProperties(schema, new HashSet<IOpenApiSchema>());

    private static bool HasProperties(IOpenApiSchema schema, HashSet<IOpenApiSchema> seen) =>
        seen.Add(schema)
        && (schema.Properties is { Count: > 0 }
            || (schema.AllOf ?? new List<IOpenApiSchema>()).Any(p => SchemaFacts.Target(p) is { } part
                && (part.Properties is { Count: > 0 } || SchemaFacts.NonNullType(part).HasFlag(JsonSchemaType.Object) || (part.AllOf is { Count: > 0 } && HasProperties(part, seen)))));

    /// <summary>Whether the schema says anything of its own beside its <c>allOf</c>.</summary>
    private static bool HasOwnConstraints(IOpenApiSchema schema) =>
        SchemaFacts.NonNullType(schema) != 0 || schema.Properties is { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 }
        || schema.Items is not null || schema.Enum is { Count: > 0 } || schema.Const is not null || schema.Format is not null
        || schema.Pattern is not null || schema.Discriminator is not null || schema.Required is { Count: > 0 };

    /// <summary>An <c>allOf</c> part that constrains nothing a sample has to meet (a description, <c>nullable: true</c>).</summary>
    private static bool IsTrivial(IOpenApiSchema part) =>
        part is not OpenApiSchemaReference && !HasOwnConstraints(part) && part.AllOf is not { Count: > 0 } && part.AdditionalProperties is null;

    /// <summary>A union's sample: its first mapped member with a discriminator mapping, else its first member that is not null.</summary>
    private static JsonNode? Alternative(IOpenApiSchema union, IList<IOpenApiSchema> alternatives, int depth, HashSet<IOpenApiSchema> visiting)
    {
        if (SchemaFacts.HasDiscriminator(union))
        {
            var property = union.Discriminator!.PropertyName!;
            if (MappedMember(union) is { } mapped)
            {
                return Discriminated(Value(mapped.Schema, depth + 1, visiting), property, mapped.Value);
            }

            // Without a mapping, a member is named by the value its own schema pins, else by its component name.
            foreach (var member in alternatives.Where(a => !SchemaFacts.IsNullSchema(SchemaFacts.Target(a) ?? a)))
            {
                if (Value(member, depth + 1, visiting) is { } value)
                {
                    return PinnedValue(member, property, new HashSet<IOpenApiSchema>()) is not null
                        ? value
                        : Discriminated(value, property, member is OpenApiSchemaReference reference ? SchemaFacts.ReferenceId(reference) : null);
                }
            }
        }

        // The first alternative that is not null (anyOf: [null, $ref]), of the union's own type if it gives one, and can be
        // made (not a cycle); a placeholder of no type reads as a string.
        var type = SchemaFacts.NonNullType(union);
        var candidates = alternatives.Where(a => !SchemaFacts.IsNullSchema(SchemaFacts.Target(a) ?? a))
            .OrderBy(a => type == 0 || SchemaFacts.NonNullType(SchemaFacts.Target(a) ?? a) is var own && (own == 0 || (own & type) != 0) ? 0 : 1);
        foreach (var alternative in candidates)
        {
            if (Value(alternative, depth + 1, visiting) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The first entry of the schema's discriminator mapping whose member is not the schema itself.</summary>
    private static (string Value, IOpenApiSchema Schema)? MappedMember(IOpenApiSchema schema)
    {
        foreach (var entry in schema.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            if (entry.Value is { } reference && SchemaFacts.Target(reference) is { } member && !ReferenceEquals(member, schema))
            {
                return (entry.Key, reference);
            }
        }

        return null;
    }

    /// <summary>The one string a member's schema (or an <c>allOf</c> part of it) allows for <paramref name="property"/>.</summary>
    private static string? PinnedValue(IOpenApiSchema member, string property, HashSet<IOpenApiSchema> seen)
    {
        if (SchemaFacts.Target(member) is not { } target || !seen.Add(target))
        {
            return null;
        }

        if (target.Properties is { } properties && properties.TryGetValue(property, out var schema) && schema is not null
            && SchemaFacts.SingleStringValue(SchemaFacts.Target(schema) ?? schema) is { } value)
        {
            return value;
        }

        return (target.AllOf ?? new List<IOpenApiSchema>()).Select(p => PinnedValue(p, property, seen)).FirstOrDefault(v => v is not null);
    }

    private static JsonNode? Discriminated(JsonNode? member, string property, string? value)
    {
        if (member is JsonObject obj && value is not null)
        {
            obj[property] = value;
        }

        return member;
    }

    /// <summary>
    /// The properties as the generated record reads them. An <c>allOf</c> with exactly one <c>$ref</c> is the base: its
    /// properties first, each replaced by the schema's own declaration of it (which the record hides it with). The schema
    /// and its other parts are flattened in order: the first declaration wins, unless a later one pins a string (a
    /// <c>const</c> or a one-value enum). <paramref name="parts"/> are the schemas flattened into this object so far, so
    /// that an <c>allOf</c> cycle ends; a part may stand again in a value deeper down.
    /// </summary>
    private static void AddProperties(IOpenApiSchema schema, JsonObject obj, int depth, HashSet<IOpenApiSchema> visiting, HashSet<IOpenApiSchema> parts)
    {
        var references = (schema.AllOf ?? new List<IOpenApiSchema>()).Where(p => p is OpenApiSchemaReference).ToList();
        var baseSchema = references.Count == 1 ? references[0] : null;
        if (baseSchema is not null && SchemaFacts.Target(baseSchema) is { } target && parts.Add(target))
        {
            AddProperties(target, obj, depth, visiting, parts);
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        Required(schema, required, new HashSet<IOpenApiSchema>());
        Flatten(schema, baseSchema, obj, depth, visiting, parts, new Dictionary<string, IOpenApiSchema?>(StringComparer.Ordinal), required);

        // A member required but declared nowhere (a slip in the spec) is still sent, as a string.
        foreach (var name in required.Where(r => !obj.ContainsKey(r) && !Declared(schema, r, new HashSet<IOpenApiSchema>())))
        {
            obj[name] = "string";
        }
    }

    /// <summary>Whether the schema, its base or an <c>allOf</c> part declares the property.</summary>
    private static bool Declared(IOpenApiSchema schema, string name, HashSet<IOpenApiSchema> seen) =>
        SchemaFacts.Target(schema) is { } target && seen.Add(target)
        && (target.Properties?.ContainsKey(name) == true || (target.AllOf ?? new List<IOpenApiSchema>()).Any(p => Declared(p, name, seen)));

    /// <summary>The members the schema and its <c>allOf</c> parts require: a part may require a member another declares.</summary>
    private static void Required(IOpenApiSchema schema, HashSet<string> required, HashSet<IOpenApiSchema> seen)
    {
        if (!seen.Add(schema))
        {
            return;
        }

        required.UnionWith(schema.Required ?? new HashSet<string>());

        // properties + anyOf: [{required: [a]}, {required: [b]}]: the first alternative's members are required too.
        if (SchemaFacts.Composition(schema) is { } composition
            && composition.Members.All(m => SchemaFacts.IsAnnotationOnly(m, allowRequired: true))
            && composition.Members.FirstOrDefault(m => m.Required is { Count: > 0 }) is { } first)
        {
            required.UnionWith(first.Required!);
        }

        foreach (var part in schema.AllOf ?? new List<IOpenApiSchema>())
        {
            if (SchemaFacts.Target(part) is { } target)
            {
                Required(target, required, seen);
            }
        }
    }

    private static void Flatten(IOpenApiSchema schema, IOpenApiSchema? baseSchema, JsonObject obj, int depth, HashSet<IOpenApiSchema> visiting, HashSet<IOpenApiSchema> parts, Dictionary<string, IOpenApiSchema?> declared, HashSet<string> required)
    {
        foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var isRequired = required.Contains(property.Key) || schema.Required?.Contains(property.Key) == true;
            var pins = property.Value is not null && SchemaFacts.SingleStringValue(property.Value) is not null;
            if (declared.TryGetValue(property.Key, out var earlier) && !pins)
            {
                // Declared again by a later part (allOf: [Repository, {properties: {fork: {enum: [true]}}}]): both hold.
                if (obj.ContainsKey(property.Key) && earlier is not null && property.Value is not null && Narrowed(earlier, property.Value) is { } narrowed)
                {
                    obj[property.Key] = narrowed.Value;
                }

                continue;
            }

            declared[property.Key] = property.Value;
            if (isRequired || depth < OptionalDepth)
            {
                var value = Value(property.Value, depth + 1, visiting);
                if (value is not null)
                {
                    obj[property.Key] = value;
                }
                else if (isRequired && property.Value is not null && SchemaFacts.IsNullable(SchemaFacts.Target(property.Value) ?? property.Value))
                {
                    // A required member that cannot be made here (a cycle) but may be null: null ends the recursion validly.
                    obj[property.Key] = null;
                }
            }
        }

        foreach (var part in schema.AllOf ?? Enumerable.Empty<IOpenApiSchema>())
        {
            if (ReferenceEquals(part, baseSchema) || SchemaFacts.Target(part) is not { } target)
            {
                continue;
            }

            // allOf: [{anyOf: [...events]}, {properties: ...}]: the union's sample, with the other parts' members.
            if (target.Properties is not { Count: > 0 } && (target.OneOf ?? target.AnyOf) is { Count: > 0 })
            {
                if (Value(target, depth + 1, visiting) is JsonObject member)
                {
                    foreach (var entry in member.ToList())
                    {
                        member.Remove(entry.Key);
                        if (!declared.ContainsKey(entry.Key))
                        {
                            declared[entry.Key] = null;
                            obj[entry.Key] = entry.Value;
                        }
                    }
                }

                continue;
            }

            if (parts.Add(target))
            {
                Flatten(target, null, obj, depth, visiting, parts, declared, required);
            }
        }
    }

    /// <summary>
    /// A scalar valid for both declarations of a property (the later one with the earlier's constraints, or the earlier's
    /// union member of the later one's type); null (nothing to change) when the later one is not a scalar.
    /// </summary>
    private static (JsonNode? Value, bool Set)? Narrowed(IOpenApiSchema earlier, IOpenApiSchema later)
    {
        if (SchemaFacts.Target(later) is not { } narrow || SchemaFacts.Target(earlier) is not { } wide)
        {
            return null;
        }

        if (SchemaFacts.IsNullSchema(narrow) || (narrow.Enum is { Count: > 0 } nulls && nulls.All(SchemaFacts.IsNull)))
        {
            return (null, true);
        }

        var facts = ScalarFacts.Of(narrow);
        if (facts.Type == JsonSchemaType.Array && narrow.Items is { } items && SchemaFacts.Target(items) is { } item
            && (SchemaFacts.IsNullSchema(item) || item.Enum is { Count: > 0 } itemValues && itemValues.All(SchemaFacts.IsNull)))
        {
            // topics: {items: {type: 'null'}}: only an empty array is valid for both.
            return (new JsonArray(), true);
        }

        if (narrow.Properties is { Count: > 0 } || facts.Type == 0 || (facts.Type & (JsonSchemaType.Object | JsonSchemaType.Array)) != 0)
        {
            return null;
        }

        var alternatives = wide.OneOf ?? wide.AnyOf;
        var counterpart = alternatives?.Select(a => SchemaFacts.Target(a)).FirstOrDefault(a => a is not null && (SchemaFacts.NonNullType(a) & facts.Type) != 0) ?? wide;
        facts.Include(counterpart);
        if (facts.Const is { } constant)
        {
            return (facts.Typed(constant), true);
        }

        return (facts.Enum?.FirstOrDefault(v => !SchemaFacts.IsNull(v))?.DeepClone() ?? Scalar(facts), true);
    }

    private static JsonNode? Scalar(ScalarFacts facts)
    {
        var given = facts.Candidates.FirstOrDefault(facts.Accepts);
        if (given is not null)
        {
            return given.DeepClone();
        }

        var type = facts.Type;
        if (type.HasFlag(JsonSchemaType.String) || type == 0)
        {
            return JsonValue.Create(facts.MadeString());
        }

        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            return facts.MadeNumber(type.HasFlag(JsonSchemaType.Integer));
        }

        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return JsonValue.Create(false);
        }

        return null;
    }

    /// <summary>
    /// What constrains a scalar, read from the schema and its <c>allOf</c> parts (<c>type: string</c> with
    /// <c>allOf: [{format: date-time}]</c>, or an <c>allOf</c> of a <c>$ref</c> to a string and a description): the first
    /// part that says wins.
    /// </summary>
    private sealed class ScalarFacts
    {
        public JsonSchemaType Type { get; private set; }

        public string? Format { get; private set; }

        public string? Pattern { get; private set; }

        public int? MinLength { get; private set; }

        public int? MaxLength { get; private set; }

        public decimal? Minimum { get; private set; }

        public decimal? Maximum { get; private set; }

        public bool ExclusiveMinimum { get; private set; }

        public bool ExclusiveMaximum { get; private set; }

        public decimal? MultipleOf { get; private set; }

        /// <summary>The <c>const</c>, as the reader gives it: a string.</summary>
        public string? Const { get; private set; }

        public IList<JsonNode>? Enum { get; private set; }

        /// <summary>The spec's own values, in order: each part's <c>example</c>, <c>examples</c> and <c>default</c>.</summary>
        public List<JsonNode> Candidates { get; } = new();

        public static ScalarFacts Of(IOpenApiSchema schema)
        {
            var facts = new ScalarFacts();
            facts.Add(schema, new HashSet<IOpenApiSchema>());
            return facts;
        }

        /// <summary>Adds what <paramref name="schema"/> says that is not said yet.</summary>
        public void Include(IOpenApiSchema schema) => Add(schema, new HashSet<IOpenApiSchema>());

        private void Add(IOpenApiSchema schema, HashSet<IOpenApiSchema> seen)
        {
            if (!seen.Add(schema))
            {
                return;
            }

            Type = Type == 0 ? SchemaFacts.NonNullType(schema) : Type;
            Format ??= schema.Format;
            Pattern ??= schema.Pattern;
            MinLength ??= schema.MinLength;
            MaxLength ??= schema.MaxLength;
            MultipleOf ??= Number(schema.MultipleOf);
            Const ??= schema.Const;
            Enum ??= schema.Enum is { Count: > 0 } values ? values : null;
            if (Minimum is null && (Number(schema.ExclusiveMinimum) ?? Number(schema.Minimum)) is { } minimum)
            {
                Minimum = minimum;
                ExclusiveMinimum = Number(schema.ExclusiveMinimum) is not null;
            }

            if (Maximum is null && (Number(schema.ExclusiveMaximum) ?? Number(schema.Maximum)) is { } maximum)
            {
                Maximum = maximum;
                ExclusiveMaximum = Number(schema.ExclusiveMaximum) is not null;
            }

#pragma warning disable CS0618 // An OpenAPI 3.0 / Swagger 2.0 `example` is read into Example only.
            Candidates.AddRange(new[] { schema.Example }.Concat(schema.Examples ?? Enumerable.Empty<JsonNode>()).Append(schema.Default)
                .Where(n => n is not null && !SchemaFacts.IsNull(n))!);
#pragma warning restore CS0618

            foreach (var part in schema.AllOf ?? new List<IOpenApiSchema>())
            {
                if (SchemaFacts.Target(part) is { } target)
                {
                    Add(target, seen);
                }
            }
        }

        /// <summary>A <c>const</c> as a value of the schema's type: <c>const: 2</c> of an integer is the number 2.</summary>
        public JsonNode Typed(string constant)
        {
            if ((Type.HasFlag(JsonSchemaType.Integer) || Type.HasFlag(JsonSchemaType.Number))
                && decimal.TryParse(constant, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return JsonValue.Create(number);
            }

            if (Type.HasFlag(JsonSchemaType.Boolean) && bool.TryParse(constant, out var flag))
            {
                return JsonValue.Create(flag);
            }

            return JsonValue.Create(constant);
        }

        /// <summary>Whether a value the spec gives is valid for the scalar.</summary>
        public bool Accepts(JsonNode node)
        {
            if (node is not JsonValue value)
            {
                return false;
            }

            if (Enum is not null && !Enum.Any(e => JsonNode.DeepEquals(e, node)))
            {
                return false;
            }

            switch (value.GetValueKind())
            {
                case JsonValueKind.String when Type.HasFlag(JsonSchemaType.String) || Type == 0:
                    var text = value.GetValue<string>();
                    return FitsFormat(text, Format ?? string.Empty)
                        && (MinLength is not { } min || text.Length >= min)
                        && (MaxLength is not { } max || text.Length <= max)
                        && (Pattern is null || PatternSample.Matches(Pattern, text));
                case JsonValueKind.Number when Type.HasFlag(JsonSchemaType.Integer) || Type.HasFlag(JsonSchemaType.Number):
                    return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        && (!Type.HasFlag(JsonSchemaType.Integer) || Type.HasFlag(JsonSchemaType.Number) || (number == decimal.Truncate(number) && Fits(number, Format)))
                        && InRange(number);
                case JsonValueKind.True or JsonValueKind.False:
                    return Type.HasFlag(JsonSchemaType.Boolean);
                default:
                    return false;
            }
        }

        /// <summary>A string of the format, else one that matches the pattern, within the length bounds.</summary>
        public string MadeString()
        {
            if (Placeholder(Format ?? string.Empty) is { } placeholder)
            {
                return placeholder;
            }

            var text = Pattern is null ? "string" : PatternSample.For(Pattern) ?? "string";
            if (MinLength is { } min && text.Length < min)
            {
                text = text.PadRight(Math.Min(min, MaxStringLength), 'x');
            }

            if (MaxLength is { } max && text.Length > max)
            {
                text = text.Substring(0, Math.Max(max, 0));
            }

            return text;
        }

        /// <summary>0, or the bound nearest to it, moved inside an exclusive bound and onto <c>multipleOf</c>.</summary>
        public JsonNode MadeNumber(bool integer)
        {
            try
            {
                return NumberWithinBounds(integer);
            }
            catch (OverflowException)
            {
                // Bounds beyond what a sample can hold (a fuzzed 1e28): 0, which a real spec's bounds allow.
                return JsonValue.Create(0);
            }
        }

        private JsonNode NumberWithinBounds(bool integer)
        {
            var step = integer ? 1m : 0.5m;
            var value = 0m;
            if (Minimum is { } min && (value < min || (ExclusiveMinimum && value <= min)))
            {
                value = ExclusiveMinimum ? min + step : min;
            }
            else if (Maximum is { } max && (value > max || (ExclusiveMaximum && value >= max)))
            {
                value = ExclusiveMaximum ? max - step : max;
            }

            if (integer)
            {
                value = Minimum is not null ? decimal.Ceiling(value) : decimal.Floor(value);
            }

            if (MultipleOf is { } multiple && multiple > 0 && value % multiple != 0)
            {
                value = decimal.Ceiling(value / multiple) * multiple;
            }

            return integer ? JsonValue.Create((long)value) : JsonValue.Create(value);
        }

        private bool InRange(decimal number) =>
            (Minimum is not { } min || (ExclusiveMinimum ? number > min : number >= min))
            && (Maximum is not { } max || (ExclusiveMaximum ? number < max : number <= max))
            && (MultipleOf is not { } multiple || multiple <= 0 || number % multiple == 0);

        private static bool Fits(decimal number, string? format) => format switch
        {
            "int32" => number >= int.MinValue && number <= int.MaxValue,
            _ => number >= long.MinValue && number <= long.MaxValue,
        };

        private static decimal? Number(object? value) =>
            value is not null && decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;
    }

    /// <summary>Whether an example string reads as the format's type.</summary>
    private static bool FitsFormat(string text, string format) => format switch
    {
        "uuid" => Guid.TryParse(text, out _),
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        "email" => text.IndexOf('@') > 0 && text.IndexOf('@') < text.Length - 1,
        "byte" => text.Length % 4 == 0 && text.All(c => char.IsLetterOrDigit(c) || c is '+' or '/' or '='),
        "int32" => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "int64" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    /// <summary>A value of the format; null for a format that says nothing a placeholder could meet.</summary>
    private static string? Placeholder(string format) => format switch
    {
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "date-time" => "2024-01-01T00:00:00Z",
        "date" => "2024-01-01",
        "time" => "00:00:00",
        "uri" or "url" or "uri-reference" or "iri" => "https://example.com/",
        "email" or "idn-email" => "user@example.com",
        "hostname" or "idn-hostname" => "example.com",
        "ipv4" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "byte" => "AAAA",
        "int32" or "int64" or "decimal" or "double" or "float" => "0",
        "duration" => "P1D",
        _ => null,
    };
}
