using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Emit;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;
using WebhookGen.Generator.Parsing;
using WebhookGen.Generator.Reading;
using WebhookGen.Generator.Reading.References;
using WebhookGen.Generator.Selection;

namespace WebhookGen.Generator;

/// <summary>
/// Generates a webhook receiver for each class marked <c>[WebhookReceiver("spec.yaml")]</c> from the spec it names.
/// The pipeline reads (spec text → <see cref="SpecModel"/>, once per spec text), models (plain, value-equatable
/// records) and emits (model → source); each step is cached, so an edit that changes no model re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WebhookReceiverGenerator : IIncrementalGenerator
{
    internal const string AttributeName = "WebhookGen.WebhookReceiverAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var receivers = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeName, ReceiverDeclarationParser.IsCandidate, ReceiverDeclarationParser.Parse)
            .Where(static receiver => receiver is not null)
            .Select(static (receiver, _) => receiver!)
            .WithTrackingName(TrackingNames.Receivers);

        // Only the paths: cheap to compare, and unchanged when a file's content changes.
        var additionalFilePaths = context.AdditionalTextsProvider
            .Select(static (file, _) => file.Path)
            .Collect()
            .Select(static (paths, _) => paths.OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.AdditionalFilePaths);

        var bindings = receivers
            .Combine(additionalFilePaths)
            .Select(static (pair, _) => Bind(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Bindings);

        var boundPaths = bindings
            .Select(static (binding, _) => binding.SpecPath)
            .Collect()
            .Select(static (paths, _) => paths.Where(p => p is not null).Select(p => p!).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray());

        // A spec is read only if a receiver names it, and then once per text: the parse below is the expensive step.
        var specFiles = context.AdditionalTextsProvider
            .Combine(boundPaths)
            .Where(static pair => pair.Right.Contains(pair.Left.Path))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.SpecFiles);

        // The files a spec is made of ($ref: common.yaml#/..., and the files those refer into) are found by a cheap scan
        // of each file's text, once per text, so that an edit to any other file does not read the spec again, and an
        // edit to one it is made of does.
        var referenceScans = context.AdditionalTextsProvider
            .Where(static file => ExternalReferenceScanner.MayBeSpec(file.Path))
            .Select(static (file, cancellationToken) => Scan(file, cancellationToken))
            .WithTrackingName(TrackingNames.ReferenceScans);

        var specSources = specFiles
            .Select(static (file, cancellationToken) => Scan(file, cancellationToken))
            .Combine(referenceScans.Collect())
            .Select(static (pair, _) => new SpecSource(pair.Left.File, SpecFileClosure.Of(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.SpecSources);

        var specs = specSources
            .Select(static (source, cancellationToken) => SpecModelBuilder.Build(
                source.File.Path,
                source.File.GetText(cancellationToken),
                source.References.Select(r => (r.File.Path, r.File.GetText(cancellationToken))).ToList(),
                cancellationToken))
            .WithTrackingName(TrackingNames.Specs);

        // Class names must be unique: they name the configuration section, the options and the extension methods.
        var sharedNames = receivers
            .Select(static (receiver, _) => receiver.ClassName)
            .Collect()
            .Select(static (names, _) => names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());

        var receiverModels = bindings
            .Combine(specs.Collect())
            .Combine(sharedNames)
            .Select(static (pair, _) => ToReceiverModel(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.ReceiverModels);

        // The source output reads only what the emitters need: no location, no diagnostic (those travel below, on their
        // own), so a moved line re-emits nothing.
        var outputs = receiverModels
            .Select(static (model, _) => ReceiverOutput.From(model))
            .Where(static output => output is not null)
            .Select(static (output, _) => output!)
            .WithTrackingName(TrackingNames.ReceiverOutputs);

        // The test kit's switch, and whether the app references WebhookGen.OpenApi: bools, so that an unrelated change of
        // the project's options or code re-emits nothing.
        var openApi = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(OpenApiSchemasEmitter.AttributeName) is not null)
            .WithTrackingName(TrackingNames.OpenApi);
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(GeneratorSettings.From)
            .Combine(openApi)
            .Select(static (pair, _) => pair.Left with { EmitOpenApiSchemas = pair.Right });
        context.RegisterSourceOutput(outputs.Combine(settings), static (spc, pair) => Emit(spc, pair.Left, pair.Right));

        // Diagnostics on the receiver's C# are located in its syntax tree, where #pragma applies; that needs the
        // compilation, so they are reported apart from the source, which stays cached.
        var receiverDiagnostics = receiverModels
            .Select(static (model, _) => model.Diagnostics)
            .Where(static diagnostics => !diagnostics.IsEmpty)
            .Collect();
        context.RegisterSourceOutput(receiverDiagnostics.Combine(context.CompilationProvider), static (spc, pair) =>
        {
            foreach (var diagnostic in pair.Left.SelectMany(d => d))
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
            }
        });

        // Spec diagnostics are reported once per spec, however many receivers share it; strict mode makes the mistakes
        // that would otherwise be read as raw JSON errors.
        var strict = context.AnalyzerConfigOptionsProvider.Select(GeneratorSettings.IsStrict);
        context.RegisterSourceOutput(specs.Combine(strict), static (spc, pair) =>
        {
            foreach (var diagnostic in pair.Left.Diagnostics)
            {
                spc.ReportDiagnostic(pair.Right && DiagnosticDescriptors.ErrorsWhenStrict.Contains(diagnostic.Descriptor.Id)
                    ? diagnostic.ToDiagnostic(DiagnosticSeverity.Error)
                    : diagnostic.ToDiagnostic());
            }
        });
    }

    private static SpecReferences Scan(AdditionalText file, System.Threading.CancellationToken cancellationToken) =>
        new(file, ExternalReferenceScanner.Scan(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty).ToEquatableArray());

    private static ReceiverBinding Bind(ReceiverDeclaration receiver, EquatableArray<string> additionalFiles)
    {
        var (path, error) = SpecFileMatcher.Match(receiver, additionalFiles);
        return new ReceiverBinding(receiver, path, error);
    }

    private static ReceiverModel ToReceiverModel(ReceiverBinding binding, ImmutableArray<SpecModel> specs, EquatableArray<string> sharedNames)
    {
        var diagnostics = new[] { binding.Receiver.Error, binding.Error }.Where(d => d is not null).Select(d => d!).ToList();
        if (sharedNames.Contains(binding.Receiver.ClassName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReceiverNameTaken, binding.Receiver.Location, binding.Receiver.ClassName, binding.Receiver.FullName));
        }

        var spec = binding.SpecPath is null ? null : specs.FirstOrDefault(s => s.FilePath == binding.SpecPath);
        if (spec is not null)
        {
            var receiver = binding.Receiver;
            var generated = new[] { receiver.ClassName, JsonEmitter.ContextName(receiver), WebhooksEmitter.DescriptorsName(receiver), SenderEmitter.SenderName(receiver), ExamplesEmitter.ExamplesName(receiver) };
            foreach (var type in spec.Types.Where(t => generated.Contains(t.Name, StringComparer.Ordinal)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNameTaken, receiver.Location, type.Name, receiver.ClassName));
            }
        }

        if (spec is not null && !spec.HasErrors && spec.Events.IsEmpty)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoEvents, binding.Receiver.Location, binding.Receiver.ClassName));
        }

        // A receiver whose every body is a signed JWT needs no HTTP signature: the token is the proof.
        if (spec is not null && !spec.HasErrors && !spec.Events.IsEmpty && spec.Signature is null
            && spec.Events.Any(e => e.BodyFormat != EventBodyFormat.Jwt))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoSignatureScheme, binding.Receiver.Location, binding.Receiver.ClassName));
        }

        if (spec is not null && binding.Receiver.EventPatterns is { } patterns)
        {
            var (chosen, unmatched) = EventSelection.Apply(spec, patterns);
            var examples = string.Join(", ", spec.Events.Take(3).Select(e => e.EventName)) + (spec.Events.Count > 3 ? ", …" : string.Empty);
            foreach (var pattern in unmatched)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventPatternUnmatched, binding.Receiver.Location, pattern, binding.Receiver.ClassName, examples));
            }

            spec = chosen;
        }

        return new ReceiverModel(binding.Receiver, spec, diagnostics.ToEquatableArray());
    }

    private static void Emit(SourceProductionContext context, ReceiverOutput output, GeneratorSettings settings)
    {
        var receiver = output.Receiver;
        var spec = output.Spec;
        var prefix = HintNames.Prefix(receiver);
        context.AddSource(prefix + ".Receiver.g.cs", SourceText.From(ReceiverEmitter.Emit(receiver, spec), System.Text.Encoding.UTF8));
        context.AddSource(prefix + ".Webhooks.g.cs", SourceText.From(WebhooksEmitter.Emit(receiver, spec), System.Text.Encoding.UTF8));
        context.AddSource(prefix + ".JsonContext.g.cs", SourceText.From(JsonEmitter.Emit(receiver, spec), System.Text.Encoding.UTF8));
        if (settings.EmitTestKit)
        {
            context.AddSource(prefix + ".Sender.g.cs", SourceText.From(SenderEmitter.Emit(receiver, spec), System.Text.Encoding.UTF8));
            context.AddSource(prefix + ".Examples.g.cs", SourceText.From(ExamplesEmitter.Emit(receiver, spec), System.Text.Encoding.UTF8));
        }

        if (settings.EmitOpenApiSchemas)
        {
            context.AddSource(prefix + ".OpenApi.g.cs", SourceText.From(OpenApiSchemasEmitter.Emit(receiver, spec), System.Text.Encoding.UTF8));
        }

        foreach (var type in spec.Types)
        {
            context.AddSource(prefix + ".Models." + type.Name + ".g.cs", SourceText.From(ModelEmitter.Emit(type, receiver.Namespace, receiver.IsPublic), System.Text.Encoding.UTF8));
        }
    }
}
