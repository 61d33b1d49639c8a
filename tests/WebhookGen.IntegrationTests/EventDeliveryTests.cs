using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>Every event of the spec, signed and valid, reaches its own handler with the typed values of its body.</summary>
public sealed class EventDeliveryTests
{
    [Fact]
    public async Task Appliance_create_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<ApplianceCreateEvent>(Payloads.ApplianceCreate);

        payload.Type.ShouldBe(ApplianceCreateEventType.ApplianceCreate);
        payload.Type.IsDefined.ShouldBeTrue();
        ShouldBeSampleApplianceData(payload.Data);
    }

    [Fact]
    public async Task Appliance_offline_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<ApplianceOfflineEvent>(Payloads.ApplianceOffline);

        payload.Type.Value.ShouldBe("appliance/offline");
        payload.Type.IsDefined.ShouldBeTrue();
        ShouldBeSampleApplianceData(payload.Data);
    }

    [Fact]
    public async Task Appliance_online_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<ApplianceOnlineEvent>(Payloads.ApplianceOnline);

        payload.Type.Value.ShouldBe("appliance/online");
        payload.Type.IsDefined.ShouldBeTrue();
        ShouldBeSampleApplianceData(payload.Data);
    }

    [Fact]
    public async Task Inverter_status_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<InverterStatusEvent>(Payloads.InverterStatus);

        payload.Type.Value.ShouldBe("inverter/status");
        var data = payload.Data.ShouldNotBeNull();
        data.ApplianceID.ShouldBe(Payloads.ApplianceId);
        data.GatewayID.ShouldBe(Payloads.GatewayId);
        data.SystemID.ShouldBe(Payloads.SystemId);
        data.Type.ShouldBe(ApplianceEventDataType.Inverter);
        data.Kind.ShouldBe(ApplianceEventDataKind.Hybrid);
        data.Status.ShouldBe(InverterEventDataStatus.Warning);
        data.Status.IsDefined.ShouldBeTrue();
        data.LastStatus.ShouldBe(InverterEventDataStatus.Error);
        data.LastStatus.IsDefined.ShouldBeTrue();
        data.ErrCode.ShouldBe("E42");
        data.LastErrCode.ShouldBe("F71A");
    }

    [Fact]
    public async Task Gateway_create_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<GatewayCreateEvent>(Payloads.GatewayCreate);

        payload.Type.ShouldBe(GatewayCreateEventType.GatewayCreate);
        ShouldBeSampleGatewayData(payload.Data);
    }

    [Fact]
    public async Task Gateway_offline_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<GatewayOfflineEvent>(Payloads.GatewayOffline);

        payload.Type.Value.ShouldBe("gateway/offline");
        ShouldBeSampleGatewayData(payload.Data);
    }

    [Fact]
    public async Task Gateway_online_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<GatewayOnlineEvent>(Payloads.GatewayOnline);

        payload.Type.Value.ShouldBe("gateway/online");
        ShouldBeSampleGatewayData(payload.Data);
    }

    [Fact]
    public async Task Ev_plugged_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<EVPluggedEvent>(Payloads.EvPlugged);

        payload.Type.Value.ShouldBe("ev/plugged");
        payload.Type.IsDefined.ShouldBeTrue();
        var data = payload.Data.ShouldNotBeNull();
        data.State.ShouldBe(EVEventDataState.Plugged);
        data.State.IsDefined.ShouldBeTrue();
        data.EvseID.ShouldBe("FR*A23*E45B*78C");
        data.ApplianceID.ShouldBe(Payloads.ApplianceId);
        data.Type?.Value.ShouldBe("EVSTATION");
    }

    [Fact]
    public async Task Comissioning_done_reaches_its_handler_with_typed_values()
    {
        var payload = await DeliverAsync<ComissioningDoneEvent>(Payloads.ComissioningDone);

        payload.Type.Value.ShouldBe("commissioning/done");
        payload.Type.IsDefined.ShouldBeTrue();
        var data = payload.Data.ShouldNotBeNull();
        data.CustomerID.ShouldBe(Payloads.CustomerId);
        data.CustomerEmail.ShouldBe(Payloads.CustomerEmail);
        data.CustomerAddress.ShouldBe(Payloads.CustomerAddress);
        data.SystemName.ShouldBe("Test system");
        data.GatewaySerialnumber.ShouldBe("D403-007-000-000-001-B-X");
    }

    [Fact]
    public async Task A_body_without_optional_properties_and_with_null_data_is_accepted()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = Payloads.ApplianceCreate.Sample();
        body.Remove("correlationID");
        body.Remove("dataContentType");
        body["data"] = null;

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var payload = host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<ApplianceCreateEvent>();
        payload.Data.ShouldBeNull();
        payload.CorrelationID.ShouldBeNull();
        payload.DataContentType.ShouldBeNull();
    }

    [Fact]
    public async Task A_signed_body_of_one_event_posted_to_another_events_route_is_refused()
    {
        // The URL does not decide the event: the signed body names appliance/create, the route is gateway/create's.
        await using var host = await ReceiverHost.StartAsync();

        var response = await host.PostSignedAsync(Payloads.GatewayCreate.Path, Payloads.ApplianceCreate.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The body names the event 'appliance/create' in 'type', but was sent to the route of 'gateway/create'");
        host.Recorder.Deliveries.ShouldBeEmpty();
    }

    /// <summary>
    /// Posts the event's sample, signed, and checks what every delivery must have: 200, its own handler called once,
    /// the envelope's typed values, the event id, the raw body and a request header.
    /// </summary>
    private static async Task<TEvent> DeliverAsync<TEvent>(GridXEvent gridXEvent)
        where TEvent : BasicEvent
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = gridXEvent.Sample();
        var id = (string)body["id"]!;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(Payloads.Json));

        var response = await host.PostSignedAsync(gridXEvent.Path, bytes, request => request.Headers.Add(GridXReceiver.DeliveryHeaderName, "delivery-" + id));

        var responseBody = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        responseBody.ShouldBeEmpty();
        var delivery = host.Recorder.ShouldHaveSingleDelivery();
        delivery.Handler.ShouldBe(gridXEvent.Handler);
        delivery.EventName.ShouldBe(gridXEvent.Name);
        delivery.ReceiverName.ShouldBe(nameof(GridXReceiver));
        delivery.EventId.ShouldBe(id);
        delivery.DeliveryHeader.ShouldBe("delivery-" + id);
        delivery.Body.ShouldBe(bytes);

        var payload = delivery.Payload.ShouldBeOfType<TEvent>();
        payload.Id.ShouldBe(Guid.Parse(id));
        payload.Time.ShouldBe(Payloads.TimeValue);
        payload.Time.Offset.ShouldBe(TimeSpan.FromHours(2));
        payload.SpecVersion.ShouldBe("1.0");
        payload.Source.ShouldBe(Payloads.Source);
        payload.CorrelationID.ShouldBe(Payloads.CorrelationId);
        payload.DataContentType.ShouldNotBeNull().Value.ShouldBe("application/json");
        return payload;
    }

    private static void ShouldBeSampleApplianceData(ApplianceEventData? data)
    {
        data.ShouldNotBeNull();
        data.ApplianceID.ShouldBe(Payloads.ApplianceId);
        data.GatewayID.ShouldBe(Payloads.GatewayId);
        data.SystemID.ShouldBe(Payloads.SystemId);
        data.Model.ShouldBe("Baz");
        data.Manufacturer.ShouldBe("Iskraemeco");
        data.Type.ShouldBe(ApplianceEventDataType.Meter);
        data.Type!.Value.IsDefined.ShouldBeTrue();
        data.Kind.ShouldBe(ApplianceEventDataKind.Grid);
        data.Kind!.Value.IsDefined.ShouldBeTrue();
        data.Name.ShouldBe("ExampleMeter");
        data.SerialNumber.ShouldBe("9312355");
        data.SystemName.ShouldBe("ExampleSystem");
    }

    private static void ShouldBeSampleGatewayData(GatewayEventData? data)
    {
        data.ShouldNotBeNull();
        data.GatewayID.ShouldBe(Payloads.GatewayId);
        data.GatewayName.ShouldBe("My gridBox");
        data.GatewaySerialnumber.ShouldBe("D403-007-000-000-001-B-X");
        data.SystemID.ShouldBe(Payloads.SystemId);
        data.SystemName.ShouldBe("ExampleSystem");
        data.UserID.ShouldBe(Payloads.UserId);
        data.UserName.ShouldBe("Erika Musterfrau");
        data.UserMail.ShouldBe(Payloads.UserMail);
    }
}
