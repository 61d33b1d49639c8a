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
/// <c>required</c> is required by this record's reader. A base property this record pins to one value but cannot hide
/// keeps the base's type: the value is kept as a pin (<see cref="ObjectTypeModel.PinnedValues"/>) for the routes, and
/// the enum built for it is not generated unless something else uses it.
/// </summary>
internal static class RecordFinisher
{
    /// <param name="renamed">Gets each wire property declared and the C# name it was given.</param>
    public static Dictionary<string, TypeModel> Finish(
        IReadOnlyList<string> order,
        IReadOnlyDictionary<string, RecordDraft> records,
        IReadOnlyDictionary<string, EnumTypeModel> enums,
        List<(PropertyDraft Draft, string Name)> renamed)
    {
        var finished = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        var bases = new HashSet<string>(records.Values.Where(r => r.BaseName is not null).Select(r => r.BaseName!), StringComparer.Ordinal);
        var models = new Dictionary<string, ObjectTypeModel>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            if (records.ContainsKey(name))
            {
                FinishRecord(name, records, enums, bases, models, dropped, new HashSet<string>(StringComparer.Ordinal), renamed);
            }
        }

        AddDiscriminators(order, models);

        // An enum built for a property that no record declares in the end (a base property it could not hide) is left out.
        var used = dropped.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : UsedTypeNames(models.Values);
        foreach (var name in order)
        {
            if (models.TryGetValue(name, out var record))
            {
                finished[name] = record;
            }
            else if (!dropped.Contains(name) || used.Contains(name))
            {
                finished[name] = enums[name];
            }
        }

        return finished;
    }

    /// <summary>The generated types the records' properties refer to, through arrays and maps too.</summary>
    private static HashSet<string> UsedTypeNames(IEnumerable<ObjectTypeModel> records)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var property in record.AllProperties.Concat(record.DeclaredProperties).Concat(record.HiddenProperties.Select(h => h.Property)))
            {
                AddNamed(property.Type, used);
            }
        }

        return used;
    }

    private static void AddNamed(TypeRef type, HashSet<string> names)
    {
        for (var current = type; current is not null; current = current.Item)
        {
            if (current.IsNamed)
            {
                names.Add(current.Name!);
            }
        }
    }

    private static ObjectTypeModel FinishRecord(
        string name,
        IReadOnlyDictionary<string, RecordDraft> records,
        IReadOnlyDictionary<string, EnumTypeModel> enums,
        HashSet<string> bases,
        Dictionary<string, ObjectTypeModel> done,
        HashSet<string> dropped,
        HashSet<string> visiting,
        List<(PropertyDraft Draft, string Name)> renamed)
    {
        if (done.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var draft = records[name];
        visiting.Add(name);
        var baseName = draft.BaseName is { } b && records.ContainsKey(b) && !visiting.Contains(b) ? b : null;
        var baseModel = baseName is null ? null : FinishRecord(baseName, records, enums, bases, done, dropped, visiting, renamed);
        var all = (baseModel?.AllProperties ?? EquatableArray<PropertyModel>.Empty).ToList();
        var hidden = (baseModel?.HiddenProperties ?? EquatableArray<HiddenPropertyModel>.Empty).ToList();
        var pinned = (baseModel?.PinnedValues ?? EquatableArray<PinnedValueModel>.Empty).ToList();

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
                    Drop(inherited, property, enums, dropped, pinned);
                    continue;
                }

                var hiding = Property(property, inherited.Name) with { Hides = true };
                hidden.Add(new HiddenPropertyModel(DeclaringType(inherited, baseModel!, done), inherited));
                all[inheritedIndex] = hiding;
                declared.Add(hiding);
                pinned.RemoveAll(p => p.WireName == property.WireName); // its own type tells now
                continue;
            }

            var added = Property(property, Identifiers.MakeUnique(Identifiers.Unreserved(property.PreferredName, name, Identifiers.RecordMembers), usedNames));
            declared.Add(added);
            all.Add(added);
            if (property.Source == PropertySource.Wire)
            {
                renamed.Add((property, added.Name));
            }
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
            PinnedValues = pinned.ToEquatableArray(),
        };
        done[name] = model;
        visiting.Remove(name);
        return model;
    }

    /// <summary>
    /// A property declared again that the record inherits as it is: the enum built for it is generated only if
    /// something else uses it, and a value it pins (a <c>const</c>, a single-value enum) still tells events apart.
    /// </summary>
    private static void Drop(PropertyModel inherited, PropertyDraft property, IReadOnlyDictionary<string, EnumTypeModel> enums, HashSet<string> dropped, List<PinnedValueModel> pinned)
    {
        if (inherited.Type == property.Type)
        {
            return;
        }

        for (var type = property.Type; type is not null; type = type.Item)
        {
            if (type.Kind is ValueKind.Enum or ValueKind.IntegerEnum)
            {
                dropped.Add(type.Name!);
            }
        }

        if (SingleValue(property.Type, enums) is { } value && SingleValue(inherited.Type, enums) != value)
        {
            pinned.RemoveAll(p => p.WireName == property.WireName);
            pinned.Add(new PinnedValueModel(property.WireName, value));
        }
    }

    /// <summary>The value of a one-value string enum.</summary>
    private static string? SingleValue(TypeRef type, IReadOnlyDictionary<string, EnumTypeModel> enums) =>
        type.Kind == ValueKind.Enum && enums.TryGetValue(type.Name!, out var single) && single.Members.Count == 1 ? single.Members[0].Value : null;

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
