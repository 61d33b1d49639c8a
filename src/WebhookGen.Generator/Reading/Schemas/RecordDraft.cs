using System;
using System.Collections.Generic;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// A record while the spec is read. Its base can still change (a union adopts its members), and its properties are named
/// only when it is finished (<see cref="RecordFinisher"/>), once every base is known.
/// </summary>
internal sealed class RecordDraft(string name, string? description, string pointer, RecordRole role)
{
    public string Name { get; } = name;

    public string? Description { get; set; } = description;

    public string Pointer { get; } = pointer;

    public RecordRole Role { get; } = role;

    public string? BaseName { get; set; }

    /// <summary>The properties the schema itself gives (with those of flattened <c>allOf</c> members), in order.</summary>
    public List<PropertyDraft> Properties { get; } = new();

    /// <summary>Every wire name the schema lists in <c>required</c>, including names declared by a base.</summary>
    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    /// <summary>For a union: its members, settled once the whole schema has been read.</summary>
    public UnionDraft? Union { get; set; }

    /// <summary>The union this record derives from as one of its members; a record is a member of one union at most.</summary>
    public string? MemberOf { get; set; }
}

/// <summary>A property before it is named.</summary>
/// <param name="PreferredName">The C# name it gets unless taken (PascalCase of the wire name).</param>
/// <param name="SchemaNullable">Whether its schema takes <c>null</c>.</param>
internal sealed record PropertyDraft(
    string WireName,
    string PreferredName,
    TypeRef Type,
    bool IsRequired,
    bool SchemaNullable,
    string? Description,
    PropertySource Source = PropertySource.Wire)
{
    /// <summary>Where the property is declared in the spec (its key), for a wire property.</summary>
    public string? Pointer { get; init; }
}

/// <summary>A union while the spec is read.</summary>
internal sealed class UnionDraft(string? discriminator)
{
    /// <summary>The discriminator property's wire name; null for a union told apart by JSON kind.</summary>
    public string? Discriminator { get; } = discriminator;

    public List<UnionMemberDraft> Members { get; } = new();

    /// <summary>Set once its wrappers and unknown member exist.</summary>
    public bool IsSettled { get; set; }

    public List<UnionCaseModel> Cases { get; } = new();

    public string? UnknownTypeName { get; set; }
}

/// <summary>A member of a union: its type, the discriminator values that select it, and whether it was built for the union alone.</summary>
internal sealed class UnionMemberDraft(TypeRef type, string pointer, bool isInline)
{
    public TypeRef Type { get; } = type;

    public string Pointer { get; } = pointer;

    /// <summary>An inline object of the union's own: it derives from the union rather than being wrapped.</summary>
    public bool IsInline { get; } = isInline;

    public List<string> Values { get; } = new();
}
