using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Unions: a <c>oneOf</c>/<c>anyOf</c> becomes an abstract record with one derived record per member.
/// <list type="bullet">
/// <item>With a <c>discriminator</c> (or a base schema whose discriminator has a <c>mapping</c>): the reader peeks the
/// discriminator and hands the object to the member's reader. A value is mapped by <c>mapping</c>; a member that no
/// mapping names is selected by its discriminator property's <c>const</c> or single-value enum, else by its schema name.
/// A value the spec does not list is read as the union's <c>…Unknown</c> record, which keeps the JSON.</item>
/// <item>Without one, when every member is a different JSON kind (string, number, boolean, object, array): the reader
/// looks at the kind.</item>
/// </list>
/// A member record derives from the union when that adds nothing to it: it already derives from the union, or it has the
/// union's base (or none, then the union may adopt the one base all such members share) and the union declares no
/// property of its own. Otherwise (a string, an array, a record another union took, a record shared by a union told apart
/// by kind) a wrapper record holds it as <c>Value</c>.
/// </summary>
internal sealed partial class SchemaTypeBuilder
{
    private TypeRef BuildDiscriminatedUnion(IOpenApiSchema schema, string name, string pointer)
    {
        var draft = AddRecord(name, schema.Description, pointer, RecordRole.Union);
        var discriminator = schema.Discriminator!.PropertyName!;
        var union = draft.Union = new UnionDraft(discriminator);
        _pendingUnions.Add(draft);
        FillRecord(draft, schema, pointer);

        var members = new List<(UnionMemberDraft Member, IOpenApiSchema Schema)>();
        if (SchemaFacts.Composition(schema) is { } composition)
        {
            for (var i = 0; i < composition.Members.Count; i++)
            {
                var member = composition.Members[i];
                if (SchemaFacts.IsNullSchema(member))
                {
                    continue;
                }

                var memberPointer = SpecPointer.Append(pointer, composition.Keyword, Index(i));
                var memberName = Identifiers.Join(name, member.Title ?? DiscriminatorConstant(member, discriminator) ?? "Option" + Index(i + 1));
                var type = ResolveMember(member, memberName, memberPointer);
                AddMember(draft, members, type, member, memberPointer, member is not OpenApiSchemaReference, composition.Keyword);
            }
        }

        foreach (var entry in schema.Discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            var entryPointer = SpecPointer.Append(SpecPointer.Append(pointer, "discriminator", "mapping"), entry.Key);
            var type = Resolve(entry.Value, name + "Member", entryPointer);
            var member = AddMember(draft, members, type, entry.Value, entryPointer, isInline: false, "mapping");
            if (member is not null && !member.Values.Contains(entry.Key))
            {
                member.Values.Add(entry.Key);
            }
        }

        // Implicit values: what the member's own schema requires, else its schema name (the OpenAPI default).
        foreach (var (member, memberSchema) in members.Where(m => m.Member.Values.Count == 0))
        {
            if (DiscriminatorConstant(memberSchema, discriminator) is { } constant)
            {
                member.Values.Add(constant);
            }
            else if (memberSchema is OpenApiSchemaReference reference && SchemaFacts.ReferenceId(reference) is { Length: > 0 } id)
            {
                member.Values.Add(id);
            }
        }

        union.Members.AddRange(members.Select(m => m.Member));
        return RefTo(name);
    }

    private UnionMemberDraft? AddMember(RecordDraft union, List<(UnionMemberDraft Member, IOpenApiSchema Schema)> members, TypeRef type, IOpenApiSchema schema, string pointer, bool isInline, string keyword)
    {
        if (type.Kind != ValueKind.Object || type.Name == union.Name)
        {
            if (type.Kind != ValueKind.Json)
            {
                context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, $"A {keyword} member of a discriminated union that is not an object", pointer);
            }

            return null;
        }

        var existing = members.FirstOrDefault(m => m.Member.Type.Name == type.Name).Member;
        if (existing is not null)
        {
            return existing;
        }

        var member = new UnionMemberDraft(type, pointer, isInline);
        members.Add((member, schema));
        return member;
    }

    private TypeRef BuildStructuralUnion(IOpenApiSchema schema, string name, string pointer)
    {
        var draft = AddRecord(name, schema.Description, pointer, RecordRole.Union);
        var union = draft.Union = new UnionDraft(null);
        _pendingUnions.Add(draft);
        var (keyword, members) = SchemaFacts.Composition(schema)!.Value;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (SchemaFacts.IsNullSchema(member))
            {
                continue;
            }

            var memberPointer = SpecPointer.Append(pointer, keyword, Index(i));
            var isInline = member is not OpenApiSchemaReference && SchemaFacts.Classify(member).Form == SchemaForm.Record;
            var memberName = Identifiers.Join(name, member.Title ?? ShapeWord(SchemaFacts.Shape(member)));
            union.Members.Add(new UnionMemberDraft(ResolveMember(member, memberName, memberPointer), memberPointer, isInline));
        }

        return RefTo(name);
    }

    /// <summary>Gives each union read so far its cases: derived records where they can be, wrappers otherwise, and a fallback.</summary>
    private void SettleUnions()
    {
        foreach (var union in _pendingUnions)
        {
            if (union.Union is { IsSettled: false } draft)
            {
                if (draft.Discriminator is null)
                {
                    SettleByShape(union, draft);
                }
                else
                {
                    SettleByDiscriminator(union, draft);
                }

                draft.IsSettled = true;
            }
        }

        _pendingUnions.Clear();
    }

    private void SettleByDiscriminator(RecordDraft union, UnionDraft draft)
    {
        var records = draft.Members.Select(m => _records.TryGetValue(m.Type.Name!, out var record) ? record : null).ToList();

        // All members derive from one base, the union from none and declares nothing: the union takes that base, so what
        // the members share is at hand on the union (payload.Id).
        if (union.BaseName is null && union.Properties.Count == 0)
        {
            var bases = records
                .Where(r => r is not null && r.MemberOf is null && r.Role is RecordRole.Plain or RecordRole.Union && r.BaseName != union.Name && !Inherits(r.Name, union.Name))
                .Select(r => r!.BaseName)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (bases is [{ } common] && records.All(r => r is not null && (r.BaseName == common || r.BaseName == union.Name)) && !Inherits(common, union.Name))
            {
                union.BaseName = common;
            }
        }

        var derived = new bool[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is { } record && CanDerive(record, union))
            {
                record.BaseName = union.Name;
                record.MemberOf = union.Name;
                derived[i] = true;
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            var member = draft.Members[i];

            // A member that derives from another member (or from the union) is already one of the union's records.
            var caseName = derived[i] || (records[i] is { } record && record.Name != union.Name && Inherits(record.Name, union.Name))
                ? member.Type.Name!
                : AddWrapper(union, member).Name;
            draft.Cases.Add(new UnionCaseModel(caseName, member.Values.ToEquatableArray(), JsonShape.Object));
        }

        draft.UnknownTypeName = AddUnknown(union, draft.Discriminator!).Name;
    }

    private bool CanDerive(RecordDraft record, RecordDraft union)
    {
        if (record.Name == union.Name || record.Role is not (RecordRole.Plain or RecordRole.Union) || Inherits(union.Name, record.Name))
        {
            return false;
        }

        if (record.BaseName == union.Name)
        {
            return record.MemberOf is null || record.MemberOf == union.Name;
        }

        return record.MemberOf is null && record.BaseName == union.BaseName && union.Properties.Count == 0;
    }

    private void SettleByShape(RecordDraft union, UnionDraft draft)
    {
        foreach (var member in draft.Members)
        {
            string caseName;
            if (member.IsInline && member.Type.Kind == ValueKind.Object && _records.TryGetValue(member.Type.Name!, out var record)
                && record.Role == RecordRole.Plain && record.BaseName is null && record.MemberOf is null)
            {
                record.BaseName = union.Name;
                record.MemberOf = union.Name;
                caseName = record.Name;
            }
            else
            {
                caseName = AddWrapper(union, member).Name;
            }

            draft.Cases.Add(new UnionCaseModel(caseName, EquatableArray<string>.Empty, SchemaFacts.ShapeOf(member.Type)));
        }
    }

    /// <summary>A record of the union that holds a member which cannot derive from it.</summary>
    private RecordDraft AddWrapper(RecordDraft union, UnionMemberDraft member)
    {
        var name = NewTypeName(union.Name + WrapperSuffix(member.Type));
        var wrapper = AddRecord(name, null, member.Pointer, RecordRole.Wrapper);
        wrapper.BaseName = union.Name;
        wrapper.MemberOf = union.Name;
        wrapper.Properties.Add(new PropertyDraft(string.Empty, "Value", member.Type, IsRequired: true, SchemaNullable: false, "The value.", PropertySource.WrappedValue));
        return wrapper;
    }

    /// <summary>The fallback for a discriminator value the spec does not list: the union's properties and the JSON as it came.</summary>
    private RecordDraft AddUnknown(RecordDraft union, string discriminator)
    {
        var name = NewTypeName(union.Name + "Unknown");
        var unknown = AddRecord(name, null, union.Pointer, RecordRole.Unknown);
        unknown.BaseName = union.Name;
        unknown.MemberOf = union.Name;
        if (!WireNames(union.Name).Contains(discriminator))
        {
            unknown.Properties.Add(new PropertyDraft(
                discriminator,
                Identifiers.ToPascalCase(discriminator),
                new TypeRef(ValueKind.String),
                IsRequired: false,
                SchemaNullable: true,
                $"The {discriminator} as sent; null when it is absent or not a string.",
                PropertySource.Discriminator));
        }

        unknown.Properties.Add(new PropertyDraft(string.Empty, "Json", TypeRef.Json, IsRequired: true, SchemaNullable: false, "The whole object as it came.", PropertySource.RawJson));
        return unknown;
    }

    /// <summary>The wire names a record and its bases declare.</summary>
    private HashSet<string> WireNames(string name)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = name; current is not null && seen.Add(current) && _records.TryGetValue(current, out var draft); current = draft.BaseName)
        {
            names.UnionWith(draft.Properties.Where(p => p.Source == PropertySource.Wire).Select(p => p.WireName));
        }

        return names;
    }

    /// <summary>The one value a member's schema allows for the discriminator (a const or a single-value enum), if any.</summary>
    private static string? DiscriminatorConstant(IOpenApiSchema member, string discriminator)
    {
        var pending = new Stack<IOpenApiSchema>();
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        pending.Push(member);
        while (pending.Count > 0)
        {
            if (SchemaFacts.Target(pending.Pop()) is not { } schema || !seen.Add(schema))
            {
                continue;
            }

            if (schema.Properties is { } properties && properties.TryGetValue(discriminator, out var property)
                && SchemaFacts.SingleStringValue(property) is { } single)
            {
                return single;
            }

            foreach (var part in schema.AllOf ?? new List<IOpenApiSchema>())
            {
                pending.Push(part);
            }
        }

        return null;
    }

    private static string ShapeWord(JsonShape shape) => shape switch
    {
        JsonShape.String => "String",
        JsonShape.Number => "Number",
        JsonShape.Boolean => "Boolean",
        JsonShape.Array => "Array",
        _ => "Object",
    };

    private static string WrapperSuffix(TypeRef type) => type.Kind switch
    {
        ValueKind.Object or ValueKind.Enum or ValueKind.IntegerEnum => type.Name!,
        ValueKind.String or ValueKind.Uri => "String",
        ValueKind.Guid => "Guid",
        ValueKind.DateTimeOffset => "DateTime",
        ValueKind.Date => "Date",
        ValueKind.Bytes => "Bytes",
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.UInt16 or ValueKind.UInt32 or ValueKind.UInt64 => "Integer",
        ValueKind.Single or ValueKind.Double or ValueKind.Decimal => "Number",
        ValueKind.Boolean => "Boolean",
        ValueKind.Array => "List",
        ValueKind.Map => "Map",
        _ => "Json",
    };
}
