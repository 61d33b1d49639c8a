namespace WebhookGen.Generator.Model;

/// <summary>What a value in a payload is read as.</summary>
internal enum ValueKind
{
    String,
    Guid,
    DateTimeOffset,
    Date,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    Boolean,
    Bytes,
    Uri,
    Json,

    /// <summary>A generated record: a plain one, or a union (an abstract record read by its members' readers).</summary>
    Object,

    /// <summary>A generated open string enum.</summary>
    Enum,
    Array,
    Map,
    UInt16,
    UInt32,
    UInt64,

    /// <summary>A generated open integer enum (over <see cref="long"/>).</summary>
    IntegerEnum,
}

/// <summary>
/// The type of a value: a primitive, a generated type by name, or an array or map of another <see cref="TypeRef"/>.
/// <see cref="IsNullable"/> is set on items and map values that may be <c>null</c>; a property's own nullability is
/// on its <see cref="PropertyModel"/>.
/// </summary>
internal sealed record TypeRef(ValueKind Kind, string? Name = null, TypeRef? Item = null, bool IsNullable = false)
{
    public static readonly TypeRef Json = new(ValueKind.Json);

    public bool IsValueType => Kind is ValueKind.Guid or ValueKind.DateTimeOffset or ValueKind.Date or ValueKind.Int32
        or ValueKind.Int64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal or ValueKind.Boolean
        or ValueKind.Json or ValueKind.Enum or ValueKind.UInt16 or ValueKind.UInt32 or ValueKind.UInt64 or ValueKind.IntegerEnum;

    /// <summary>A generated type: a record or an open enum.</summary>
    public bool IsNamed => Kind is ValueKind.Object or ValueKind.Enum or ValueKind.IntegerEnum;
}
