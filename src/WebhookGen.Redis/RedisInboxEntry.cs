using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using StackExchange.Redis;
using WebhookGen.Inbox;

namespace WebhookGen.Redis;

/// <summary>
/// A message as the fields of a stream entry: the payload as bytes, times as UTC ticks in 19 digits (so that they sort as
/// text), and what the store adds: <c>attempts</c> before this entry, the last <c>error</c>, a dead letter's
/// <c>reason</c> and <c>deadAt</c>. The Lua scripts copy entries between streams by these names.
/// </summary>
internal sealed record RedisInboxEntry(WebhookInboxMessage Message, int Attempts, string? Error, string? Reason, DateTimeOffset? DeadAt)
{
    private const string Id = "id";
    private const string Receiver = "receiver";
    private const string Event = "event";
    private const string Payload = "payload";
    private const string EventId = "eventId";
    private const string IdempotencyId = "idempotencyId";
    private const string DeliveryId = "deliveryId";
    private const string Received = "received";
    private const string AttemptsField = "attempts";
    private const string ErrorField = "error";
    private const string ReasonField = "reason";
    private const string DeadAtField = "deadAt";

    /// <summary>A time as the store writes it: UTC ticks in 19 digits.</summary>
    public static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The message's member in the set of pending arrivals: its arrival ticks, then its id.</summary>
    public static string ReceivedMember(WebhookInboxMessage message) => Ticks(message.ReceivedAt) + ":" + message.Id;

    /// <summary>The arrival time a member of the pending arrivals starts with.</summary>
    public static DateTimeOffset ReceivedAt(string member) =>
        new(long.Parse(member.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>A new message's name/value pairs, after <paramref name="prefix"/> (the script's other arguments).</summary>
    public static RedisValue[] Write(WebhookInboxMessage message, params RedisValue[] prefix)
    {
        var values = new List<RedisValue>(prefix.Length + 16);
        values.AddRange(prefix);
        values.AddRange([Id, message.Id, Receiver, message.ReceiverName, Event, message.EventName, Payload, message.Payload.ToArray(), Received, Ticks(message.ReceivedAt)]);
        Add(values, EventId, message.EventId);
        Add(values, IdempotencyId, message.IdempotencyId);
        Add(values, DeliveryId, message.DeliveryId);
        return [.. values];
    }

    /// <summary>Reads an entry's fields, given as alternating names and values.</summary>
    /// <exception cref="InvalidDataException">A field the store always writes is missing: the entry was not written by it.</exception>
    public static RedisInboxEntry Read(string entryId, IReadOnlyList<RedisValue> pairs)
    {
        var fields = new Dictionary<string, RedisValue>(pairs.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < pairs.Count; i += 2)
        {
            fields[(string)pairs[i]!] = pairs[i + 1];
        }

        var message = new WebhookInboxMessage(
            Required(fields, Id, entryId),
            Required(fields, Receiver, entryId),
            Required(fields, Event, entryId),
            fields.TryGetValue(Payload, out var payload) ? (byte[])payload! : throw Missing(Payload, entryId),
            Optional(fields, EventId),
            Optional(fields, IdempotencyId),
            Optional(fields, DeliveryId),
            Time(Required(fields, Received, entryId)));
        return new RedisInboxEntry(
            message,
            Optional(fields, AttemptsField) is { } attempts ? int.Parse(attempts, NumberStyles.None, CultureInfo.InvariantCulture) : 0,
            Optional(fields, ErrorField),
            Optional(fields, ReasonField),
            Optional(fields, DeadAtField) is { } deadAt ? Time(deadAt) : null);
    }

    private static void Add(List<RedisValue> values, string name, string? value)
    {
        if (value is not null)
        {
            values.Add(name);
            values.Add(value);
        }
    }

    private static DateTimeOffset Time(string ticks) => new(long.Parse(ticks, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static string Required(Dictionary<string, RedisValue> fields, string name, string entryId) =>
        Optional(fields, name) ?? throw Missing(name, entryId);

    private static string? Optional(Dictionary<string, RedisValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? (string?)value : null;

    private static InvalidDataException Missing(string name, string entryId) =>
        new($"The inbox's stream entry {entryId} has no '{name}' field: it was not written by this store.");
}
