using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Shouldly;
using WebhookGen.IntegrationTests.Receivers;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>The generated serializer context works with JsonSerializer, without reflection, in both directions.</summary>
public sealed class JsonContextTests
{
    private static readonly InverterStatusEvent Event = new()
    {
        Id = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
        Time = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
        SpecVersion = "1.0",
        Source = "/systems/5eda17ec",
        Type = InverterStatusEventType.InverterStatus,
        Data = new InverterEventData
        {
            ApplianceID = Guid.Parse("fc0a6ac7-64ce-4276-a7cd-bace946af433"),
            GatewayID = Guid.Parse("25ccab17-cd40-4db1-a320-a986d1c15fb1"),
            SystemID = Guid.Parse("c9db369e-7cf8-4ad1-ade5-46f61a5125c2"),
            Kind = new ApplianceEventDataKind("NEW_KIND"),
            Status = InverterEventDataStatus.Ok,
            LastStatus = InverterEventDataStatus.Error,
        },
    };

    [Fact]
    public void A_typed_event_round_trips_through_the_context()
    {
        var json = JsonSerializer.Serialize(Event, GridXReceiverJsonContext.Default.InverterStatusEvent);
        var read = JsonSerializer.Deserialize(json, GridXReceiverJsonContext.Default.InverterStatusEvent)!;

        json.ShouldContain("\"applianceID\":\"fc0a6ac7-64ce-4276-a7cd-bace946af433\"");
        json.ShouldContain("\"type\":\"inverter/status\"");
        json.ShouldNotContain("correlationID");
        read.Id.ShouldBe(Event.Id);
        read.Time.ShouldBe(Event.Time);
        read.Type.ShouldBe(InverterStatusEventType.InverterStatus);
        read.Data!.Status.ShouldBe(InverterEventDataStatus.Ok);
        read.Data.Kind!.Value.Value.ShouldBe("NEW_KIND");
        read.Data.Kind.Value.IsDefined.ShouldBeFalse();
    }

    [Fact]
    public void The_context_serves_options_without_reflection()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = GridXReceiverJsonContext.Default };
        options.MakeReadOnly();

        var json = JsonSerializer.Serialize(Event, options);
        JsonSerializer.Deserialize<InverterStatusEvent>(json, options)!.Source.ShouldBe(Event.Source);
        GridXReceiverJsonContext.Default.GetTypeInfo(typeof(ApplianceEventData)).ShouldNotBeNull();
        GridXReceiverJsonContext.Default.GetTypeInfo(typeof(string)).ShouldBeNull();
        Should.Throw<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("https://example.test"), options));
    }

    [Fact]
    public void An_invalid_payload_is_a_JsonException_naming_the_member()
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize(
            """{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","time":"2024-05-06T07:08:09Z","specVersion":"1.0","source":"/s","type":"inverter/status","data":{"applianceID":"x"}}""",
            GridXReceiverJsonContext.Default.InverterStatusEvent));

        exception.Message.ShouldContain("data.applianceID");
    }
}
