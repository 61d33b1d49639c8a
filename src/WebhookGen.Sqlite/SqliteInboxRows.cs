using System;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using WebhookGen.Inbox;

namespace WebhookGen.Sqlite;

/// <summary>Messages to and from rows: the columns in one order, times as Unix milliseconds.</summary>
internal static class SqliteInboxRows
{
    /// <summary>The columns <see cref="ReadMessage"/> reads, in its order.</summary>
    public const string MessageColumns = "id, receiver, event, payload, event_id, idempotency_id, delivery_id, received_at";

    /// <summary>How many columns <see cref="MessageColumns"/> names.</summary>
    public const int MessageColumnCount = 8;

    public static WebhookInboxMessage ReadMessage(SqliteDataReader reader, int first) => new(
        Id: reader.GetString(first),
        ReceiverName: reader.GetString(first + 1),
        EventName: reader.GetString(first + 2),
        Payload: reader.IsDBNull(first + 3) ? ReadOnlyMemory<byte>.Empty : reader.GetFieldValue<byte[]>(first + 3),
        EventId: NullableString(reader, first + 4),
        IdempotencyId: NullableString(reader, first + 5),
        DeliveryId: NullableString(reader, first + 6),
        ReceivedAt: Time(reader.GetInt64(first + 7)));

    /// <summary>Binds <paramref name="message"/>'s fields as <c>@id</c> … <c>@received_at</c>.</summary>
    public static void BindMessage(SqliteCommand command, WebhookInboxMessage message)
    {
        var parameters = command.Parameters;
        parameters.AddWithValue("@id", message.Id);
        parameters.AddWithValue("@receiver", message.ReceiverName);
        parameters.AddWithValue("@event", message.EventName);
        parameters.AddWithValue("@payload", Bytes(message.Payload));
        parameters.AddWithValue("@event_id", (object?)message.EventId ?? DBNull.Value);
        parameters.AddWithValue("@idempotency_id", (object?)message.IdempotencyId ?? DBNull.Value);
        parameters.AddWithValue("@delivery_id", (object?)message.DeliveryId ?? DBNull.Value);
        parameters.AddWithValue("@received_at", Milliseconds(message.ReceivedAt));
    }

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long Milliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static byte[] Bytes(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();
}
