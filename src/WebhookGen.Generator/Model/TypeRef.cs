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
    Object,
    Enum,
    Array,
    Map,
}

/// <summary>The type of a property: a primitive, a generated type by name, or an array or map of another <see cref="TypeRef"/>.</summary>
internal sealed record TypeRef(ValueKind Kind, string? Name = null, TypeRef? Item = null)
{
    public static readonly TypeRef Json = new(ValueKind.Json);

    public bool IsValueType => Kind is ValueKind.Guid or ValueKind.DateTimeOffset or ValueKind.Date or ValueKind.Int32
        or ValueKind.Int64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal or ValueKind.Boolean
        or ValueKind.Json or ValueKind.Enum;
}
