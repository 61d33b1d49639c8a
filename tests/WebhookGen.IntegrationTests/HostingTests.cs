using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>Add/Map as a user's Program.cs calls them: start-up validation, routes, conventions, mistakes.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Without_a_secret_the_app_refuses_to_start()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options => options.Secret = null));

        exception.Message.ShouldContain("Webhooks:GridXReceiver");
        exception.OptionsName.ShouldBe("GridXReceiver");
    }

    [Fact]
    public async Task With_an_empty_secret_the_app_refuses_to_start()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options => options.Secret = string.Empty));

        exception.Message.ShouldContain("Webhooks:GridXReceiver:Secret");
    }

    [Fact]
    public async Task A_non_positive_body_limit_refuses_to_start()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() =>
            ReceiverHost.StartAsync(options => options.Configuration["Webhooks:GridXReceiver:MaxRequestBodySize"] = "0"));

        exception.Message.ShouldContain("Webhooks:GridXReceiver:MaxRequestBodySize");
    }

    [Fact]
    public async Task Registering_twice_validates_once_and_applies_both_configurations()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            options.AddServices = services => services.AddGridXReceiver().AddGridXReceiver();
        }));
        exception.Failures.Count().ShouldBe(1, string.Join(Environment.NewLine, exception.Failures));

        await using var host = await ReceiverHost.StartAsync(options => options.AddServices = services => services
            .AddGridXReceiver(receiver => receiver.Secrets.Add("added-first"))
            .AddGridXReceiver(receiver => receiver.Secrets.Add("added-second")));
        var body = System.Text.Encoding.UTF8.GetBytes(Payloads.ApplianceOffline.Sample().ToJsonString(Payloads.Json));
        (await host.PostAsync(Payloads.ApplianceOffline.Path, body, Signer.Sign(body, "added-first"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostAsync(Payloads.ApplianceOffline.Path, body, Signer.Sign(body, "added-second"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Unsigned_deliveries_need_an_explicit_opt_in_and_then_skip_the_signature()
    {
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            options.Configuration["Webhooks:GridXReceiver:AllowUnsignedDeliveries"] = "true";
        });

        var response = await host.PostAsync(Payloads.GatewayCreate.Path, System.Text.Encoding.UTF8.GetBytes(Payloads.GatewayCreate.Sample().ToJsonString(Payloads.Json)), signature: null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery();
        host.Logs.AllText.ShouldContain("without checking a signature");
    }

    [Fact]
    public async Task The_route_prefix_can_be_replaced()
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Map = app => app.MapGridXReceiver("/hooks"));
        var body = Payloads.ApplianceCreate.Sample();

        var moved = await host.PostSignedAsync("/hooks/events/appliance/create", body);
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().EventName.ShouldBe("appliance/create");

        var old = await host.PostSignedAsync("/gridx/events/appliance/create", body);
        await old.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.Deliveries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Every_event_is_mapped_under_the_replaced_prefix()
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Map = app => app.MapGridXReceiver("/hooks/v2"));

        foreach (var gridXEvent in Payloads.All)
        {
            var path = "/hooks/v2" + gridXEvent.Path["/gridx".Length..];
            var response = await host.PostSignedAsync(path, gridXEvent.Sample());
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        host.Recorder.Deliveries.Count.ShouldBe(Payloads.All.Count);
    }

    [Fact]
    public async Task Conventions_on_the_returned_group_apply_to_every_event()
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Map = app => app.MapGridXReceiver().RequireHost("example.test"));

        var otherHost = await host.PostSignedAsync(Payloads.ApplianceOnline.Path, Payloads.ApplianceOnline.Sample());
        await otherHost.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.ShouldHaveNoDelivery();

        foreach (var gridXEvent in Payloads.All)
        {
            var response = await host.PostSignedAsync(gridXEvent.Path, gridXEvent.Sample(), request => request.Headers.Host = "example.test");
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        host.Recorder.Deliveries.Count.ShouldBe(Payloads.All.Count);
    }

    [Fact]
    public async Task Endpoint_filters_on_the_returned_group_run_around_the_receiver()
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Map = app => app.MapGridXReceiver().AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers["X-Filtered"] = "yes";
            return await next(context);
        }));

        var response = await host.PostSignedAsync(Payloads.EvPlugged.Path, Payloads.EvPlugged.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Headers.GetValues("X-Filtered").ShouldBe(["yes"]);
        host.Recorder.ShouldHaveSingleDelivery();
    }

    [Fact]
    public void Mapping_without_registering_throws_and_says_what_to_call()
    {
        var options = new ReceiverHostOptions { AddServices = _ => { }, Map = _ => { } };
        var (app, _) = ReceiverHost.Build(options);
        try
        {
            var exception = Should.Throw<InvalidOperationException>(() => app.MapGridXReceiver());

            exception.Message.ShouldContain("AddGridXReceiver");
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_on_an_event_route_are_405(string method)
    {
        await using var host = await ReceiverHost.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), Payloads.ApplianceCreate.Path);

        var response = await host.Client.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["POST"]);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_path_the_spec_does_not_declare_is_404()
    {
        await using var host = await ReceiverHost.StartAsync();

        var response = await host.PostSignedAsync("/gridx/events/appliance/delete", Payloads.ApplianceCreate.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task The_secret_comes_from_the_configuration_section_named_after_the_receiver()
    {
        // Webhooks:GridXReceiver is the section; another receiver's section is not read.
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Secret = "the-right-secret";
            options.Configuration["Webhooks:OtherReceiver:Secret"] = "the-wrong-secret";
        });
        var body = System.Text.Encoding.UTF8.GetBytes(Payloads.ApplianceCreate.Sample().ToJsonString(Payloads.Json));

        (await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, "the-wrong-secret"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.PostAsync(Payloads.ApplianceCreate.Path, body, Signer.Sign(body, "the-right-secret"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery();
    }
}
