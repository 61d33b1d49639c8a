namespace WebhookGen;

/// <summary>How a payload's member differs from the spec.</summary>
public enum PayloadDriftKind
{
    /// <summary>A member the spec lists in <c>required</c> is absent; it is left at its default (null for a reference type).</summary>
    MissingRequired,

    /// <summary>A JSON <c>null</c> where the spec does not allow one; the member is left at its default.</summary>
    NullValue,

    /// <summary>A value of another JSON kind (a string where an integer is expected); skipped, the member left at its default.</summary>
    WrongType,

    /// <summary>A value of the right kind that cannot be read (a uuid that is not one, an integer out of range); skipped.</summary>
    InvalidFormat,

    /// <summary>A date-time read as UTC from unix seconds or from a string without an offset (<c>2018-04-25 20:42:10</c>).</summary>
    NonstandardDateTime,

    /// <summary>An enum value the spec does not list; kept, as open enums keep it.</summary>
    UndeclaredEnumValue,
}
