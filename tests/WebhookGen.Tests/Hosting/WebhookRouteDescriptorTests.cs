using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.Hosting;
using Xunit;

namespace WebhookGen.Tests.Hosting;

public class WebhookRouteDescriptorTests
{
    private static readonly WebhookReceiverDescriptor Receiver = new("HookReceiver", "/webhooks", null);

    private static WebhookEventDescriptor<object, JsonElement> Event(string name) => new(
        Receiver,
        name,
        static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader),
        static (_, _, _, _) => new ValueTask<WebhookResult>(WebhookResult.Ok()));

    [Fact]
    public void A_route_lists_its_events_by_the_value_that_names_each()
    {
        var created = Event("created");
        var route = new WebhookRouteDescriptor(Receiver, WebhookEventSelector.BodyProperty("type"), new KeyValuePair<string, WebhookEvent>[]
        {
            new("thing.created", created),
            new("", Event("untyped")),
        });

        route.Events["thing.created"].ShouldBeSameAs(created);
        route.Events[""].EventName.ShouldBe("untyped");
        route.Selector!.Name.ShouldBe("type");
        route.Receiver.ShouldBeSameAs(Receiver);
    }

    [Fact]
    public void Two_events_under_one_value_are_refused()
    {
        Should.Throw<ArgumentException>(() => new WebhookRouteDescriptor(Receiver, WebhookEventSelector.Header("X-Event"), new KeyValuePair<string, WebhookEvent>[]
        {
            new("a", Event("first")),
            new("a", Event("second")),
        }));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Should.Throw<ArgumentNullException>(() => new WebhookRouteDescriptor(null!, WebhookEventSelector.Header("X"), []));
        Should.Throw<ArgumentNullException>(() => new WebhookRouteDescriptor(Receiver, WebhookEventSelector.Header("X"), null!));
    }

    [Fact]
    public void A_route_of_one_event_the_receiver_does_not_handle_has_no_selector_and_lists_it_as_ignored()
    {
        var route = new WebhookRouteDescriptor(Receiver, selector: null, [], ignored: [""]);

        route.Selector.ShouldBeNull();
        route.Events.ShouldBeEmpty();
        route.Ignored.ShouldBe([""]);
    }
}
