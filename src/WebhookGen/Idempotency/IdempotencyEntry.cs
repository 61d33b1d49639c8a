using System;
using System.Globalization;

namespace WebhookGen.Idempotency;

/// <summary>What a store keeps per key: reserved (with the holder's token) or completed, and when that lapses.</summary>
internal sealed record IdempotencyEntry(bool Completed, string Token, DateTimeOffset ExpiresAt)
{
    /// <summary><c>R|{token}|{expiry ticks}</c> or <c>C||{expiry ticks}</c>.</summary>
    public string Serialize() =>
        (Completed ? "C|" : "R|") + Token + "|" + ExpiresAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static IdempotencyEntry? Parse(string? value)
    {
        if (value is null || value.Length < 4 || value[1] != '|')
        {
            return null;
        }

        var last = value.LastIndexOf('|');
        if (last < 2 || !long.TryParse(value.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }

        return new IdempotencyEntry(value[0] == 'C', value[2..last], new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    public static void ThrowIfNotPositive(TimeSpan value, string? name = null)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name ?? nameof(value), value, "The duration must be positive.");
        }
    }
}
