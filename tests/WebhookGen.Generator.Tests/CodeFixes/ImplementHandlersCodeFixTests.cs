using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Shouldly;
using WebhookGen.CodeFixes;
using WebhookGen.Generator.Analyzers;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.CodeFixes;

/// <summary>
/// WHG026 names, on the user's receiver class, the handlers still to write, and "Implement webhook handlers" writes them
/// with their signatures: run as an IDE runs them, with the generator, through Roslyn's code-fix test framework.
/// </summary>
public sealed class ImplementHandlersCodeFixTests
{
    private const string Header = """
        using System.Threading;
        using System.Threading.Tasks;
        using WebhookGen;

        namespace GridX.Receiver;

        """;

    private static readonly string[] AllHandlers =
    [
        "    public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
        "    public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());",
    ];

    [Fact]
    public async Task The_fix_writes_the_two_handlers_left_with_their_signatures()
    {
        var written = string.Join("\n", AllHandlers[..6]) + "\n" + AllHandlers[8];
        var test = new Test
        {
            TestCode = Header + "[WebhookReceiver(\"webhooks.yaml\")]\npublic partial class {|WHG026:GridXReceiver|}\n{\n" + written + "\n}\n",
            FixedCode = Header + "[WebhookReceiver(\"webhooks.yaml\")]\npublic partial class GridXReceiver\n{\n" + written + "\n"
                + "\n    public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => throw new System.NotImplementedException();\n"
                + "\n    public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => throw new System.NotImplementedException();\n}\n",
        };

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_receiver_declared_with_a_semicolon_gets_a_body_with_every_handler()
    {
        var implemented = new List<string>();
        foreach (var handler in AllHandlers)
        {
            implemented.Add(handler.Replace("=> new(WebhookResult.Ok());", "=> throw new System.NotImplementedException();", StringComparison.Ordinal));
        }

        var test = new Test
        {
            TestCode = "using System.Threading;\nusing System.Threading.Tasks;\n" + Header[(Header.IndexOf("using WebhookGen;", StringComparison.Ordinal))..]
                + "[WebhookReceiver(\"webhooks.yaml\")]\npublic partial class {|WHG026:GridXReceiver|};\n",
            FixedCode = "using System.Threading;\nusing System.Threading.Tasks;\n" + Header[(Header.IndexOf("using WebhookGen;", StringComparison.Ordinal))..]
                + "[WebhookReceiver(\"webhooks.yaml\")]\npublic partial class GridXReceiver\n{\n" + string.Join("\n\n", implemented) + "\n}\n",
        };

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WHG026_is_an_error_on_the_class_name_in_the_users_file_not_in_the_generated_one()
    {
        var run = GeneratorHarness.Run(TestSpecs.EmptyGridXReceiverSource, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX));

        var diagnostics = await run.Output.WithAnalyzers([new HandlersToWriteAnalyzer()], options: (AnalyzerOptions?)null).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG026");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.Location.SourceTree!.FilePath.ShouldBe("Source0.cs");
        diagnostic.Location.SourceTree.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).ShouldBe("GridXReceiver");
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldStartWith("GridXReceiver has 9 webhook handler(s) to write: OnApplianceCreateAsync, ");
    }

    [Fact]
    public async Task A_receiver_with_every_handler_has_no_WHG026()
    {
        var test = new Test { TestCode = Header + "[WebhookReceiver(\"webhooks.yaml\")]\npublic partial class GridXReceiver\n{\n" + string.Join("\n", AllHandlers) + "\n}\n" };

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_message_names_the_first_five_and_counts_the_rest()
    {
        var test = new Test { TestCode = Header + "[WebhookReceiver(\"webhooks.yaml\")]\npublic partial class GridXReceiver\n{\n" + AllHandlers[8] + "\n}\n" };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("WHG026", DiagnosticSeverity.Error)
            .WithSpan(7, 22, 7, 35)
            .WithArguments("GridXReceiver", 8, "OnApplianceCreateAsync, OnApplianceOfflineAsync, OnApplianceOnlineAsync, OnInverterStatusAsync, OnGatewayCreateAsync and 3 more"));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_abstract_receiver_has_no_WHG026()
    {
        var test = new Test { TestCode = Header + "[WebhookReceiver(\"webhooks.yaml\")]\npublic abstract partial class GridXReceiver;\n" };

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// The analyzer and its fix, with the generator and the gridX spec, compiled against the app's references; without
    /// <c>FixedCode</c>, only the analyzer's diagnostics are checked.
    /// </summary>
    private sealed class Test : CSharpCodeFixTest<HandlersToWriteAnalyzer, ImplementHandlersCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // No reference pack download: the same references as every other generator test (ASP.NET Core + the runtime).
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(GeneratorHarness.AppReferences);
            TestState.AdditionalFiles.Add(("webhooks.yaml", TestSpecs.GridX));

            // The generated sources are the snapshot tests' business; CS8795 (one per missing handler, in them) is the
            // compiler's own report of what WHG026 names.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            CompilerDiagnostics = CompilerDiagnostics.None;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(WebhookReceiverGenerator)];
    }
}
