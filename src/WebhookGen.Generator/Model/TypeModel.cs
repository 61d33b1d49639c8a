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
    : TypeModel(Name, Description, SpecPointer)
{
    /// <summary>What the record is for; <see cref="RecordRole.Plain"/> for a record from an object schema.</summary>
    public RecordRole Role { get; init; }

    /// <summary>For <see cref="RecordRole.Union"/>: how a value is told apart and which record reads it.</summary>
    public UnionModel? Union { get; init; }

    /// <summary>
    /// The discriminator property (wire name) the writer adds because the record does not declare it, being a member of a
    /// union whose mapping names it by <see cref="DiscriminatorValue"/>; null otherwise.
    /// </summary>
    public string? DiscriminatorWireName { get; init; }

    /// <summary>The value written for <see cref="DiscriminatorWireName"/>.</summary>
    public string? DiscriminatorValue { get; init; }

    /// <summary>
    /// Base properties that a property of this record hides (<c>new</c>) because its schema narrows the type (a CloudEvent's
    /// <c>data</c> object typed by the event): the reader fills them too, so the value reads the same through the base.
    /// <see cref="AllProperties"/> lists the hiding property in their place.
    /// </summary>
    public EquatableArray<HiddenPropertyModel> HiddenProperties { get; init; } = EquatableArray<HiddenPropertyModel>.Empty;

    /// <summary>
    /// Inherited properties that this record's schema (or a base's) pins to one string value, a <c>const</c> or single-value
    /// enum, where the record keeps the base's type because it cannot hide it (a <c>required</c> base property): what
    /// tells events apart on a shared route. A property typed by a one-value enum says so by its type and is not listed.
    /// </summary>
    public EquatableArray<PinnedValueModel> PinnedValues { get; init; } = EquatableArray<PinnedValueModel>.Empty;

    public bool IsAbstract => Role == RecordRole.Union;
}

/// <summary>The one value a record's schema allows for an inherited property.</summary>
internal sealed record PinnedValueModel(string WireName, string Value);

/// <summary>A base property hidden by a derived one of the same wire name.</summary>
/// <param name="DeclaringType">The record that declares it, which the reader casts to so as to set it.</param>
internal sealed record HiddenPropertyModel(string DeclaringType, PropertyModel Property);

/// <summary>What a generated record stands for.</summary>
internal enum RecordRole
{
    /// <summary>An object schema.</summary>
    Plain,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> (or a base schema with a discriminator mapping): an abstract record whose derived records are the members.</summary>
    Union,

    /// <summary>A union member that cannot derive from the union (a string, an array, a record used in another union): it wraps the value as <c>Value</c>.</summary>
    Wrapper,

    /// <summary>A discriminated union's fallback for a value the spec does not list: it keeps the object as it came.</summary>
    Unknown,
}

/// <summary>How a union's value is told apart: by a discriminator property, or by its JSON kind.</summary>
/// <param name="DiscriminatorWireName">The discriminator property; null for a union told apart by JSON kind.</param>
/// <param name="Cases">The members, each read by its own record's reader.</param>
/// <param name="UnknownTypeName">The record a discriminator value the spec does not list is read as.</param>
internal sealed record UnionModel(string? DiscriminatorWireName, EquatableArray<UnionCaseModel> Cases, string? UnknownTypeName);

/// <summary>One member of a union.</summary>
/// <param name="TypeName">The record that reads it: the member's own record when it derives from the union, else a wrapper.</param>
/// <param name="Values">The discriminator values that select it (discriminated unions).</param>
/// <param name="Shape">The JSON kind that selects it (unions told apart by kind).</param>
internal sealed record UnionCaseModel(string TypeName, EquatableArray<string> Values, JsonShape Shape);

/// <summary>The kind of a JSON value, as far as telling union members apart goes.</summary>
internal enum JsonShape
{
    None,
    String,
    Number,
    Boolean,
    Object,
    Array,
}

/// <summary>An open enum: known values as static members, any other value kept as it came.</summary>
/// <param name="IsInteger">Over <see cref="long"/> values (an integer enum); otherwise over strings.</param>
internal sealed record EnumTypeModel(string Name, string? Description, string SpecPointer, EquatableArray<EnumMemberModel> Members, bool IsInteger = false)
    : TypeModel(Name, Description, SpecPointer);

/// <param name="Value">The value as the spec gives it: the string, or the integer in invariant digits.</param>
internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>A property of a generated record.</summary>
/// <param name="IsRequired">Listed in <c>required</c>: a <see langword="required"/> member that the payload must contain.</param>
/// <param name="IsNullable">Optional, or declared nullable: the C# type carries <c>?</c>.</param>
internal sealed record PropertyModel(string WireName, string Name, TypeRef Type, bool IsRequired, bool IsNullable, string? Description)
{
    /// <summary>Where the value comes from; <see cref="PropertySource.Wire"/> for a property of the payload.</summary>
    public PropertySource Source { get; init; }

    /// <summary>
    /// Declared optional in a base record, but listed in <c>required</c> by the schema of the record that reads it: that
    /// record's reader requires it (the declaration stays in the base).
    /// </summary>
    public bool RequiredHere { get; init; }

    /// <summary>With <see cref="RequiredHere"/>: whether the schema allows <c>null</c>.</summary>
    public bool NullAllowed { get; init; }

    /// <summary>Declared <c>new</c>: it hides a base property of the same wire name whose type it narrows.</summary>
    public bool Hides { get; init; }

    /// <summary>Whether the reader fails when the payload lacks the property.</summary>
    public bool ReadRequired => IsRequired || RequiredHere;

    /// <summary>Whether the reader takes a JSON <c>null</c> for it.</summary>
    public bool ReadNullable => RequiredHere ? NullAllowed : IsNullable;
}

/// <summary>Where a property's value comes from.</summary>
internal enum PropertySource
{
    /// <summary>The payload's property of that wire name.</summary>
    Wire,

    /// <summary>The whole JSON object, as it came (a union's unknown member).</summary>
    RawJson,

    /// <summary>The discriminator property, as a string, whatever its JSON kind (a union's unknown member).</summary>
    Discriminator,

    /// <summary>The whole value, read as the wrapped member's type (a union's wrapper member).</summary>
    WrappedValue,
}
