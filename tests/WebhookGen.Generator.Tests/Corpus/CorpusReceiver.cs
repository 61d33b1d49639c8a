using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookGen.Generator.Tests.Infrastructure;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// Builds a receiver for any spec: the spec decides its handlers, so the generator runs once to declare them, the
/// handlers are written from those declarations, and the generator runs again over the complete receiver.
/// </summary>
internal static class CorpusReceiver
{
    public const string Namespace = "Corpus";
    public const string ClassName = "CorpusReceiver";

    /// <summary>The response header in which each handler names itself.</summary>
    public const string HandlerHeader = "X-Corpus-Handler";

    private const string ReceiverHintSuffix = ".Receiver.g.cs";

    public static string Declaration(string specFileName) => Declaration(specFileName, events: null);

    /// <summary>The receiver declaration, handling only <paramref name="events"/> when given (<c>Events = new[] { … }</c>).</summary>
    public static string Declaration(string specFileName, IReadOnlyList<string>? events) => $$"""
        using WebhookGen;

        namespace {{Namespace}};

        [WebhookReceiver({{SymbolDisplay.FormatLiteral(specFileName, quote: true)}}{{(events is null ? "" : ", Events = new[] { " + string.Join(", ", events.Select(e => SymbolDisplay.FormatLiteral(e, quote: true))) + " }")}})]
        public partial class {{ClassName}}
        {
        }
        """;

    /// <summary>Runs the generator over the bare receiver: what a user's first build sees.</summary>
    public static GeneratorRun RunDeclarationOnly(CorpusSpec spec) => Run(spec, Declaration(spec.FileName));

    /// <summary>Runs the generator, implements every handler it declared, and runs it again over the complete receiver.</summary>
    public static GeneratorRun RunWithHandlers(CorpusSpec spec)
    {
        var first = RunDeclarationOnly(spec);
        return Run(spec, Declaration(spec.FileName), Implementations(first));
    }

    /// <summary>The handler declarations (partial methods without a body) in the generated receiver file(s).</summary>
    public static IReadOnlyList<MethodDeclarationSyntax> Handlers(GeneratorRun run) =>
        run.Sources
            .Where(s => s.HintName.EndsWith(ReceiverHintSuffix, StringComparison.Ordinal))
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.Modifiers.Any(SyntaxKind.PartialKeyword) && m.Body is null && m.ExpressionBody is null)
            .Where(m => m.Parent is ClassDeclarationSyntax { Identifier.Text: ClassName })
            .ToList();

    /// <summary>
    /// A second part of the receiver class that implements each declared handler with <c>Ok()</c>, naming itself in the
    /// response header <see cref="HandlerHeader"/>, so that a test over HTTP sees which handler a delivery reached.
    /// </summary>
    public static string Implementations(GeneratorRun run)
    {
        var text = new StringBuilder();

        // The generated file's usings, if it has any, so that its parameter type names mean the same here.
        var usings = run.Sources
            .Where(s => s.HintName.EndsWith(ReceiverHintSuffix, StringComparison.Ordinal))
            .SelectMany(s => ((CompilationUnitSyntax)s.SyntaxTree.GetRoot()).Usings)
            .Select(u => u.ToString())
            .Distinct(StringComparer.Ordinal);
        foreach (var directive in usings)
        {
            text.Append(directive).Append('\n');
        }

        text.Append("namespace ").Append(Namespace).Append(";\n\n");
        text.Append("partial class ").Append(ClassName).Append("\n{\n");
        foreach (var handler in Handlers(run))
        {
            text.Append("    public partial global::System.Threading.Tasks.ValueTask<global::WebhookGen.WebhookResult> ")
                .Append(handler.Identifier.Text)
                .Append(handler.ParameterList.WithoutTrivia().ToString())
                .Append("\n    {\n        context.HttpContext!.Response.Headers[")
                .Append(SymbolDisplay.FormatLiteral(HandlerHeader, quote: true))
                .Append("] = ")
                .Append(SymbolDisplay.FormatLiteral(handler.Identifier.Text, quote: true))
                .Append(";\n        return new(global::WebhookGen.WebhookResult.Ok());\n    }\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>Runs the generator over <paramref name="sources"/> with the spec's files as AdditionalFiles.</summary>
    public static GeneratorRun Run(CorpusSpec spec, params string[] sources)
    {
        var compilation = GeneratorHarness.CreateCompilation(sources);
        var driver = GeneratorHarness.CreateDriver(spec.AdditionalTexts())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        GeneratorHarness.AssertSecondRunCached(driver, GeneratorHarness.CreateCompilation(sources));
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }
}
