using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using WebhookGen.Json;

namespace WebhookGen.Tests.Json;

internal sealed record Appliance(string ApplianceId, int Power);

internal sealed record Envelope(string Event, Appliance Data, IReadOnlyList<Appliance>? Items, IReadOnlyDictionary<string, string>? Labels);

/// <summary>Readers and writers written the way the generator writes them (see JsonEmitter), over the runtime primitives.</summary>
internal static class TestPayloads
{
    public static T Read<T>(string json, WebhookPayloadReader<T> read) => WebhookJson.Deserialize(Encoding.UTF8.GetBytes(json), read);

    public static Appliance ReadAppliance(ref Utf8JsonReader reader)
    {
        WebhookJson.StartObject(ref reader, null);
        string? id = default;
        var idSeen = false;
        int power = default;
        var powerSeen = false;
        while (WebhookJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("applianceID"u8))
            {
                reader.Read();
                id = WebhookJson.ReadString(ref reader, "applianceID");
                idSeen = true;
            }
            else if (reader.ValueTextEquals("power"u8))
            {
                reader.Read();
                power = WebhookJson.ReadInt32(ref reader, "power");
                powerSeen = true;
            }
            else
            {
                WebhookJson.SkipValue(ref reader);
            }
        }

        if (!idSeen)
        {
            throw WebhookJson.MissingProperty("applianceID");
        }

        if (!powerSeen)
        {
            throw WebhookJson.MissingProperty("power");
        }

        return new Appliance(id!, power);
    }

    public static Envelope ReadEnvelope(ref Utf8JsonReader reader)
    {
        WebhookJson.StartObject(ref reader, null);
        string? eventName = default;
        var eventSeen = false;
        Appliance? data = default;
        var dataSeen = false;
        IReadOnlyList<Appliance>? items = default;
        IReadOnlyDictionary<string, string>? labels = default;
        while (WebhookJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                eventName = WebhookJson.ReadString(ref reader, "event");
                eventSeen = true;
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = WebhookJson.ReadObject(ref reader, "data", ReadAppliance);
                dataSeen = true;
            }
            else if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                items = reader.TokenType == JsonTokenType.Null
                    ? null
                    : WebhookJson.ReadArray(ref reader, "items", static (ref Utf8JsonReader itemReader0) => ReadAppliance(ref itemReader0));
            }
            else if (reader.ValueTextEquals("labels"u8))
            {
                reader.Read();
                labels = reader.TokenType == JsonTokenType.Null
                    ? null
                    : WebhookJson.ReadMap(ref reader, "labels", static (ref Utf8JsonReader itemReader0) => WebhookJson.ReadString(ref itemReader0, null));
            }
            else
            {
                WebhookJson.SkipValue(ref reader);
            }
        }

        if (!eventSeen)
        {
            throw WebhookJson.MissingProperty("event");
        }

        if (!dataSeen)
        {
            throw WebhookJson.MissingProperty("data");
        }

        return new Envelope(eventName!, data!, items, labels);
    }

    public static void WriteAppliance(Utf8JsonWriter writer, Appliance value)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("applianceID"u8);
        writer.WriteStringValue(value.ApplianceId);
        writer.WritePropertyName("power"u8);
        writer.WriteNumberValue(value.Power);
        writer.WriteEndObject();
    }
}
