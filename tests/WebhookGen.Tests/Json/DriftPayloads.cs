using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using WebhookGen.Json;

namespace WebhookGen.Tests.Json;

internal readonly record struct Color(string Value)
{
    public bool IsDefined => Value is "red" or "green";
}

internal sealed record Repo(string Name, bool HasDiscussions);

internal sealed record Delivery(
    Guid Id,
    DateTimeOffset CreatedAt,
    Repo Repo,
    Color Color,
    int Count,
    IReadOnlyList<Repo>? Repos,
    IReadOnlyList<DateTimeOffset>? Times,
    IReadOnlyDictionary<string, int>? Counts);

/// <summary>A reader written as the generator writes it (RecordReaders, JsonEmitter): required members, an enum, arrays, a map.</summary>
internal static class DriftPayloads
{
    public static T Read<T>(string json, WebhookPayloadReader<T> read, WebhookPayloadReading reading, out IReadOnlyList<PayloadDrift> drift) =>
        WebhookJson.Deserialize(Encoding.UTF8.GetBytes(json), read, reading, out drift);

    public static Repo ReadRepo(ref Utf8JsonReader reader)
    {
        WebhookJson.StartObject(ref reader, null);
        string? name = default;
        bool hasDiscussions = default;
        ulong seen = 0;
        while (WebhookJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8)) { reader.Read(); name = WebhookJson.ReadString(ref reader, "name"); seen |= 1UL << 0; }
            else if (reader.ValueTextEquals("has_discussions"u8)) { reader.Read(); hasDiscussions = WebhookJson.ReadBoolean(ref reader, "has_discussions"); seen |= 1UL << 1; }
            else { WebhookJson.SkipValue(ref reader); }
        }

        if (seen != 0x3)
        {
            WebhookJson.RequiredMissing(seen, "name", "has_discussions");
        }

        return new Repo(name!, hasDiscussions);
    }

    public static Delivery ReadDelivery(ref Utf8JsonReader reader)
    {
        WebhookJson.StartObject(ref reader, null);
        Guid id = default;
        var idSeen = false;
        DateTimeOffset createdAt = default;
        Repo? repo = default;
        var repoSeen = false;
        Color color = default;
        int count = default;
        IReadOnlyList<Repo>? repos = default;
        IReadOnlyList<DateTimeOffset>? times = default;
        IReadOnlyDictionary<string, int>? counts = default;
        while (WebhookJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = WebhookJson.ReadGuid(ref reader, "id");
                idSeen = true;
            }
            else if (reader.ValueTextEquals("created_at"u8))
            {
                reader.Read();
                createdAt = WebhookJson.ReadDateTimeOffset(ref reader, "created_at");
            }
            else if (reader.ValueTextEquals("repo"u8))
            {
                reader.Read();
                repo = WebhookJson.ReadObject(ref reader, "repo", ReadRepo);
                repoSeen = true;
            }
            else if (reader.ValueTextEquals("color"u8))
            {
                reader.Read();
                color = WebhookJson.ReadEnum<Color>(ref reader, "color", static value => new(value), static value => value.IsDefined);
            }
            else if (reader.ValueTextEquals("count"u8))
            {
                reader.Read();
                count = WebhookJson.ReadInt32(ref reader, "count");
            }
            else if (reader.ValueTextEquals("repos"u8))
            {
                reader.Read();
                repos = reader.TokenType == JsonTokenType.Null ? null : WebhookJson.ReadArray<Repo>(ref reader, "repos", static (ref Utf8JsonReader itemReader0) => ReadRepo(ref itemReader0));
            }
            else if (reader.ValueTextEquals("times"u8))
            {
                reader.Read();
                times = reader.TokenType == JsonTokenType.Null ? null : WebhookJson.ReadArray<DateTimeOffset>(ref reader, "times", static (ref Utf8JsonReader itemReader0) => WebhookJson.ReadDateTimeOffset(ref itemReader0, null));
            }
            else if (reader.ValueTextEquals("counts"u8))
            {
                reader.Read();
                counts = reader.TokenType == JsonTokenType.Null ? null : WebhookJson.ReadMap<int>(ref reader, "counts", static (ref Utf8JsonReader itemReader0) => WebhookJson.ReadInt32(ref itemReader0, null));
            }
            else
            {
                WebhookJson.SkipValue(ref reader);
            }
        }

        if (!idSeen)
        {
            WebhookJson.RequiredMissing("id");
        }

        if (!repoSeen)
        {
            WebhookJson.RequiredMissing("repo");
        }

        return new Delivery(id, createdAt, repo!, color, count, repos, times, counts);
    }
}
