using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>A type generated from a schema. Value-equatable: a spec edit that does not change it leaves its output cached.</summary>
internal abstract record TypeModel(string Name, string? Description, string SpecPointer);

/// <summary>
/// A record from an object schema. <see cref="AllProperties"/> lists the inherited ones first (an <c>allOf</c> with one
/// <c>$ref</c> becomes a base record); the reader and writer use them all, the declaration only <see cref="DeclaredProperties"/>.
/// </summary>
internal sealed record ObjectTypeModel(
    string Name,
    string? Description,
    string SpecPointer,
    string? BaseTypeName,
    bool IsBaseType,
    EquatableArray<PropertyModel> DeclaredProperties,
    EquatableArray<PropertyModel> AllProperties)
    : TypeModel(Name, Description, SpecPointer);

/// <summary>An open string enum: known values as static members, any other value kept as it came.</summary>
internal sealed record EnumTypeModel(string Name, string? Description, string SpecPointer, EquatableArray<EnumMemberModel> Members)
    : TypeModel(Name, Description, SpecPointer);

internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>A property of a generated record.</summary>
/// <param name="IsRequired">Listed in <c>required</c>: a <see langword="required"/> member that the payload must contain.</param>
/// <param name="IsNullable">Optional, or declared nullable: the C# type carries <c>?</c>.</param>
internal sealed record PropertyModel(string WireName, string Name, TypeRef Type, bool IsRequired, bool IsNullable, string? Description);
