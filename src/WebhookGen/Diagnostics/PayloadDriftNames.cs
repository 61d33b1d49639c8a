namespace WebhookGen.Diagnostics;

/// <summary>The name of each <see cref="PayloadDriftKind"/> in logs and on the <c>webhookgen.drift.kind</c> tag.</summary>
internal static class PayloadDriftNames
{
    public static string Of(PayloadDriftKind kind) => kind switch
    {
        PayloadDriftKind.MissingRequired => "missing_required",
        PayloadDriftKind.NullValue => "null_value",
        PayloadDriftKind.WrongType => "wrong_type",
        PayloadDriftKind.InvalidFormat => "invalid_format",
        PayloadDriftKind.NonstandardDateTime => "nonstandard_date_time",
        PayloadDriftKind.UndeclaredEnumValue => "undeclared_enum_value",
        _ => "other",
    };
}
