using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>Records: properties, and <c>allOf</c> as a base record or flattened.</summary>
internal sealed partial class SchemaTypeBuilder
{
    private TypeRef BuildRecord(IOpenApiSchema schema, string name, string pointer)
    {
        var draft = AddRecord(name, schema.Description, pointer, RecordRole.Plain);
        FillRecord(draft, schema, pointer);
        return RefTo(name);
    }

    /// <summary>
    /// Reads a record's properties. An <c>allOf</c> with exactly one <c>$ref</c> to a record (at its top level) makes that
    /// record the base; every other member, and members' own <c>allOf</c>, are flattened into the record. <c>required</c>
    /// from any of them applies, also to a property the base declares: this record's reader then requires it.
    /// </summary>
    private void FillRecord(RecordDraft draft, IOpenApiSchema schema, string pointer)
    {
        var sources = new List<(IOpenApiSchema Schema, string Pointer)> { (schema, pointer) };
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance) { schema };
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            var references = allOf.Where(m => m is OpenApiSchemaReference && SchemaFacts.Target(m) is { } target && IsRecordSchema(target)).ToList();
            for (var i = 0; i < allOf.Count; i++)
            {
                var member = allOf[i];
                var memberPointer = SpecPointer.Append(pointer, "allOf", Index(i));
                if (references.Count == 1 && ReferenceEquals(member, references[0]) && TryInherit(draft, member, memberPointer))
                {
                    continue;
                }

                Flatten(member, memberPointer, sources, seen);
            }
        }

        foreach (var (source, _) in sources)
        {
            if (source.Required is { } required)
            {
                draft.Required.UnionWith(required);
            }
        }

        foreach (var (key, property, propertyPointer, description) in Declarations(sources))
        {
            var type = Resolve(property, Identifiers.Join(draft.Name, key), propertyPointer);
            draft.Properties.Add(new PropertyDraft(
                key,
                Identifiers.ToPascalCase(key),
                type,
                draft.Required.Contains(key),
                SchemaFacts.IsNullable(property),
                description) { Pointer = propertyPointer });
        }
    }

    /// <summary>
    /// The schema of each property, in the order first declared. A property declared by several parts takes the first
    /// declaration, unless a later part pins a string the first leaves open (<c>type: string</c>, then
    /// <c>const: invoice.paid</c>): the record reads it as that one value, as if the const stood on the schema itself.
    /// </summary>
    private static List<(string Key, IOpenApiSchema Schema, string Pointer, string? Description)> Declarations(List<(IOpenApiSchema Schema, string Pointer)> sources)
    {
        var declarations = new List<(string Key, IOpenApiSchema Schema, string Pointer, string? Description)>();
        var indexes = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var (source, sourcePointer) in sources)
        {
            if (source.Properties is null)
            {
                continue;
            }

            foreach (var entry in source.Properties)
            {
                // A property written with no schema (`userData:`) reaches us as null: it takes any value, as `{}` does.
                var property = new KeyValuePair<string, IOpenApiSchema>(entry.Key, entry.Value ?? new OpenApiSchema());
                var propertyPointer = SpecPointer.Append(sourcePointer, "properties", property.Key);
                if (!indexes.TryGetValue(property.Key, out var index))
                {
                    indexes[property.Key] = declarations.Count;
                    declarations.Add((property.Key, property.Value, propertyPointer, property.Value.Description));
                    continue;
                }

                var first = declarations[index];
                if (SchemaFacts.SingleStringValue(property.Value) is not null
                    && SchemaFacts.SingleStringValue(first.Schema) is null
                    && SchemaFacts.IsStringOrStringEnum(first.Schema))
                {
                    declarations[index] = (property.Key, property.Value, propertyPointer, property.Value.Description ?? first.Description);
                }
            }
        }

        return declarations;
    }

    /// <summary>A schema that becomes a record another can derive from: an object, or a discriminated union.</summary>
    private static bool IsRecordSchema(IOpenApiSchema schema)
    {
        // Through aliases (allOf: [$ref: X] with a description): a few steps at most, and never round a cycle.
        for (var (current, steps) = (schema, 0); current is not null && steps < 8; steps++)
        {
            var form = SchemaFacts.Classify(current);
            if (form.Form != SchemaForm.Alias)
            {
                return form.Form is SchemaForm.Record or SchemaForm.DiscriminatedUnion;
            }

            current = SchemaFacts.Target(form.Member!);
        }

        return false;
    }

    /// <summary>Makes the referenced record the base, unless that would make a cycle of bases.</summary>
    private bool TryInherit(RecordDraft draft, IOpenApiSchema member, string pointer)
    {
        var resolved = Resolve(member, draft.Name + "Base", pointer);
        if (resolved.Kind != ValueKind.Object
            || !_records.TryGetValue(resolved.Name!, out var baseDraft)
            || baseDraft.Role is not (RecordRole.Plain or RecordRole.Union)
            || (baseDraft.Role == RecordRole.Union && baseDraft.Union?.Discriminator is null)
            || Inherits(baseDraft.Name, draft.Name))
        {
            return false;
        }

        draft.BaseName = baseDraft.Name;
        return true;
    }

    /// <summary>Adds an <c>allOf</c> member's properties (and those of its own <c>allOf</c>) to the record being built.</summary>
    private void Flatten(IOpenApiSchema member, string pointer, List<(IOpenApiSchema, string)> sources, HashSet<IOpenApiSchema> seen)
    {
        var target = SchemaFacts.Target(member);
        if (target is null)
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, (member as OpenApiSchemaReference)?.Reference.ReferenceV3 ?? "$ref");
            return;
        }

        if (!seen.Add(target))
        {
            return;
        }

        var targetPointer = member is OpenApiSchemaReference reference ? SpecPointer.Append(ComponentsPointer, SchemaFacts.ReferenceId(reference) ?? string.Empty) : pointer;
        sources.Add((target, targetPointer));
        if (target.AllOf is { Count: > 0 } nested)
        {
            for (var i = 0; i < nested.Count; i++)
            {
                Flatten(nested[i], SpecPointer.Append(targetPointer, "allOf", Index(i)), sources, seen);
            }
        }
    }

    /// <summary>Reference equality for schemas, so a schema met twice while flattening is read once.</summary>
    private sealed class ReferenceEqualityComparer : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
