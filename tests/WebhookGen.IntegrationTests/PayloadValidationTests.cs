using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>
/// A signed body that is not what the spec describes is a client error: 400 problem+json naming the field, never a 5xx,
/// never the handler. A value the spec's enums do not list is not an error: open enums keep it. These are the answers of
/// <see cref="WebhookPayloadReading.Strict"/>; the default, tolerant reading of the same drift is in DriftTests.
/// </summary>
public sealed class PayloadValidationTests
{
    private static Task<ReceiverHost> StartStrictAsync() =>
        ReceiverHost.StartAsync(options => options.Configuration["Webhooks:GridXReceiver:PayloadReading"] = "Strict");

    [Theory]
    [InlineData("{ \"id\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"id\":\"a\"} trailing")]
    [InlineData("")]
    [InlineData("[]")]
    public async Task A_signed_body_that_is_not_a_json_object_is_rejected_with_400(string text)
    {
        await using var host = await StartStrictAsync();

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, Encoding.UTF8.GetBytes(text));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("Invalid webhook payload");
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        host.Recorder.ShouldHaveNoDelivery();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(host.Secret!);
    }

    [Fact]
    public async Task A_wrong_type_is_rejected_with_400_naming_the_field()
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.ApplianceCreate.Sample();
        body["time"] = 5;

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("time");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("time");
        host.Recorder.ShouldHaveNoDelivery();
        await ShouldNotLeakAsync(host, response, body);
    }

    [Theory]
    [InlineData("id", "not-a-uuid")]
    [InlineData("time", "yesterday")]
    [InlineData("specVersion", 1.0)]
    [InlineData("source", true)]
    [InlineData("type", 7)]
    public async Task A_value_of_the_wrong_format_is_rejected_with_400_naming_the_field(string field, object value)
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.ApplianceCreate.Sample();
        body[field] = JsonSerializer.SerializeToNode(value);

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe(field);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Theory]
    [InlineData("source")]
    [InlineData("id")]
    [InlineData("time")]
    [InlineData("specVersion")]
    [InlineData("type")]
    public async Task A_missing_required_property_is_rejected_with_400_naming_it(string field)
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.ApplianceCreate.Sample();
        body.Remove(field);

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(field);
        host.Recorder.ShouldHaveNoDelivery();
        await ShouldNotLeakAsync(host, response, body);
    }

    [Fact]
    public async Task A_missing_required_property_inside_data_is_named_by_its_path()
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.ApplianceCreate.Sample();
        body["data"]!.AsObject().Remove("applianceID");

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("data.applianceID");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("data.applianceID");
        host.Recorder.ShouldHaveNoDelivery();
        await ShouldNotLeakAsync(host, response, body);
    }

    [Fact]
    public async Task A_required_property_of_a_derived_data_schema_is_enforced()
    {
        // InverterEventData adds required status and lastStatus to ApplianceEventData.
        await using var host = await StartStrictAsync();
        var body = Payloads.InverterStatus.Sample();
        body["data"]!.AsObject().Remove("lastStatus");

        var response = await host.PostSignedAsync(Payloads.InverterStatus.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("data.lastStatus");
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task Data_of_the_wrong_type_is_rejected_naming_data()
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.GatewayCreate.Sample();
        body["data"] = "a string";

        var response = await host.PostSignedAsync(Payloads.GatewayCreate.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("data");
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_problem_is_still_a_400_when_the_sender_does_not_accept_json()
    {
        // Client errors are never 5xx, whatever the sender's Accept header says.
        await using var host = await StartStrictAsync();
        var body = Payloads.ApplianceCreate.Sample();
        body.Remove("source");

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body, request => request.Headers.Add("Accept", "text/plain"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task An_appliance_kind_the_spec_does_not_list_is_kept()
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.ApplianceCreate.Sample();
        body["data"]!["kind"] = "NEW_KIND";

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var payload = host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<ApplianceCreateEvent>();
        var kind = payload.Data.ShouldNotBeNull().Kind.ShouldNotBeNull();
        kind.Value.ShouldBe("NEW_KIND");
        kind.IsDefined.ShouldBeFalse();
        payload.Data.Type.ShouldBe(ApplianceEventDataType.Meter);
    }

    [Fact]
    public async Task An_inverter_status_the_spec_does_not_list_is_kept()
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.InverterStatus.Sample();
        body["data"]!["status"] = "REBOOTING";

        var response = await host.PostSignedAsync(Payloads.InverterStatus.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var data = host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<InverterStatusEvent>().Data.ShouldNotBeNull();
        data.Status.Value.ShouldBe("REBOOTING");
        data.Status.IsDefined.ShouldBeFalse();
        data.Status.ShouldNotBe(InverterEventDataStatus.Unknown);
        data.LastStatus.ShouldBe(InverterEventDataStatus.Error);
        data.LastStatus.IsDefined.ShouldBeTrue();
    }

    [Fact]
    public async Task A_value_the_spec_does_not_list_is_kept_but_a_type_naming_another_event_is_refused()
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.EvPlugged.Sample();
        body["data"]!["state"] = "unplugged";

        var response = await host.PostSignedAsync(Payloads.EvPlugged.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var payload = host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<EVPluggedEvent>();
        payload.Data.ShouldNotBeNull().State.Value.ShouldBe("unplugged");
        payload.Data.State.IsDefined.ShouldBeFalse();

        // `type` names the event, and ev/plugged's route takes ev/plugged only (docs/security.md).
        body["type"] = "ev/unplugged";
        await (await host.PostSignedAsync(Payloads.EvPlugged.Path, body)).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        host.Recorder.Deliveries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Properties_the_spec_does_not_declare_are_ignored()
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.GatewayOnline.Sample();
        body["notification"] = new JsonObject { ["title"] = "x", ["nested"] = new JsonArray(1, 2, new JsonObject()) };
        body["data"]!["firmware"] = "1.2.3";

        var response = await host.PostSignedAsync(Payloads.GatewayOnline.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<GatewayOnlineEvent>().Data.ShouldNotBeNull().GatewayID.ShouldBe(Payloads.GatewayId);
    }

    [Fact]
    public async Task Escaped_strings_are_read_unescaped()
    {
        // Valid JSON as System.Text.Json writes it by default: "+02:00" as "\u002B02:00", "ß" as "\u00DF".
        await using var host = await StartStrictAsync();
        var text = Payloads.ComissioningDone.Sample().ToJsonString(Payloads.EscapedJson);
        text.ShouldContain("\\u002B02:00");
        text.ShouldContain("Stra\\u00DFe");

        var response = await host.PostSignedAsync(Payloads.ComissioningDone.Path, Encoding.UTF8.GetBytes(text));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var payload = host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<ComissioningDoneEvent>();
        payload.Time.ShouldBe(Payloads.TimeValue);
        payload.Data.ShouldNotBeNull().CustomerAddress.ShouldBe(Payloads.CustomerAddress);
    }

    [Theory]
    [InlineData("2024-05-06T05:08:09.123Z")]
    [InlineData("2024-05-06T05:08:09Z")]
    [InlineData("2024-05-06T07:08:09.123+02:00")]
    [InlineData("2024-05-06T01:08:09.123-04:00")]
    public async Task Rfc3339_times_are_read_with_their_offset(string time)
    {
        await using var host = await StartStrictAsync();
        var body = Payloads.GatewayOffline.Sample();
        body["time"] = time;

        var response = await host.PostSignedAsync(Payloads.GatewayOffline.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var payload = host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<GatewayOfflineEvent>();
        payload.Time.ShouldBe(System.DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        payload.Time.UtcDateTime.ShouldBe(new System.DateTime(2024, 5, 6, 5, 8, 9, System.DateTimeKind.Utc), System.TimeSpan.FromSeconds(1));
    }

    /// <summary>Neither the answer nor the log may carry the secret; the log must not carry the body.</summary>
    private static async Task ShouldNotLeakAsync(ReceiverHost host, System.Net.Http.HttpResponseMessage response, JsonNode body)
    {
        var answer = await response.Content.ReadAsStringAsync();
        answer.ShouldNotContain(host.Secret!);
        answer.ShouldNotContain(Payloads.Source);
        var log = host.Logs.AllText;
        log.ShouldContain("invalid payload");
        log.ShouldNotContain(host.Secret!);
        log.ShouldNotContain(body.ToJsonString(Payloads.Json));
        log.ShouldNotContain(Payloads.Source);
    }
}
