using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace WebhookGen.IntegrationTests.Infrastructure;

/// <summary>One event of the gridX spec: its route under the default prefix, its <c>type</c>, its handler, a sample body.</summary>
public sealed record GridXEvent(string Name, string Path, string Type, string Handler, Func<JsonObject> Sample)
{
    public override string ToString() => Name;
}

/// <summary>CloudEvents-shaped gridX bodies as the spec describes them, with fixed, recognizable values.</summary>
public static class Payloads
{
    public const string Time = "2024-05-06T07:08:09.123+02:00";
    public const string Source = "/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f";
    public const string CustomerEmail = "max.mustermann@muster.example";
    public const string CustomerAddress = "Straße Str. 1, 20359, Hamburg, Germany";
    public const string UserMail = "erika.musterfrau@muster.example";

    /// <summary>
    /// How the tests write bodies: plain UTF-8, escaping only what JSON requires, as most senders do. (System.Text.Json's
    /// default would write <c>+</c> as <c>\u002B</c> and <c>ß</c> as <c>\u00DF</c>; <see cref="EscapedJson"/> does that on purpose.)
    /// </summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>System.Text.Json's default writing: every non-ASCII character and <c>+ &lt; &gt; &amp; '</c> as <c>\uXXXX</c>.</summary>
    public static readonly JsonSerializerOptions EscapedJson = new();

    public static readonly DateTimeOffset TimeValue = new(2024, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2));
    public static readonly Guid CorrelationId = Guid.Parse("0b7a9c52-7e0f-4a55-9f0c-2a8f3e1d6b11");
    public static readonly Guid ApplianceId = Guid.Parse("fc0a6ac7-64ce-4276-a7cd-bace946af433");
    public static readonly Guid GatewayId = Guid.Parse("25ccab17-cd40-4db1-a320-a986d1c15fb1");
    public static readonly Guid SystemId = Guid.Parse("c9db369e-7cf8-4ad1-ade5-46f61a5125c2");
    public static readonly Guid UserId = Guid.Parse("a115d9e3-6e78-4ddf-8676-a98c28ad8249");
    public static readonly Guid CustomerId = Guid.Parse("1a81c4f4-5f6c-48e6-be91-2528c1c0bb28");

    public static readonly GridXEvent ApplianceCreate = new("appliance/create", "/gridx/events/appliance/create", "appliance/create", "OnApplianceCreateAsync", () => Event("appliance/create", ApplianceData()));
    public static readonly GridXEvent ApplianceOffline = new("appliance/offline", "/gridx/events/appliance/offline", "appliance/offline", "OnApplianceOfflineAsync", () => Event("appliance/offline", ApplianceData()));
    public static readonly GridXEvent ApplianceOnline = new("appliance/online", "/gridx/events/appliance/online", "appliance/online", "OnApplianceOnlineAsync", () => Event("appliance/online", ApplianceData()));
    public static readonly GridXEvent InverterStatus = new("inverter/status", "/gridx/events/inverter/status", "inverter/status", "OnInverterStatusAsync", () => Event("inverter/status", InverterData()));
    public static readonly GridXEvent GatewayCreate = new("gateway/create", "/gridx/events/gateway/create", "gateway/create", "OnGatewayCreateAsync", () => Event("gateway/create", GatewayData()));
    public static readonly GridXEvent GatewayOffline = new("gateway/offline", "/gridx/events/gateway/offline", "gateway/offline", "OnGatewayOfflineAsync", () => Event("gateway/offline", GatewayData()));
    public static readonly GridXEvent GatewayOnline = new("gateway/online", "/gridx/events/gateway/online", "gateway/online", "OnGatewayOnlineAsync", () => Event("gateway/online", GatewayData()));
    public static readonly GridXEvent EvPlugged = new("ev/plugged", "/gridx/events/ev/plugged", "ev/plugged", "OnEvPluggedAsync", () => Event("ev/plugged", EvData()));

    // The path keeps the spec's spelling "comissioning"; the event type is spelled "commissioning".
    public static readonly GridXEvent ComissioningDone = new("comissioning/done", "/gridx/events/comissioning/done", "commissioning/done", "OnComissioningDoneAsync", () => Event("commissioning/done", CommissioningData()));

    public static IReadOnlyList<GridXEvent> All { get; } =
        [ApplianceCreate, ApplianceOffline, ApplianceOnline, InverterStatus, GatewayCreate, GatewayOffline, GatewayOnline, EvPlugged, ComissioningDone];

    /// <summary>For <c>[MemberData]</c>: the name of each event, looked up again with <see cref="Named"/>.</summary>
    public static TheoryData<string> EventNames => new(All.Select(e => e.Name));

    public static GridXEvent Named(string name) => All.Single(e => e.Name == name);

    /// <summary>The CloudEvents envelope every gridX event has, with a fresh id.</summary>
    public static JsonObject Event(string type, JsonObject? data) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["time"] = Time,
        ["dataContentType"] = "application/json",
        ["specVersion"] = "1.0",
        ["source"] = Source,
        ["correlationID"] = CorrelationId.ToString(),
        ["type"] = type,
        ["data"] = data,
    };

    public static JsonObject ApplianceData(string type = "METER", string kind = "GRID") => new()
    {
        ["applianceID"] = ApplianceId.ToString(),
        ["gatewayID"] = GatewayId.ToString(),
        ["model"] = "Baz",
        ["manufacturer"] = "Iskraemeco",
        ["type"] = type,
        ["kind"] = kind,
        ["name"] = "ExampleMeter",
        ["serialNumber"] = "9312355",
        ["systemID"] = SystemId.ToString(),
        ["systemName"] = "ExampleSystem",
    };

    public static JsonObject InverterData(string status = "WARNING", string lastStatus = "ERROR")
    {
        var data = ApplianceData(type: "INVERTER", kind: "HYBRID");
        data["status"] = status;
        data["lastStatus"] = lastStatus;
        data["errCode"] = "E42";
        data["lastErrCode"] = "F71A";
        return data;
    }

    public static JsonObject EvData(string state = "plugged")
    {
        var data = ApplianceData(type: "EVSTATION", kind: "EVSTATION");
        data["evseID"] = "FR*A23*E45B*78C";
        data["state"] = state;
        return data;
    }

    public static JsonObject GatewayData() => new()
    {
        ["gatewayID"] = GatewayId.ToString(),
        ["gatewayName"] = "My gridBox",
        ["gatewaySerialnumber"] = "D403-007-000-000-001-B-X",
        ["systemID"] = SystemId.ToString(),
        ["systemName"] = "ExampleSystem",
        ["userID"] = UserId.ToString(),
        ["userName"] = "Erika Musterfrau",
        ["userMail"] = UserMail,
    };

    public static JsonObject CommissioningData() => new()
    {
        ["customerID"] = CustomerId.ToString(),
        ["customerEmail"] = CustomerEmail,
        ["customerAddress"] = CustomerAddress,
        ["systemName"] = "Test system",
        ["gatewaySerialnumber"] = "D403-007-000-000-001-B-X",
    };
}
