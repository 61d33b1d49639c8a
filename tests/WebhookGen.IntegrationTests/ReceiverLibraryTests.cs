using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.IntegrationTests.LibraryApp;
using WebhookGen.ReceiverLibrary;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>
/// A receiver library (docs/receiver-library.md): the spec's generated code compiled in a project of its own
/// (WebhookGen.ReceiverLibrary, an abstract receiver), the handlers overridden in the app's assembly (this one).
/// </summary>
public sealed class ReceiverLibraryTests
{
    private const string Section = "Webhooks:" + nameof(LibraryGridXReceiver);
    private const string Secret = "library-secret-0123456789abcdef";

    [Fact]
    public async Task A_signed_delivery_reaches_the_override_in_the_app_typed_by_the_library()
    {
        await using var host = await StartAsync();
        var body = Encoding.UTF8.GetBytes(Payloads.GatewayOnline.Sample().ToJsonString(Payloads.Json));

        var response = await host.PostAsync(Payloads.GatewayOnline.Path, body, Signer.Sign(body, Secret));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var delivery = host.Recorder.Deliveries.ShouldHaveSingleItem();
        delivery.Receiver.ShouldBe(nameof(LibraryGridXHandlers));
        delivery.Handler.ShouldBe(nameof(LibraryGridXHandlers.OnGatewayOnlineAsync));
        delivery.ReceiverName.ShouldBe(nameof(LibraryGridXReceiver));
        var payload = delivery.Payload.ShouldBeOfType<WebhookGen.ReceiverLibrary.GatewayOnlineEvent>();
        payload.GetType().Assembly.GetName().Name.ShouldBe("WebhookGen.ReceiverLibrary");
        payload.Data!.GatewayID.ShouldBe(Payloads.GatewayId);
    }

    [Fact]
    public async Task A_delivery_signed_with_another_secret_is_refused_before_any_handler()
    {
        await using var host = await StartAsync();
        var body = Encoding.UTF8.GetBytes(Payloads.GatewayOnline.Sample().ToJsonString(Payloads.Json));

        var response = await host.PostAsync(Payloads.GatewayOnline.Path, body, Signer.Sign(body, Secret + "-other"));

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task The_abstract_receiver_resolves_as_the_apps_class_scoped()
    {
        await using var host = await StartAsync();
        using var first = host.Services.CreateScope();
        using var second = host.Services.CreateScope();

        var handlers = first.ServiceProvider.GetRequiredService<LibraryGridXReceiver>();

        handlers.ShouldBeOfType<LibraryGridXHandlers>();
        first.ServiceProvider.GetRequiredService<LibraryGridXReceiver>().ShouldBeSameAs(handlers);
        second.ServiceProvider.GetRequiredService<LibraryGridXReceiver>().ShouldNotBeSameAs(handlers);
    }

    [Fact]
    public async Task Without_its_secret_the_app_refuses_to_start()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options =>
        {
            options.AddServices = services => services.AddLibraryGridXReceiver<LibraryGridXHandlers>();
            options.Map = app => app.MapLibraryGridXReceiver();
        }));

        exception.OptionsName.ShouldBe(nameof(LibraryGridXReceiver));
    }

    private static Task<ReceiverHost> StartAsync() => ReceiverHost.StartAsync(options =>
    {
        options.Configuration[Section + ":Secret"] = Secret;
        options.AddServices = services => services.AddLibraryGridXReceiver<LibraryGridXHandlers>();
        options.Map = app => app.MapLibraryGridXReceiver();
    });
}
