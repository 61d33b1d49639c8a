using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>Schema constructs of the real specs under specs/, read through the generated code.</summary>
public sealed class CorpusSchemaTests
{
    private static string Spec(string folder) =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "specs", folder)).Single());

    [Fact]
    public void Camara_events_type_their_data_as_each_event_schema_narrows_it()
    {
        var run = SchemaHarness.Run(Spec("camara-device-roaming-status"));
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        var generated = Generated.Load(run);

        foreach (var (eventType, dataType) in new[]
        {
            ("EventRoamingStatus", "RoamingStatus"), ("EventRoamingChangeCountry", "RoamingChangeCountry"),
            ("EventSubscriptionEnds", "SubscriptionEnds"), ("EventRoamingOn", "BasicDeviceEventData"), ("EventRoamingOff", "BasicDeviceEventData"),
        })
        {
            generated.Type(eventType).GetProperty("Data", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)!
                .PropertyType.Name.ShouldBe(dataType);
        }

        const string Event = """
            {"id":"123654","source":"https://notificationSendServer12.supertelco.com","type":"org.camaraproject.device-roaming-status-subscriptions.v0.roaming-status",
             "specversion":"1.0","datacontenttype":"application/json","time":"2023-01-17T13:18:23.682Z",
             "data":{"device":{"phoneNumber":"+123456789"},"subscriptionId":"qs15-h556-rt89-1298","roaming":true,"countryCode":262,"countryName":["DE"]}}
            """;
        Get(generated.Read("EventRoamingStatus", Event), "Data", "Roaming").ShouldBe(true);
        generated.ReadError("EventRoamingStatus", Event.Replace("\"roaming\":true,", string.Empty)).ShouldContain("'data.roaming'");

        // Read as the union of all events, an event type added since is kept.
        generated.Read("CloudEvent", Event).GetType().Name.ShouldBe("EventRoamingStatus");
        generated.Read("CloudEvent", Event.Replace("v0.roaming-status", "v0.roaming-paused")).GetType().Name.ShouldBe("CloudEventUnknown");
    }
}
