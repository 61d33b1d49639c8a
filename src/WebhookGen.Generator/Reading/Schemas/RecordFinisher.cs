using System;
using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Turns drafts into the final, value-equatable models: bases first, so each record knows what it inherits. A property
/// a base already declares (by wire name) is inherited, not declared again, unless its type is narrowed (then it is
/// hidden, see <c>CanHide</c>); a C# name a base or the record itself
/// already uses gets another (<see cref="Identifiers.MemberName"/>); a base property this record's schema lists in
/// <c>required</c> is required by this record's reader.
/// </summary>
internal static class RecordFinisher
{
    public static Dictionary<string, TypeModel> Finish(
        IReadOnlyList<string> order,
        IReadOnlyDictionary<string, RecordDraft> records,
        IReadOnlyDictionary<string, EnumTypeModel> enums)
    {
        var finished = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        var bases = new HashSet<string>(records.Values.Where(r => r.BaseName is not null).Select(r => r.BaseName!), StringComparer.Ordinal);
        var models = new Dictionary<string, ObjectTypeModel>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            if (records.ContainsKey(name))
            {
                FinishRecord(name, records, bases, models, new HashSet<string>(StringComparer.Ordinal));
            }
        }

        AddDiscriminators(order, models);
        foreach (var name in order)
        {
            finished[name] = models.TryGetValue(name, out var record) ? record : enums[name];
        }

        return finished;
    }

    private static ObjectTypeModel FinishRecord(
        string name,
        IReadOnlyDictionary<string, RecordDraft> records,
        HashSet<string> bases,
        Dictionary<string, ObjectTypeModel> done,
        HashSet<string> visiting)
    {
        if (done.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var draft = records[name];
        visiting.Add(name);
        var baseName = draft.BaseName is { } b && records.ContainsKey(b) && !visiting.Contains(b) ? b : null;
        var baseModel = baseName is null ? null : FinishRecord(baseName, records, bases, done, visiting);
        var all = (baseModel?.AllProperties ?? EquatableArray<PropertyModel>.Empty).ToList();
        var hidden = (baseModel?.HiddenProperties ?? EquatableArray<HiddenPropertyModel>.Empty).ToList();

        var usedNames = new HashSet<string>(all.Select(p => p.Name), StringComparer.Ordinal);
        var declared = new List<PropertyModel>();
        foreach (var property in draft.Properties)
        {
            var inheritedIndex = property.Source == PropertySource.Wire
                ? all.FindIndex(p => p.Source == PropertySource.Wire && p.WireName == property.WireName)
                : -1;
            if (inheritedIndex >= 0)
            {
                // Declared again: inherited as it is, unless this schema narrows its type (see CanHide).
                var inherited = all[inheritedIndex];
                if (!CanHide(inherited, property))
                {
                    continue;
                }

                var hiding = Property(property, inherited.Name) with { Hides = true };
                hidden.Add(new HiddenPropertyModel(DeclaringType(inherited, baseModel!, done), inherited));
                all[inheritedIndex] = hiding;
                declared.Add(hiding);
                continue;
            }

            var added = Property(property, Identifiers.MakeUnique(Identifiers.Unreserved(property.PreferredName, name, Identifiers.RecordMembers), usedNames));
            declared.Add(added);
            all.Add(added);
        }

        // required in this schema for a property a base declares optional: this record's reader requires it.
        for (var i = 0; i < all.Count; i++)
        {
            var p = all[i];
            if (p.Source == PropertySource.Wire && !p.ReadRequired && !declared.Contains(p) && draft.Required.Contains(p.WireName))
            {
                all[i] = p with { RequiredHere = true };
            }
        }

        var model = new ObjectTypeModel(name, draft.Description, draft.Pointer, baseName, bases.Contains(name), declared.ToEquatableArray(), all.ToEquatableArray())
        {
            Role = draft.Role,
            Union = draft.Union is { } union
                ? new UnionModel(union.Discriminator, union.Cases.ToEquatableArray(), union.UnknownTypeName)
                : null,
            HiddenProperties = hidden.ToEquatableArray(),
        };
        done[name] = model;
        visiting.Remove(name);
        return model;
    }

    private static PropertyModel Property(PropertyDraft property, string name) =>
        new(property.WireName, name, property.Type, property.IsRequired, IsNullable: !property.IsRequired || property.SchemaNullable, property.Description)
        {
            Source = property.Source,
            NullAllowed = property.SchemaNullable,
        };

    /// <summary>
    /// A derived schema that declares a base property again with another type narrows it (an object typed by the event, a
    /// string that is one value): the derived record hides the base property with its own (<c>new</c>). Not when the base
    /// property is <c>required</c> (a derived object initializer could not set it), nor to make it raw JSON.
    /// </summary>
    private static bool CanHide(PropertyModel inherited, PropertyDraft property) =>
        inherited.Type != property.Type && !inherited.IsRequired && property.Type.Kind != ValueKind.Json;

    /// <summary>The record of the chain from <paramref name="baseModel"/> up that declares <paramref name="property"/>.</summary>
    private static string DeclaringType(PropertyModel property, ObjectTypeModel baseModel, Dictionary<string, ObjectTypeModel> done)
    {
        for (var current = baseModel; current is not null; current = current.BaseTypeName is { } next && done.TryGetValue(next, out var model) ? model : null)
        {
            if (current.DeclaredProperties.Contains(property))
            {
                return current.Name;
            }
        }

        return baseModel.Name;
    }

    /// <summary>
    /// A union member that does not declare the union's discriminator would be written without it, and could not be read
    /// back as the union: its writer adds the first value that selects it.
    /// </summary>
    private static void AddDiscriminators(IReadOnlyList<string> order, Dictionary<string, ObjectTypeModel> done)
    {
        foreach (var union in order.Where(done.ContainsKey).Select(n => done[n]).Where(r => r.Union is { DiscriminatorWireName: not null }).ToList())
        {
            var wireName = union.Union!.DiscriminatorWireName!;
            foreach (var @case in union.Union.Cases)
            {
                if (@case.Values.Count == 0 || !done.TryGetValue(@case.TypeName, out var member) || HasWireProperty(member, wireName, done)
                    || member.DiscriminatorWireName is not null || member.Role == RecordRole.Union || WrapsUnion(member, done))
                {
                    continue;
                }

                done[@case.TypeName] = member with { DiscriminatorWireName = wireName, DiscriminatorValue = @case.Values[0] };
            }
        }
    }

    private static bool WrapsUnion(ObjectTypeModel record, Dictionary<string, ObjectTypeModel> done) =>
        record.AllProperties.Any(p => p.Source == PropertySource.WrappedValue && (p.Type.Kind != ValueKind.Object || done.TryGetValue(p.Type.Name!, out var wrapped) && wrapped.IsAbstract));

    private static bool HasWireProperty(ObjectTypeModel record, string wireName, Dictionary<string, ObjectTypeModel> done)
    {
        foreach (var property in record.AllProperties)
        {
            if (property.Source == PropertySource.Wire && property.WireName == wireName)
            {
                return true;
            }

            // A wrapper writes its value's properties too.
            if (property.Source == PropertySource.WrappedValue && property.Type.Kind == ValueKind.Object
                && done.TryGetValue(property.Type.Name!, out var wrapped) && wrapped.AllProperties.Any(p => p.Source == PropertySource.Wire && p.WireName == wireName))
            {
                return true;
            }
        }

        return false;
    }
}
