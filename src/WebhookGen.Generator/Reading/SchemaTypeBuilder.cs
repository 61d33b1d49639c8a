using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Turns the schemas that events use into generated types. Component schemas become types named after their key;
/// inline objects and enums are named from where they stand (<c>ApplianceEventData.kind</c> → <c>ApplianceEventDataKind</c>).
/// An <c>allOf</c> with exactly one <c>$ref</c> becomes a derived record; any other <c>allOf</c> is flattened.
/// </summary>
internal sealed class SchemaTypeBuilder(SpecReadContext context)
{
    private const string ComponentsPointer = "/components/schemas";

    private readonly Dictionary<string, string> _namesByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _baseTypes = new(StringComparer.Ordinal);

    /// <summary>The types built so far, in a stable order, with base records marked as such.</summary>
    public IEnumerable<TypeModel> Types => _order.Select(name => _types[name] is ObjectTypeModel { } o && _baseTypes.Contains(name) ? o with { IsBaseType = true } : _types[name]);

    public ObjectTypeModel? FindObject(string name) => _types.TryGetValue(name, out var type) ? type as ObjectTypeModel : null;

    /// <summary>The type of a value described by <paramref name="schema"/>, building the types it needs.</summary>
    public TypeRef Resolve(IOpenApiSchema schema, string contextName, string pointer)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return ResolveReference(reference, pointer);
        }

        return ResolveInline(schema, contextName, pointer);
    }

    public static bool IsNullable(IOpenApiSchema schema) =>
        schema.Type is { } type && (type & JsonSchemaType.Null) != 0;

    private TypeRef ResolveReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference.Id;
        if (reference.Target is null || string.IsNullOrEmpty(id))
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, reference.Reference.ReferenceV3 ?? id ?? "$ref");
            return TypeRef.Json;
        }

        if (_namesByReference.TryGetValue(id!, out var known))
        {
            return _types.TryGetValue(known, out var type) ? RefTo(type) : new TypeRef(ValueKind.Object, known);
        }

        var target = reference.Target;
        var targetPointer = SpecPointer.Append(ComponentsPointer, id!);
        if (!IsNamedType(target))
        {
            return ResolveInline(target, Identifiers.ToPascalCase(id!), targetPointer);
        }

        var name = Identifiers.MakeUnique(Identifiers.ToPascalCase(id!), _usedNames);
        _namesByReference[id!] = name;
        return Build(target, name, targetPointer);
    }

    private TypeRef ResolveInline(IOpenApiSchema schema, string contextName, string pointer)
    {
        if (IsNamedType(schema))
        {
            return Build(schema, Identifiers.MakeUnique(contextName, _usedNames), pointer);
        }

        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf", pointer);
            return TypeRef.Json;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        switch (type)
        {
            case JsonSchemaType.String:
                return FromStringFormat(schema.Format);
            case JsonSchemaType.Integer:
                return new TypeRef(schema.Format == "int32" ? ValueKind.Int32 : ValueKind.Int64);
            case JsonSchemaType.Number:
                return new TypeRef(schema.Format switch
                {
                    "float" => ValueKind.Single,
                    "decimal" => ValueKind.Decimal,
                    _ => ValueKind.Double,
                });
            case JsonSchemaType.Boolean:
                return new TypeRef(ValueKind.Boolean);
            case JsonSchemaType.Array:
                var items = schema.Items is null
                    ? TypeRef.Json
                    : Resolve(schema.Items, contextName + "Item", SpecPointer.Append(pointer, "items"));
                return new TypeRef(ValueKind.Array, Item: items);
            case 0 or JsonSchemaType.Object when schema.AdditionalProperties is { } values:
                return new TypeRef(ValueKind.Map, Item: Resolve(values, contextName + "Value", SpecPointer.Append(pointer, "additionalProperties")));
            case 0 or JsonSchemaType.Object:
                return schema.AdditionalPropertiesAllowed && type == JsonSchemaType.Object
                    ? new TypeRef(ValueKind.Map, Item: TypeRef.Json)
                    : TypeRef.Json;
            default:
                // Several types at once (a 3.1 type array) has no single C# type.
                context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "A value of several types", pointer);
                return TypeRef.Json;
        }
    }

    /// <summary>Objects with properties or an <c>allOf</c>, and string enums, become named types.</summary>
    private static bool IsNamedType(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 } || IsStringEnum(schema);

    private static bool IsStringEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values
        && ((schema.Type ?? JsonSchemaType.String) & ~JsonSchemaType.Null) == JsonSchemaType.String
        && values.All(v => v is null || v.GetValueKind() == JsonValueKind.String);

    private static TypeRef FromStringFormat(string? format) => new(format switch
    {
        "uuid" => ValueKind.Guid,
        "date-time" => ValueKind.DateTimeOffset,
        "date" => ValueKind.Date,
        "byte" => ValueKind.Bytes,
        "uri" => ValueKind.Uri,
        _ => ValueKind.String,
    });

    private static TypeRef RefTo(TypeModel type) =>
        new(type is EnumTypeModel ? ValueKind.Enum : ValueKind.Object, type.Name);

    private TypeRef Build(IOpenApiSchema schema, string name, string pointer)
    {
        if (IsStringEnum(schema))
        {
            var model = BuildEnum(schema, name, pointer);
            Add(model);
            return RefTo(model);
        }

        // Registered before its properties are read, so a schema that refers to itself ends the recursion.
        _order.Add(name);
        var objectModel = BuildObject(schema, name, pointer);
        _types[name] = objectModel;
        return RefTo(objectModel);
    }

    private void Add(TypeModel model)
    {
        _order.Add(model.Name);
        _types[model.Name] = model;
    }

    private static EnumTypeModel BuildEnum(IOpenApiSchema schema, string name, string pointer)
    {
        var usedMembers = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "Values", "IsDefined", "Equals", "GetHashCode", "ToString", "GetType" };
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in schema.Enum!)
        {
            if (value is null || !seen.Add(value.GetValue<string>()))
            {
                continue;
            }

            var wire = value.GetValue<string>();
            members.Add(new EnumMemberModel(Identifiers.MakeUnique(Identifiers.ToPascalCase(wire), usedMembers), wire));
        }

        return new EnumTypeModel(name, schema.Description, pointer, members.ToEquatableArray());
    }

    private ObjectTypeModel BuildObject(IOpenApiSchema schema, string name, string pointer)
    {
        ObjectTypeModel? baseType = null;
        var sources = new List<(IOpenApiSchema Schema, string Pointer)> { (schema, pointer) };
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            var references = allOf.OfType<OpenApiSchemaReference>().Where(r => r.Target is not null && IsNamedType(r.Target) && !IsStringEnum(r.Target)).ToList();
            for (var i = 0; i < allOf.Count; i++)
            {
                var member = allOf[i];
                var memberPointer = SpecPointer.Append(pointer, "allOf", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (references.Count == 1 && ReferenceEquals(member, references[0]))
                {
                    var resolved = Resolve(member, name + "Base", memberPointer);
                    baseType = resolved.Kind == ValueKind.Object ? FindObject(resolved.Name!) : null;
                    if (baseType is not null)
                    {
                        _baseTypes.Add(baseType.Name);
                        continue;
                    }
                }

                Flatten(member, memberPointer, sources);
            }
        }

        var required = new HashSet<string>(sources.SelectMany(s => s.Schema.Required ?? Enumerable.Empty<string>()), StringComparer.Ordinal);
        var inherited = baseType?.AllProperties ?? EquatableArray<PropertyModel>.Empty;
        var usedNames = new HashSet<string>(inherited.Select(p => p.Name), StringComparer.Ordinal) { name };
        var inheritedWireNames = new HashSet<string>(inherited.Select(p => p.WireName), StringComparer.Ordinal);
        var declared = new List<PropertyModel>();
        var declaredWireNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, sourcePointer) in sources)
        {
            if (source.Properties is null)
            {
                continue;
            }

            foreach (var property in source.Properties)
            {
                if (inheritedWireNames.Contains(property.Key) || !declaredWireNames.Add(property.Key))
                {
                    continue;
                }

                var propertyPointer = SpecPointer.Append(sourcePointer, "properties", property.Key);
                var propertyName = Identifiers.MakeUnique(Identifiers.ToPascalCase(property.Key), usedNames);
                var type = Resolve(property.Value, name + Identifiers.ToPascalCase(property.Key), propertyPointer);
                var isRequired = required.Contains(property.Key);
                declared.Add(new PropertyModel(
                    property.Key,
                    propertyName,
                    type,
                    isRequired,
                    IsNullable: !isRequired || IsNullable(property.Value),
                    property.Value.Description));
            }
        }

        return new ObjectTypeModel(
            name,
            schema.Description,
            pointer,
            baseType?.Name,
            IsBaseType: false,
            declared.ToEquatableArray(),
            inherited.Concat(declared).ToEquatableArray());
    }

    /// <summary>Adds an <c>allOf</c> member's properties (and those of its own <c>allOf</c>) to the type being built.</summary>
    private void Flatten(IOpenApiSchema member, string pointer, List<(IOpenApiSchema, string)> sources)
    {
        var target = member is OpenApiSchemaReference reference ? reference.Target : member;
        if (target is null)
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, (member as OpenApiSchemaReference)?.Reference.ReferenceV3 ?? "$ref");
            return;
        }

        sources.Add((target, member is OpenApiSchemaReference r ? SpecPointer.Append(ComponentsPointer, r.Reference.Id ?? string.Empty) : pointer));
        if (target.AllOf is { Count: > 0 } nested)
        {
            for (var i = 0; i < nested.Count; i++)
            {
                Flatten(nested[i], SpecPointer.Append(pointer, "allOf", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), sources);
            }
        }
    }
}
