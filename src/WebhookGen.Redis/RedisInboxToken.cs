using System;
using System.Globalization;

namespace WebhookGen.Redis;

/// <summary>
/// A lease's handle: the stream entry, its delivery count when leased (one more at each claim) and the consumer that
/// leased it, as <c>{entry id} {deliveries} {consumer}</c>. The lease holds while the group's pending entry still has both.
/// </summary>
internal readonly record struct RedisInboxToken(string EntryId, long Deliveries, string Consumer)
{
    public override string ToString() => EntryId + " " + Deliveries.ToString(CultureInfo.InvariantCulture) + " " + Consumer;

    /// <summary>Reads a token; false for one this store did not make.</summary>
    public static bool TryParse(string? token, out RedisInboxToken parsed)
    {
        parsed = default;
        if (token is null)
        {
            return false;
        }

        var first = token.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf(' ', first + 1);
        if (second < 0 || !long.TryParse(token.AsSpan(first + 1, second - first - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var deliveries))
        {
            return false;
        }

        parsed = new RedisInboxToken(token[..first], deliveries, token[(second + 1)..]);
        return true;
    }
}
