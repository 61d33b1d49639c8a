using System;
using System.Linq;
using System.Text;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// What makes two inline types one: everything the generated code depends on, and nothing it does not (the type's own
/// name, descriptions, where it stands). Two records are the same shape when they have the same base and the same
/// properties, in any order (wire name, C# name, type, required, nullable), and list the same <c>required</c>; two
/// enums when they have the same members (name and value) over the same kind. A nested type is compared by name: it was
/// shared before its container was built, so the same nested shape is already the same name.
/// </summary>
/// <remarks>
/// Only plain records are shared: a union, its members, wrappers and fallbacks belong to their union, which adopts
/// (changes the base of) what it holds.
/// </remarks>
internal static class TypeShape
{
    /// <summary>The shape of a plain record; null for a record that is not shared.</summary>
    public static string? Of(RecordDraft record)
    {
        if (record.Role != RecordRole.Plain || record.Union is not null || record.MemberOf is not null)
        {
            return null;
        }

        var key = new StringBuilder("record:").Append(record.BaseName).Append('|');
        foreach (var required in record.Required.OrderBy(r => r, StringComparer.Ordinal))
        {
            Text(key, required).Append(',');
        }

        // In any order: JSON objects have none, and the first occurrence's order is kept.
        foreach (var property in record.Properties.OrderBy(p => p.WireName, StringComparer.Ordinal).ThenBy(p => p.Source))
        {
            key.Append('|');
            Text(key, property.WireName);
            Text(key, property.PreferredName);
            Type(key, property.Type);
            key.Append(property.IsRequired ? 'R' : 'o').Append(property.SchemaNullable ? 'N' : 'n').Append((int)property.Source);
        }

        return key.ToString();
    }

    /// <summary>The shape of an open enum.</summary>
    public static string Of(EnumTypeModel type)
    {
        var key = new StringBuilder(type.IsInteger ? "integer-enum:" : "enum:");
        foreach (var member in type.Members)
        {
            Text(key, member.Name);
            Text(key, member.Value);
        }

        return key.ToString();
    }

    /// <summary>A type as text: its kind, its name, its item, and whether an item may be null.</summary>
    private static void Type(StringBuilder key, TypeRef type)
    {
        key.Append('(').Append((int)type.Kind);
        if (type.Name is not null)
        {
            key.Append(' ');
            Text(key, type.Name);
        }

        if (type.IsNullable)
        {
            key.Append('?');
        }

        if (type.Item is not null)
        {
            Type(key, type.Item);
        }

        key.Append(')');
    }

    /// <summary>A string that cannot run into the next one: its length, then itself.</summary>
    private static StringBuilder Text(StringBuilder key, string? text) =>
        key.Append(text?.Length ?? -1).Append(':').Append(text);
}
