using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>What the gridX receiver's generated code is, checked through the compiler's eyes.</summary>
public sealed class GeneratedCodeTests
{
    private static GeneratorRun RunGridX(string source = TestSpecs.GridXReceiverSource) =>
        GeneratorHarness.Run(source, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX));

    [Fact]
    public void Generated_code_compiles_with_no_warning_when_every_handler_is_implemented()
    {
        var run = RunGridX();

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void A_handler_not_yet_implemented_is_a_build_error_that_names_its_event()
    {
        var run = RunGridX(TestSpecs.EmptyGridXReceiverSource);

        var errors = run.CompilationProblems.Where(d => d.Id == "CS8795").Select(d => d.GetMessage()).ToList();
        errors.Count.ShouldBe(9);
        errors.ShouldContain(m => m.Contains("OnApplianceCreateAsync"));
        errors.ShouldContain(m => m.Contains("OnComissioningDoneAsync"));
    }

    [Fact]
    public void Required_members_are_non_nullable_and_optional_ones_nullable()
    {
        var compilation = RunGridX().Output;
        var basicEvent = compilation.GetTypeByMetadataName("GridX.Receiver.BasicEvent")!;

        Property(basicEvent, "Id").Type.ToDisplayString().ShouldBe("System.Guid");
        Property(basicEvent, "Id").IsRequired.ShouldBeTrue();
        Property(basicEvent, "Time").Type.ToDisplayString().ShouldBe("System.DateTimeOffset");
        Property(basicEvent, "Source").Type.ToDisplayString().ShouldBe("string");
        Property(basicEvent, "Source").NullableAnnotation.ShouldBe(NullableAnnotation.NotAnnotated);
        Property(basicEvent, "CorrelationID").Type.ToDisplayString().ShouldBe("System.Guid?");
        Property(basicEvent, "CorrelationID").IsRequired.ShouldBeFalse();

        var appliance = compilation.GetTypeByMetadataName("GridX.Receiver.ApplianceEventData")!;
        Property(appliance, "Model").Type.ToDisplayString().ShouldBe("string?");
        Property(appliance, "Kind").Type.ToDisplayString().ShouldBe("GridX.Receiver.ApplianceEventDataKind?");
    }

    [Fact]
    public void AllOf_with_one_reference_becomes_a_derived_record()
    {
        var compilation = RunGridX().Output;

        compilation.GetTypeByMetadataName("GridX.Receiver.InverterEventData")!.BaseType!.Name.ShouldBe("ApplianceEventData");
        compilation.GetTypeByMetadataName("GridX.Receiver.EVEventData")!.BaseType!.Name.ShouldBe("ApplianceEventData");
        compilation.GetTypeByMetadataName("GridX.Receiver.ApplianceCreateEvent")!.BaseType!.Name.ShouldBe("BasicEvent");
        compilation.GetTypeByMetadataName("GridX.Receiver.ApplianceCreateEvent")!.IsSealed.ShouldBeTrue();
        compilation.GetTypeByMetadataName("GridX.Receiver.BasicEvent")!.IsSealed.ShouldBeFalse();
    }

    [Fact]
    public void Descriptions_become_escaped_xml_doc_comments()
    {
        var run = RunGridX();

        run.Source(".Models.InverterEventData.g.cs").ShouldContain("/// Payload for `inverter/*` events.");
        run.Source(".Models.GatewayEventData.g.cs").ShouldContain("/// <summary>The ID of the gateway this event is triggered for.</summary>");
        run.Source(".Receiver.g.cs").ShouldContain("/// Called by the gridX API when an inverter's status changes.");
    }

    [Fact]
    public void Endpoints_are_mapped_with_their_descriptors_and_the_spec_route_prefix()
    {
        var webhooks = RunGridX().Source(".Webhooks.g.cs");

        webhooks.ShouldContain("defaultRoutePrefix: \"/gridx\"");
        webhooks.ShouldContain("global::WebhookGen.Signatures.WebhookSignatureScheme.Hub(\"X-Signature\", global::WebhookGen.Signatures.HmacAlgorithm.Sha512)");
        webhooks.ShouldContain("signatureFailureStatusCode: 403");
        webhooks.ShouldContain("MapWebhookEvent(group, \"POST\", \"/events/comissioning/done\", global::GridX.Receiver.GridXReceiverWebhooks.ComissioningDone)");
        webhooks.ShouldNotContain("System.Reflection");
    }

    private static IPropertySymbol Property(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().Single();
}
