using System;
using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Selection;

/// <summary>The generated types that some payload uses, directly or through properties, bases, items and union members.</summary>
internal static class TypeReachability
{
    /// <summary><paramref name="types"/> narrowed to those reachable from <paramref name="roots"/>, in their original order.</summary>
    public static IEnumerable<TypeModel> From(IReadOnlyList<TypeModel> types, IEnumerable<TypeRef> roots)
    {
        var byName = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            byName[type.Name] = type;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var root in roots)
        {
            Visit(root, reached, pending);
        }

        while (pending.Count > 0)
        {
            if (!byName.TryGetValue(pending.Pop(), out var type) || type is not ObjectTypeModel record)
            {
                continue;
            }

            Add(record.BaseTypeName, reached, pending);
            foreach (var property in record.AllProperties.Concat(record.HiddenProperties.Select(h => h.Property)))
            {
                Visit(property.Type, reached, pending);
            }

            foreach (var hidden in record.HiddenProperties)
            {
                Add(hidden.DeclaringType, reached, pending);
            }

            if (record.Union is { } union)
            {
                Add(union.UnknownTypeName, reached, pending);
                foreach (var member in union.Cases)
                {
                    Add(member.TypeName, reached, pending);
                }
            }
        }

        // A union member that derives from the union needs the union, and a base its derived members' base chain: both are
        // reached through the member's BaseTypeName above. Records that derive from a reached union are its members.
        return types.Where(t => reached.Contains(t.Name));
    }

    private static void Visit(TypeRef? type, HashSet<string> reached, Stack<string> pending)
    {
        for (var current = type; current is not null; current = current.Item)
        {
            if (current.IsNamed)
            {
                Add(current.Name, reached, pending);
            }
        }
    }

    private static void Add(string? name, HashSet<string> reached, Stack<string> pending)
    {
        if (name is not null && reached.Add(name))
        {
            pending.Push(name);
        }
    }
}
