using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>What a schema becomes, decided from the schema alone (before any type is built).</summary>
internal enum SchemaForm
{
    /// <summary>A primitive, an array, a map or raw JSON: no type of its own.</summary>
    Value,

    /// <summary>An object with properties or an <c>allOf</c>: a record.</summary>
    Record,

    /// <summary>A string <c>enum</c> or a string <c>const</c>: an open enum.</summary>
    StringEnum,

    /// <summary>An integer <c>enum</c>: an open enum over <see cref="long"/>.</summary>
    IntegerEnum,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> with a discriminator, or a base schema with a discriminator mapping.</summary>
    DiscriminatedUnion,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> whose members are each a different JSON kind (string, number, object…).</summary>
    StructuralUnion,

    /// <summary>The same type as one member: an <c>allOf</c> of one schema, or a union of one type and <c>null</c>.</summary>
    Alias,

    /// <summary>Not typed: read as <see cref="JsonElement"/> with WHG008.</summary>
    Untyped,
}

/// <param name="Form">What the schema becomes.</param>
/// <param name="Member">For <see cref="SchemaForm.Alias"/>: the schema whose type it has.</param>
/// <param name="MemberPointer">For <see cref="SchemaForm.Alias"/>: where the member stands, relative to the schema (<c>allOf/0</c>).</param>
/// <param name="Reason">For <see cref="SchemaForm.Untyped"/>: what is not typed, for WHG008.</param>
internal readonly record struct SchemaClass(SchemaForm Form, IOpenApiSchema? Member = null, string? MemberPointer = null, string? Reason = null)
{
    public bool IsNamedType => Form is SchemaForm.Record or SchemaForm.StringEnum or SchemaForm.IntegerEnum
        or SchemaForm.DiscriminatedUnion or SchemaForm.StructuralUnion;
}

/// <summary>Facts read off a schema without building anything: its form, its JSON kind, whether it takes <c>null</c>.</summary>
internal static class SchemaFacts
{
    public static SchemaClass Classify(IOpenApiSchema schema)
    {
        // properties + anyOf: [{required: [a]}, {required: [b]}] only says which properties must be there: a record.
        if (Composition(schema) is { } composition
            && !((schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 }) && composition.Members.All(m => IsAnnotationOnly(m, allowRequired: true))))
        {
            return ClassifyComposition(schema, composition.Keyword, composition.Members);
        }

        if (HasDiscriminatorMapping(schema) && (schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 }))
        {
            return new SchemaClass(SchemaForm.DiscriminatedUnion);
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return ClassifyAllOf(schema, allOf);
        }

        if (IsStringEnum(schema))
        {
            return new SchemaClass(SchemaForm.StringEnum);
        }

        if (IsIntegerEnum(schema))
        {
            return new SchemaClass(SchemaForm.IntegerEnum);
        }

        if (schema.Properties is { Count: > 0 })
        {
            return new SchemaClass(SchemaForm.Record);
        }

        return new SchemaClass(SchemaForm.Value);
    }

    /// <summary>The <c>oneOf</c> or <c>anyOf</c> members, with the keyword; null when there are none.</summary>
    public static (string Keyword, IList<IOpenApiSchema> Members)? Composition(IOpenApiSchema schema) =>
        schema.OneOf is { Count: > 0 } oneOf ? ("oneOf", oneOf)
        : schema.AnyOf is { Count: > 0 } anyOf ? ("anyOf", anyOf)
        : null;

    public static bool HasDiscriminatorMapping(IOpenApiSchema schema) =>
        schema.Discriminator is { PropertyName: { Length: > 0 }, Mapping: { Count: > 0 } };

    public static bool HasDiscriminator(IOpenApiSchema schema) =>
        schema.Discriminator is { PropertyName: { Length: > 0 } };

    /// <summary>A schema that only takes <c>null</c>: <c>type: 'null'</c>, or <c>enum: [null]</c>.</summary>
    public static bool IsNullSchema(IOpenApiSchema schema) =>
        schema.Type == JsonSchemaType.Null
        || (schema.Type is null && schema.Enum is { Count: > 0 } values && values.All(IsNull));

    /// <summary>
    /// Whether a value of the schema may be <c>null</c>: a 3.1 type array with <c>'null'</c>, 3.0 <c>nullable: true</c>
    /// (which the OpenAPI reader turns into the same), a <c>oneOf</c>/<c>anyOf</c> with a null member, or <c>null</c> among
    /// the enum values.
    /// </summary>
    public static bool IsNullable(IOpenApiSchema schema)
    {
        if (schema.Type is { } type && (type & JsonSchemaType.Null) != 0)
        {
            return true;
        }

        if (Composition(schema) is { } composition && composition.Members.Any(IsNullSchema))
        {
            return true;
        }

        return schema.Enum is { Count: > 0 } values && values.Any(IsNull);
    }

    public static bool IsNull(JsonNode? node) =>
        node is null || JsonNullSentinel.IsJsonNullSentinel(node) || node.GetValueKind() == JsonValueKind.Null;

    /// <summary>The schema's type without <c>null</c>; <c>0</c> when it gives none.</summary>
    public static JsonSchemaType NonNullType(IOpenApiSchema schema) => (schema.Type ?? 0) & ~JsonSchemaType.Null;

    public static bool IsStringEnum(IOpenApiSchema schema)
    {
        var type = NonNullType(schema);
        if (type is not (0 or JsonSchemaType.String))
        {
            return false;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            var nonNull = values.Where(v => !IsNull(v)).ToList();
            return nonNull.Count > 0 && nonNull.All(v => v!.GetValueKind() == JsonValueKind.String);
        }

        // A string const (3.1) is an enum of one value.
        return schema.Const is not null && !IsConstOfAnotherType(schema);
    }

    public static bool IsIntegerEnum(IOpenApiSchema schema)
    {
        var type = NonNullType(schema);
        if (type is not (0 or JsonSchemaType.Integer) || schema.Enum is not { Count: > 0 } values)
        {
            return false;
        }

        var nonNull = values.Where(v => !IsNull(v)).ToList();
        return nonNull.Count > 0 && nonNull.All(v => IntegerValue(v) is not null);
    }

    /// <summary>The values of a string enum (or its const, or the enums of its <c>oneOf</c>), in order, without <c>null</c> and duplicates.</summary>
    public static List<string> StringEnumValues(IOpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } && Composition(schema) is { } composition)
        {
            return composition.Members.Select(Target).OfType<IOpenApiSchema>().Where(IsStringEnum).SelectMany(StringEnumValues).Distinct(StringComparer.Ordinal).ToList();
        }

        if (schema.Enum is not { Count: > 0 } values)
        {
            return schema.Const is { } constant ? [constant] : [];
        }

        return values.Where(v => !IsNull(v) && v!.GetValueKind() == JsonValueKind.String)
            .Select(v => v!.GetValue<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The one string a schema allows (through a <c>$ref</c>): its <c>const</c>, or its single-value enum; null otherwise.</summary>
    public static string? SingleStringValue(IOpenApiSchema schema) =>
        Target(schema) is { } target && IsStringEnum(target) && StringEnumValues(target) is [var single] ? single : null;

    /// <summary>A string without a format (through a <c>$ref</c>), or a string enum: what a single string value narrows.</summary>
    public static bool IsStringOrStringEnum(IOpenApiSchema schema) =>
        Target(schema) is { } target && (IsStringEnum(target) || IsPlainString(target));

    /// <summary>The values of an integer enum, in order, without <c>null</c> and duplicates.</summary>
    public static List<long> IntegerEnumValues(IOpenApiSchema schema) =>
        (schema.Enum ?? new List<JsonNode>()).Select(IntegerValue).Where(v => v is not null).Select(v => v!.Value).Distinct().ToList();

    /// <summary>The JSON kind of the schema's values, following <c>$ref</c>, <c>allOf</c> and unions; <see cref="JsonShape.None"/> when it cannot be told.</summary>
    public static JsonShape Shape(IOpenApiSchema schema) => Shape(schema, new HashSet<IOpenApiSchema>());

    /// <summary>The schema a <c>$ref</c> points to, or the schema itself; null for a reference to nothing.</summary>
    public static IOpenApiSchema? Target(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Target ?? EscapedTarget(reference) : schema;

    /// <summary>The component name a <c>$ref</c> points to, unescaped (<c>~1webhooks~1payment</c> → <c>/webhooks/payment</c>).</summary>
    public static string? ReferenceId(OpenApiSchemaReference reference) =>
        reference.Target is null && EscapedTarget(reference) is not null ? Unescape(reference.Reference.Id!) : reference.Reference.Id;

    /// <summary>
    /// The OpenAPI reader does not resolve a <c>$ref</c> whose component name needs JSON pointer escapes (a schema named
    /// <c>/webhooks/payment</c>); the document still holds the schema under its plain name.
    /// </summary>
    private static IOpenApiSchema? EscapedTarget(OpenApiSchemaReference reference) =>
        reference.Reference.Id is { } id && id.IndexOf('~') >= 0
        && reference.Reference.HostDocument?.Components?.Schemas is { } schemas
        && schemas.TryGetValue(Unescape(id), out var target)
            ? target
            : null;

    private static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");

    public static JsonShape ShapeOf(TypeRef type) => type.Kind switch
    {
        ValueKind.String or ValueKind.Guid or ValueKind.DateTimeOffset or ValueKind.Date or ValueKind.Bytes or ValueKind.Uri or ValueKind.Enum => JsonShape.String,
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.UInt16 or ValueKind.UInt32 or ValueKind.UInt64 or ValueKind.Single or ValueKind.Double
            or ValueKind.Decimal or ValueKind.IntegerEnum => JsonShape.Number,
        ValueKind.Boolean => JsonShape.Boolean,
        ValueKind.Array => JsonShape.Array,
        ValueKind.Object or ValueKind.Map => JsonShape.Object,
        _ => JsonShape.None,
    };

    /// <summary>
    /// A schema with nothing that constrains a value's type: only annotations (description, title, examples…). An
    /// <c>allOf</c> member of that kind adds nothing to the type.
    /// </summary>
    public static bool IsAnnotationOnly(IOpenApiSchema schema, bool allowRequired = false) =>
        schema is not OpenApiSchemaReference
        && schema.Type is null
        && schema.Properties is not { Count: > 0 }
        && (allowRequired || schema.Required is not { Count: > 0 })
        && schema.AllOf is not { Count: > 0 }
        && schema.OneOf is not { Count: > 0 }
        && schema.AnyOf is not { Count: > 0 }
        && schema.Items is null
        && schema.AdditionalProperties is null
        && schema.Enum is not { Count: > 0 }
        && schema.Const is null
        && schema.Format is null
        && schema.Discriminator is null;

    private static SchemaClass ClassifyComposition(IOpenApiSchema schema, string keyword, IList<IOpenApiSchema> members)
    {
        if (schema.OneOf is { Count: > 0 } && schema.AnyOf is { Count: > 0 })
        {
            return new SchemaClass(SchemaForm.Untyped, Reason: "oneOf and anyOf together");
        }

        var nonNull = members.Select((m, i) => (Member: m, Index: i)).Where(m => !IsNullSchema(m.Member)).ToList();
        if (HasDiscriminator(schema) && nonNull.Count > 0)
        {
            return new SchemaClass(SchemaForm.DiscriminatedUnion);
        }

        if (nonNull.Count == 0)
        {
            return new SchemaClass(SchemaForm.Untyped, Reason: "A value that can only be null");
        }

        if (nonNull.Count == 1 && schema.Properties is not { Count: > 0 })
        {
            return new SchemaClass(SchemaForm.Alias, nonNull[0].Member, keyword + "/" + nonNull[0].Index.ToString(CultureInfo.InvariantCulture));
        }

        if (schema.Properties is not { Count: > 0 })
        {
            var shapes = nonNull.Select(m => Shape(m.Member)).ToList();
            if (shapes.All(s => s != JsonShape.None) && shapes.Distinct().Count() == shapes.Count)
            {
                return new SchemaClass(SchemaForm.StructuralUnion);
            }

            // anyOf [string, enum]: the open enum already takes any string (the "known values or any string" idiom);
            // oneOf [enum, enum]: one open enum of all their values.
            if (shapes.All(s => s == JsonShape.String))
            {
                var enums = nonNull.Where(m => IsStringEnum(Target(m.Member) ?? m.Member)).ToList();
                var plain = nonNull.Where(m => IsPlainString(Target(m.Member) ?? m.Member)).ToList();
                if (enums.Count > 0 && enums.Count + plain.Count == nonNull.Count)
                {
                    return enums.Count == 1
                        ? new SchemaClass(SchemaForm.Alias, enums[0].Member, keyword + "/" + enums[0].Index.ToString(CultureInfo.InvariantCulture))
                        : new SchemaClass(SchemaForm.StringEnum);
                }
            }
        }

        return new SchemaClass(SchemaForm.Untyped, Reason: keyword + " without a discriminator whose members are not each a different JSON kind");
    }

    private static bool IsPlainString(IOpenApiSchema schema) =>
        NonNullType(schema) == JsonSchemaType.String && !IsStringEnum(schema) && schema.Format is null
        && Composition(schema) is null && schema.AllOf is not { Count: > 0 };

    private static SchemaClass ClassifyAllOf(IOpenApiSchema schema, IList<IOpenApiSchema> allOf)
    {
        var meaningful = allOf.Select((m, i) => (Member: m, Index: i)).Where(m => !IsAnnotationOnly(m.Member)).ToList();
        var type = NonNullType(schema);
        var isObject = type is 0 or JsonSchemaType.Object;
        var addsNothing = schema.Properties is not { Count: > 0 } && schema.Required is not { Count: > 0 };

        // allOf: [$ref: X] with a description beside it is X (the 3.0 way to describe a reference); so is
        // type: string, allOf: [$ref: SomeStringEnum].
        if ((addsNothing || !isObject) && meaningful.Count == 1)
        {
            return new SchemaClass(SchemaForm.Alias, meaningful[0].Member, "allOf/" + meaningful[0].Index.ToString(CultureInfo.InvariantCulture));
        }

        // A string (or other value) with several constraints in allOf is that value.
        if (!isObject || (meaningful.Count == 0 && addsNothing))
        {
            return new SchemaClass(SchemaForm.Value);
        }

        return new SchemaClass(SchemaForm.Record);
    }

    private static JsonShape Shape(IOpenApiSchema schema, HashSet<IOpenApiSchema> seen)
    {
        var target = Target(schema);
        if (target is null || !seen.Add(target))
        {
            return JsonShape.None;
        }

        if (Composition(target) is { } composition)
        {
            var shapes = composition.Members.Where(m => !IsNullSchema(m)).Select(m => Shape(m, seen)).Distinct().ToList();
            return shapes.Count == 1 ? shapes[0] : JsonShape.None;
        }

        switch (NonNullType(target))
        {
            case JsonSchemaType.String:
                return JsonShape.String;
            case JsonSchemaType.Integer:
            case JsonSchemaType.Number:
                return JsonShape.Number;
            case JsonSchemaType.Boolean:
                return JsonShape.Boolean;
            case JsonSchemaType.Array:
                return JsonShape.Array;
            case JsonSchemaType.Object:
                return JsonShape.Object;
            case 0:
                break;
            default:
                return JsonShape.None;
        }

        if (target.Properties is { Count: > 0 } || target.AdditionalProperties is not null)
        {
            return JsonShape.Object;
        }

        if (target.AllOf is { Count: > 0 } allOf)
        {
            return allOf.Select(m => Shape(m, seen)).FirstOrDefault(s => s != JsonShape.None);
        }

        if (IsStringEnum(target))
        {
            return JsonShape.String;
        }

        if (IsIntegerEnum(target))
        {
            return JsonShape.Number;
        }

        return target.Items is not null ? JsonShape.Array : JsonShape.None;
    }

    /// <summary>
    /// The OpenAPI reader keeps a <c>const</c> as text, so without <c>type: string</c> the const <c>1</c> and the const
    /// <c>"1"</c> look the same: an untyped const that reads as a number or a boolean is not taken for a string.
    /// </summary>
    private static bool IsConstOfAnotherType(IOpenApiSchema schema) =>
        NonNullType(schema) is not (0 or JsonSchemaType.String)
        || (NonNullType(schema) == 0
            && (double.TryParse(schema.Const, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                || string.Equals(schema.Const, "true", StringComparison.OrdinalIgnoreCase)
                || string.Equals(schema.Const, "false", StringComparison.OrdinalIgnoreCase)));

    private static long? IntegerValue(JsonNode? node)
    {
        if (IsNull(node) || node!.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        var text = node.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
