using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Turns the schemas that events use into generated types. Component schemas become types named after their key;
/// inline objects, enums and unions are named from where they stand (<c>ApplianceEventData.kind</c> →
/// <c>ApplianceEventDataKind</c>). What each schema becomes is decided by <see cref="SchemaFacts.Classify"/>; records are
/// built here and in <c>SchemaTypeBuilder.Records.cs</c>, enums in <c>.Enums.cs</c>, unions in <c>.Unions.cs</c>, and
/// finished (bases settled, properties named) by <see cref="RecordFinisher"/>.
/// </summary>
/// <remarks>
/// Every named type is registered before what it contains is read, so a schema that refers to itself (directly, through
/// an array or through another schema) ends the recursion. A schema that contains itself with no named type between
/// (an array of itself) is read as raw JSON with WHG008.
/// </remarks>
internal sealed partial class SchemaTypeBuilder(SpecReadContext context)
{
    private const string ComponentsPointer = "/components/schemas";

    private readonly Dictionary<string, string> _namesByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _aliasesByReference = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordDraft> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumTypeModel> _enums = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    // Type names become file names (hint names) too, which must differ in more than case.
    private readonly HashSet<string> _typeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecordDraft> _pendingUnions = new();
    private readonly Dictionary<string, string> _unionsByKey = new(StringComparer.Ordinal);
    private readonly List<(PropertyDraft Draft, string Name)> _renamedProperties = new();

    // Inline types by shape (TypeShape): an inline schema that builds to the same type as one met before is that type.
    private readonly Dictionary<string, string> _typesByShape = new(StringComparer.Ordinal);
    private bool _ownTypeNext;
    private int _depth;
    private Dictionary<string, TypeModel>? _finished;

    /// <summary>The types built so far, finished, in a stable order; without an enum that nothing uses in the end.</summary>
    public IEnumerable<TypeModel> Types
    {
        get
        {
            var finished = Finish();
            return _order.Where(finished.ContainsKey).Select(name => finished[name]);
        }
    }

    /// <summary>The finished record of that name; null for an enum or an unknown name.</summary>
    public ObjectTypeModel? FindObject(string name) => Finish().TryGetValue(name, out var type) ? type as ObjectTypeModel : null;

    /// <summary>The finished enum of that name; null for a record, an enum left out, or an unknown name.</summary>
    public EnumTypeModel? FindEnum(string name) => Finish().TryGetValue(name, out var type) ? type as EnumTypeModel : null;

    /// <summary>The type of a value described by <paramref name="schema"/>, building the types it needs.</summary>
    /// <param name="contextName">The name an inline type gets: where the schema stands, in PascalCase.</param>
    /// <param name="pointer">Where the schema stands in the spec, for diagnostics.</param>
    public TypeRef Resolve(IOpenApiSchema schema, string contextName, string pointer)
    {
        _depth++;
        try
        {
            return schema is OpenApiSchemaReference reference
                ? ResolveReference(reference, pointer)
                : ResolveInline(schema, contextName, pointer);
        }
        finally
        {
            if (--_depth == 0)
            {
                // Unions are settled once everything they refer to is read: their members' bases are known then.
                SettleUnions();
                _finished = null;
            }
        }
    }

    public static bool IsNullable(IOpenApiSchema schema) => SchemaFacts.IsNullable(schema);

    private TypeRef ResolveReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = SchemaFacts.ReferenceId(reference);
        var target = SchemaFacts.Target(reference);
        if (target is null || string.IsNullOrEmpty(id))
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, reference.Reference.ReferenceV3 ?? id ?? "$ref");
            return TypeRef.Json;
        }

        if (_namesByReference.TryGetValue(id!, out var known))
        {
            return RefTo(known);
        }

        if (_aliasesByReference.TryGetValue(id!, out var alias))
        {
            return alias;
        }

        var targetPointer = SpecPointer.Append(ComponentsPointer, id!);
        var form = SchemaFacts.Classify(target);
        if (form.IsNamedType)
        {
            // Registered before the schema is read, so a schema that refers to itself ends the recursion.
            string Register() => _namesByReference[id!] = NewTypeName(Identifiers.ToPascalCase(id!), form, id, targetPointer);
            var built = Build(target, Register, targetPointer, form, shareable: false);
            _namesByReference[id!] = built.Name!; // the same union met earlier, when it was not built anew
            return built;
        }

        if (!_resolvingAliases.Add(id!))
        {
            context.Report(DiagnosticDescriptors.UnsupportedSchema, targetPointer, "A schema that contains itself with no object between", targetPointer);
            return TypeRef.Json;
        }

        try
        {
            var type = ResolveInline(target, Identifiers.ToPascalCase(id!), targetPointer, form);
            _aliasesByReference[id!] = type;
            return type;
        }
        finally
        {
            _resolvingAliases.Remove(id!);
        }
    }

    private TypeRef ResolveInline(IOpenApiSchema schema, string contextName, string pointer, SchemaClass? known = null)
    {
        var form = known ?? SchemaFacts.Classify(schema);
        switch (form.Form)
        {
            case SchemaForm.Alias:
                return Resolve(form.Member!, contextName, AppendPath(pointer, form.MemberPointer!));
            case SchemaForm.Untyped:
                context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, form.Reason!, pointer);
                return TypeRef.Json;
            case SchemaForm.Value:
                return ResolveValue(schema, contextName, pointer);
            default:
                // An event's own payload keeps a type of its own; what it contains is shared by shape.
                return Build(schema, () => NewTypeName(contextName, form, pointer: pointer), pointer, form, shareable: _depth > 1);
        }
    }

    /// <summary>
    /// Builds a named type. A union is built once for the same members: specs repeat an inline <c>oneOf</c> wherever it
    /// is used, and each copy would otherwise be a type of its own, the later ones wrapping the members the first took.
    /// A <paramref name="shareable"/> (inline) record or enum that comes out the same as one built before
    /// (<see cref="TypeShape"/>) is dropped for that one, which keeps the name and docs of its first occurrence.
    /// </summary>
    private TypeRef Build(IOpenApiSchema schema, Func<string> name, string pointer, SchemaClass form, bool shareable)
    {
        shareable &= !_ownTypeNext;
        _ownTypeNext = false;
        var key = form.Form is SchemaForm.DiscriminatedUnion or SchemaForm.StructuralUnion ? UnionKey(schema) : null;
        if (key is not null && _unionsByKey.TryGetValue(key, out var existing))
        {
            return RefTo(existing);
        }

        var reported = context.Diagnostics.Count;
        var typeName = name();
        if (key is not null)
        {
            _unionsByKey[key] = typeName;
        }

        var naming = context.Diagnostics.Skip(reported).ToList();
        var built = Build(schema, typeName, pointer, form);
        return shareable ? Share(built, naming) : built;
    }

    /// <summary>
    /// The type met before with the same shape as the one just built, which is then dropped with the diagnostic its name
    /// gave (its other diagnostics stand: they are about its place in the spec); else the type just built.
    /// </summary>
    private TypeRef Share(TypeRef built, List<DiagnosticInfo> naming)
    {
        var name = built.Name!;
        var shape = _enums.TryGetValue(name, out var enumType) ? TypeShape.Of(enumType)
            : _records.TryGetValue(name, out var record) ? TypeShape.Of(record)
            : null;
        if (shape is null)
        {
            return built;
        }

        if (!_typesByShape.TryGetValue(shape, out var shared))
        {
            _typesByShape[shape] = name;
            return built;
        }

        _records.Remove(name);
        _enums.Remove(name);
        _order.RemoveAt(_order.LastIndexOf(name));
        _typeNames.Remove(name);
        foreach (var diagnostic in naming)
        {
            context.Diagnostics.Remove(diagnostic);
        }

        return RefTo(shared);
    }

    /// <summary>Resolves a union member: an inline member is a type of the union's own, never shared (the union adopts it).</summary>
    private TypeRef ResolveMember(IOpenApiSchema member, string name, string pointer)
    {
        _ownTypeNext = member is not OpenApiSchemaReference;
        try
        {
            return Resolve(member, name, pointer);
        }
        finally
        {
            _ownTypeNext = false;
        }
    }

    /// <summary>
    /// What makes two unions the same: their discriminator and mapping, and their members, each a <c>$ref</c> or a plain
    /// string, number or boolean.
    /// </summary>
    private static string? UnionKey(IOpenApiSchema schema)
    {
        if (SchemaFacts.Composition(schema) is not { } composition || schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            return null;
        }

        var members = new List<string>();
        foreach (var member in composition.Members)
        {
            if (SchemaFacts.IsNullSchema(member))
            {
                continue;
            }

            if (member is OpenApiSchemaReference { Reference.Id: { Length: > 0 } id })
            {
                members.Add(id);
            }
            else if (PrimitiveKey(member) is { } primitive)
            {
                members.Add(primitive);
            }
            else
            {
                return null;
            }
        }

        var mapping = schema.Discriminator?.Mapping?.Select(m => m.Key + "=" + m.Value.Reference.Id).OrderBy(m => m, StringComparer.Ordinal) ?? Enumerable.Empty<string>();
        return composition.Keyword + "|" + schema.Discriminator?.PropertyName + "|" + string.Join(",", members) + "|" + string.Join(",", mapping);
    }

    /// <summary>
    /// An inline member that is a plain string, number or boolean (<c>oneOf: [integer, {type: string, format: date-time}]</c>)
    /// as its type and format, which is all its type depends on; null for any other member.
    /// </summary>
    private static string? PrimitiveKey(IOpenApiSchema member)
    {
        var type = SchemaFacts.NonNullType(member);
        if (type is not (JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean)
            || SchemaFacts.Classify(member).Form != SchemaForm.Value)
        {
            return null;
        }

        return "(" + type + " " + member.Format + (SchemaFacts.IsNullable(member) ? "?" : string.Empty) + ")";
    }

    private TypeRef Build(IOpenApiSchema schema, string name, string pointer, SchemaClass form) => form.Form switch
    {
        SchemaForm.StringEnum => AddEnum(BuildStringEnum(schema, name, pointer)),
        SchemaForm.IntegerEnum => AddEnum(BuildIntegerEnum(schema, name, pointer)),
        SchemaForm.DiscriminatedUnion => BuildDiscriminatedUnion(schema, name, pointer),
        SchemaForm.StructuralUnion => BuildStructuralUnion(schema, name, pointer),
        _ => BuildRecord(schema, name, pointer),
    };

    /// <summary>A primitive, an array or a map.</summary>
    private TypeRef ResolveValue(IOpenApiSchema schema, string contextName, string pointer)
    {
        var type = SchemaFacts.NonNullType(schema);
        switch (type)
        {
            case JsonSchemaType.String:
                return new TypeRef(StringFormat(schema.Format));
            case JsonSchemaType.Integer:
                return new TypeRef(IntegerFormat(schema.Format));
            case JsonSchemaType.Number:
                return new TypeRef(NumberFormat(schema.Format));
            case JsonSchemaType.Boolean:
                return new TypeRef(ValueKind.Boolean);
            case JsonSchemaType.Array:
                var items = schema.Items is null
                    ? TypeRef.Json
                    : WithNullability(Resolve(schema.Items, contextName + "Item", SpecPointer.Append(pointer, "items")), schema.Items);
                return new TypeRef(ValueKind.Array, Item: items);
            case 0 or JsonSchemaType.Object when schema.AdditionalProperties is { } values:
                var value = WithNullability(Resolve(values, contextName + "Value", SpecPointer.Append(pointer, "additionalProperties")), values);
                return new TypeRef(ValueKind.Map, Item: value);
            case 0 or JsonSchemaType.Object:
                // A free-form object (additionalProperties: true, or nothing said) is a map of raw values.
                return schema.AdditionalPropertiesAllowed && type == JsonSchemaType.Object
                    ? new TypeRef(ValueKind.Map, Item: TypeRef.Json)
                    : TypeRef.Json;
            default:
                // Several types at once (a 3.1 type array) has no single C# type.
                context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "A value of several types", pointer);
                return TypeRef.Json;
        }
    }

    /// <summary>An item or map value that may be null; raw JSON holds a null itself.</summary>
    private static TypeRef WithNullability(TypeRef type, IOpenApiSchema schema) =>
        type.Kind != ValueKind.Json && SchemaFacts.IsNullable(schema) ? type with { IsNullable = true } : type;

    /// <summary>
    /// String formats with a .NET type of their own; any other (<c>time</c>, <c>email</c>, <c>binary</c>, <c>hostname</c>, an
    /// unknown one) is a string. <c>time</c> stays a string: an RFC 3339 full-time carries an offset that <c>TimeOnly</c> would drop.
    /// </summary>
    private static ValueKind StringFormat(string? format) => format switch
    {
        "uuid" => ValueKind.Guid,
        "date-time" => ValueKind.DateTimeOffset,
        "date" => ValueKind.Date,
        "byte" => ValueKind.Bytes,
        "uri" => ValueKind.Uri,
        _ => ValueKind.String,
    };

    private static ValueKind IntegerFormat(string? format) => format switch
    {
        "int32" => ValueKind.Int32,
        "uint16" => ValueKind.UInt16,
        "uint32" => ValueKind.UInt32,
        "uint64" => ValueKind.UInt64,
        _ => ValueKind.Int64,
    };

    private static ValueKind NumberFormat(string? format) => format switch
    {
        "float" => ValueKind.Single,
        "decimal" => ValueKind.Decimal,
        _ => ValueKind.Double,
    };

    private TypeRef RefTo(string name) =>
        _enums.TryGetValue(name, out var enumType)
            ? new TypeRef(enumType.IsInteger ? ValueKind.IntegerEnum : ValueKind.Enum, name)
            : new TypeRef(ValueKind.Object, name);

    private TypeRef AddEnum(EnumTypeModel model)
    {
        _enums[model.Name] = model;
        _order.Add(model.Name);
        return RefTo(model.Name);
    }

    private RecordDraft AddRecord(string name, string? description, string pointer, RecordRole role)
    {
        var draft = new RecordDraft(name, description, pointer, role);
        _records[name] = draft;
        _order.Add(name);
        return draft;
    }

    /// <summary>A type name unused so far (ignoring case: it is a file name too), and none of the members the type will declare.</summary>
    /// <param name="specName">The schema's key in the spec; null for a name WebhookGen made from where the schema stands.</param>
    /// <param name="pointer">Where the schema stands, for WHG020 when the name had to change.</param>
    private string NewTypeName(string preferred, SchemaClass? form = null, string? specName = null, string? pointer = null)
    {
        var reserved = form?.Form is SchemaForm.StringEnum or SchemaForm.IntegerEnum ? Identifiers.EnumTypeNames : Identifiers.RecordTypeNames;
        var name = Identifiers.MakeUnique(Identifiers.Unreserved(preferred, string.Empty, reserved), _typeNames);
        if (pointer is not null)
        {
            context.ReportRenamed("Schema", pointer, specName, preferred, name, atKey: specName is not null);
        }

        return name;
    }

    /// <summary>
    /// WHG020 for each property whose C# name had to change beyond PascalCasing; enum values, schemas and events are
    /// reported as they are named, properties only once every record is finished.
    /// </summary>
    public void ReportRenamedProperties()
    {
        Finish();
        foreach (var (draft, name) in _renamedProperties)
        {
            if (draft.Pointer is { } pointer)
            {
                context.ReportRenamed("Property", pointer, draft.WireName, draft.PreferredName, name, atKey: true);
            }
        }
    }

    private Dictionary<string, TypeModel> Finish()
    {
        if (_finished is null || _depth > 0)
        {
            _renamedProperties.Clear();
            _finished = RecordFinisher.Finish(_order, _records, _enums, _renamedProperties);
        }

        return _finished;
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="ancestor"/> or derives from it, by the bases known so far.</summary>
    private bool Inherits(string? name, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = name; current is not null && seen.Add(current); current = _records.TryGetValue(current, out var draft) ? draft.BaseName : null)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends a relative pointer of several segments (<c>allOf/0</c>), each already escaped.</summary>
    private static string AppendPath(string pointer, string relative) => pointer + "/" + relative;

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
