using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles.PetShop;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// A receiver written as <c>paths</c> (<c>Styles/specs/petshop-paths.yaml</c>, server path <c>/petshop</c>) where one path's
/// body is a <c>oneOf</c> with a discriminator on <c>kind</c> whose mapping sends two values to the same schema:
/// <c>cat.adopted</c> and <c>cat.returned</c> are two events with two handlers that both take <see cref="CatEvent"/>;
/// <c>dog.adopted</c> takes <see cref="DogEvent"/>. The spec declares its signature (<c>X-Petshop-Signature: sha256=</c>,
/// no verifier in code) and 403 for it. Another path, <c>/events/shop/closed</c>, is an ordinary single-event route.
/// </summary>
public sealed class PetShopPathsDiscriminatorTests : SharedRouteContract
{
    private const string ShopClosedRoute = "/petshop/events/shop/closed";

    private static readonly StyleSignature PetshopSha256 = new("X-Petshop-Signature", HmacAlgorithm.Sha256);
    private static readonly Guid PetId = Guid.Parse("6f1c2a7e-3b7d-4c1e-9a55-0d1e2f3a4b5c");
    private static readonly DateTimeOffset At = new(2024, 3, 1, 10, 30, 0, TimeSpan.FromHours(1));

    protected override string ReceiverName => nameof(PetShopReceiver);

    protected override StyleSignature Signature => PetshopSha256;

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Forbidden;

    protected override string SharedRoute => "/petshop/events/pets";

    protected override string KnownEventValue => "cat.returned";

    protected override string KnownEventHandler => nameof(PetShopReceiver.OnCatReturnedAsync);

    protected override Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null) =>
        StyleHosting.StartAsync(ReceiverName, services => services.AddPetShopReceiver(), app => app.MapPetShopReceiver(), configure);

    protected override (JsonObject Body, Action<HttpRequestMessage>? Configure) SampleDelivery(string? eventValue)
    {
        var body = Cat("cat.returned");
        if (eventValue is null)
        {
            body.Remove("kind");
        }
        else
        {
            body["kind"] = eventValue;
        }

        return (body, null);
    }

    [Fact]
    public async Task Cat_adopted_reaches_its_own_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(Cat("cat.adopted"), nameof(PetShopReceiver.OnCatAdoptedAsync), "cat.adopted");

        delivery.EventId.ShouldBe(PetId.ToString());
        var payload = delivery.Payload.ShouldBeOfType<CatEvent>();
        payload.Kind.ShouldBe(CatEventKind.CatAdopted);
        payload.Kind.IsDefined.ShouldBeTrue();
        ShouldBeSampleCat(payload);
    }

    [Fact]
    public async Task Cat_returned_maps_to_the_same_schema_but_reaches_its_own_handler()
    {
        var delivery = await DeliverAsync(Cat("cat.returned"), nameof(PetShopReceiver.OnCatReturnedAsync), "cat.returned");

        delivery.EventId.ShouldBe(PetId.ToString());
        var payload = delivery.Payload.ShouldBeOfType<CatEvent>();
        payload.Kind.ShouldBe(CatEventKind.CatReturned);
        ShouldBeSampleCat(payload);
    }

    [Fact]
    public async Task Dog_adopted_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(Dog(), nameof(PetShopReceiver.OnDogAdoptedAsync), "dog.adopted");

        delivery.EventId.ShouldBe(PetId.ToString());
        var payload = delivery.Payload.ShouldBeOfType<DogEvent>();
        payload.Kind.ShouldBe("dog.adopted");
        payload.Id.ShouldBe(PetId);
        payload.Name.ShouldBe("Rex");
        payload.Breed.ShouldBe("Beagle");
        payload.GoodBoy.ShouldBe(true);
    }

    [Fact]
    public async Task Shop_closed_is_served_at_its_own_path()
    {
        var body = new JsonObject { ["closedAt"] = "2024-03-01T18:00:00Z", ["reason"] = "End of the day" };

        var delivery = await DeliverAsync(body, nameof(PetShopReceiver.OnShopClosedAsync), "shop/closed", path: ShopClosedRoute);

        delivery.EventId.ShouldBeNull();
        var payload = delivery.Payload.ShouldBeOfType<ShopClosedEvent>();
        payload.ClosedAt.ShouldBe(new DateTimeOffset(2024, 3, 1, 18, 0, 0, TimeSpan.Zero));
        payload.Reason.ShouldBe("End of the day");
    }

    [Fact]
    public async Task Each_of_the_two_values_that_share_a_schema_is_counted_once_on_one_host()
    {
        await using var host = await StartAsync();

        foreach (var kind in new[] { "cat.adopted", "cat.returned", "cat.adopted", "dog.adopted" })
        {
            var response = await host.PostSignedAsync(Signature, SharedRoute, kind == "dog.adopted" ? Dog() : Cat(kind));
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var handlers = host.Recorder.Deliveries;
        handlers.Count.ShouldBe(4);
        handlers[0].Handler.ShouldBe(nameof(PetShopReceiver.OnCatAdoptedAsync));
        handlers[1].Handler.ShouldBe(nameof(PetShopReceiver.OnCatReturnedAsync));
        handlers[2].Handler.ShouldBe(nameof(PetShopReceiver.OnCatAdoptedAsync));
        handlers[3].Handler.ShouldBe(nameof(PetShopReceiver.OnDogAdoptedAsync));
    }

    [Fact]
    public async Task A_delivery_without_kind_is_an_unknown_event()
    {
        var (body, _) = SampleDelivery(eventValue: null);

        await ShouldBeAcknowledgedAsUnknownAsync(body, "(none)");
    }

    [Fact]
    public async Task A_value_the_mapping_does_not_list_is_an_unknown_event_even_when_the_body_fits_a_schema()
    {
        // "cat" alone is no mapping value; the body is a perfectly good CatEvent otherwise.
        await ShouldBeAcknowledgedAsUnknownAsync(Cat("cat"), "cat");
    }

    [Fact]
    public async Task A_dog_body_named_as_a_cat_is_rejected_as_a_cat()
    {
        var body = Dog();
        body["kind"] = "cat.adopted";

        await ShouldBeRejectedAsInvalidAsync(body, "at");
    }

    [Fact]
    public async Task A_dog_without_its_required_breed_is_rejected_naming_it()
    {
        var body = Dog();
        body.Remove("breed");

        await ShouldBeRejectedAsInvalidAsync(body, "breed");
    }

    [Fact]
    public async Task A_cat_with_lives_that_are_not_an_integer_is_rejected_naming_it()
    {
        var body = Cat("cat.returned");
        body["lives"] = "nine";

        await ShouldBeRejectedAsInvalidAsync(body, "lives");
    }

    [Fact]
    public async Task A_cat_id_that_is_not_a_uuid_is_rejected_naming_it()
    {
        var body = Cat("cat.adopted");
        body["id"] = "not-a-uuid";

        await ShouldBeRejectedAsInvalidAsync(body, "id");
    }

    [Fact]
    public async Task A_shop_closed_delivery_without_closed_at_is_rejected_naming_it()
    {
        await ShouldBeRejectedAsInvalidAsync(new JsonObject { ["reason"] = "lunch" }, "closedAt", path: ShopClosedRoute);
    }

    [Fact]
    public async Task A_wrong_signature_on_the_single_event_path_is_rejected_with_the_declared_403()
    {
        await using var host = await StartAsync();
        var bytes = StyleHosting.Bytes(new JsonObject { ["closedAt"] = "2024-03-01T18:00:00Z" });

        var response = await host.PostWithHeaderAsync(ShopClosedRoute, bytes, Signature.HeaderName, Signature.Sign(bytes, "not-the-secret"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task The_spec_declared_signature_needs_no_verifier_in_code_but_a_secret()
    {
        var exception = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StyleHosting.StartAsync(
            ReceiverName,
            services => services.AddPetShopReceiver(),
            app => app.MapPetShopReceiver(),
            options => options.Configuration.Remove($"Webhooks:{ReceiverName}:Secret")));

        exception.Message.ShouldContain($"Webhooks:{ReceiverName}:Secret");
    }

    [Fact]
    public async Task The_server_path_prefix_can_be_replaced()
    {
        await using var host = await StyleHosting.StartAsync(ReceiverName, services => services.AddPetShopReceiver(), app => app.MapPetShopReceiver("/shop-hooks"));

        var moved = await host.PostSignedAsync(Signature, "/shop-hooks/events/pets", Cat("cat.adopted"));
        var old = await host.PostSignedAsync(Signature, SharedRoute, Cat("cat.adopted"));

        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await old.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(nameof(PetShopReceiver.OnCatAdoptedAsync));
    }

    private static JsonObject Cat(string kind) => new()
    {
        ["kind"] = kind,
        ["id"] = PetId.ToString(),
        ["name"] = "Mittens",
        ["at"] = "2024-03-01T10:30:00+01:00",
        ["indoor"] = true,
        ["lives"] = 9,
    };

    private static JsonObject Dog() => new()
    {
        ["kind"] = "dog.adopted",
        ["id"] = PetId.ToString(),
        ["name"] = "Rex",
        ["breed"] = "Beagle",
        ["goodBoy"] = true,
    };

    private static void ShouldBeSampleCat(CatEvent payload)
    {
        payload.Id.ShouldBe(PetId);
        payload.Name.ShouldBe("Mittens");
        payload.At.ShouldBe(At);
        payload.Indoor.ShouldBe(true);
        payload.Lives.ShouldBe(9);
    }
}
