using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// An <c>abstract</c> receiver declares its handlers abstract, for a derived class to override: the generated code can
/// then be compiled once, in a library, while the handlers change in the app (docs/receiver-library.md).
/// </summary>
public sealed class AbstractReceiverTests
{
    private const string AbstractReceiver = """
        using WebhookGen;

        namespace GridX.Receiver;

        [WebhookReceiver("webhooks.yaml")]
        public abstract partial class GridXReceiver;
        """;

    private const string Handlers = """
        using System.Threading;
        using System.Threading.Tasks;
        using GridX.Receiver;
        using Microsoft.Extensions.DependencyInjection;
        using WebhookGen;

        namespace App;

        public sealed class GridXHandlers : GridXReceiver
        {
            public override ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public override ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
        }

        public static class Startup
        {
            public static IServiceCollection Register(IServiceCollection services) => services.AddGridXReceiver<GridXHandlers>();
        }
        """;

    [Fact]
    public void Handlers_are_abstract_and_registration_takes_the_class_that_overrides_them()
    {
        var run = GeneratorHarness.Run(AbstractReceiver, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        var receiver = run.Source(".Receiver.g.cs");
        receiver.ShouldContain("public abstract global::System.Threading.Tasks.ValueTask<global::WebhookGen.WebhookResult> OnGatewayOnlineAsync(");
        receiver.ShouldNotContain("public partial ");

        var webhooks = run.Source("Webhooks.g.cs");
        webhooks.ShouldContain("AddGridXReceiver<[global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] THandlers>(");
        webhooks.ShouldContain("where THandlers : global::GridX.Receiver.GridXReceiver");
        webhooks.ShouldContain("AddWebhookReceiver<global::GridX.Receiver.GridXReceiver, THandlers>(services,");

        // The receiver alone compiles: nothing is left for the library to implement.
        run.CompilationProblems.ShouldBeEmpty();
    }

    [Fact]
    public void The_generated_library_is_used_from_another_assembly_whose_class_overrides_every_handler()
    {
        var library = Library();

        var app = AppCompilation(library, Handlers);

        app.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ShouldBeEmpty();
    }

    [Fact]
    public void A_handler_left_out_of_the_derived_class_is_a_compiler_error_naming_it()
    {
        var library = Library();
        var incomplete = Handlers.Replace(
            "public override ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
            string.Empty,
            StringComparison.Ordinal);

        var errors = AppCompilation(library, incomplete).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        errors.Select(e => e.Id).ShouldBe(["CS0534"]);
        errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("GridXReceiver.OnGatewayOnlineAsync(GatewayOnlineEvent, WebhookContext, CancellationToken)");
    }

    [Fact]
    public void A_partial_receiver_keeps_partial_handlers_and_its_registration_without_a_type_argument()
    {
        var run = GeneratorHarness.Run(TestSpecs.GridXReceiverSource, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX));

        run.Source(".Receiver.g.cs").ShouldNotContain("abstract");
        run.Source("Webhooks.g.cs").ShouldContain("AddGridXReceiver(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services");
        run.CompilationProblems.ShouldBeEmpty();
    }

    /// <summary>The abstract receiver and its generated code, compiled into an assembly of its own.</summary>
    private static PortableExecutableReference Library()
    {
        var run = GeneratorHarness.Run(AbstractReceiver, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX));
        var library = run.Output.WithAssemblyName("GridX.Webhooks");
        using var image = new System.IO.MemoryStream();
        var emitted = library.Emit(image);
        emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static CSharpCompilation AppCompilation(MetadataReference library, string source) =>
        GeneratorHarness.CreateCompilation(source).WithAssemblyName("App").AddReferences(library);
}
