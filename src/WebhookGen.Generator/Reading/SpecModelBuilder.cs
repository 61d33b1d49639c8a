using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;
using WebhookGen.Generator.Reading.Events;
using WebhookGen.Generator.Reading.Quirks;
using WebhookGen.Generator.Reading.Schemas;
using WebhookGen.Generator.Reading.References;
using WebhookGen.Generator.Reading.Signatures;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// The read stage: spec text → OpenAPI object model → <see cref="SpecModel"/>. Nothing from the OpenAPI library leaves
/// this class; whatever the library throws becomes a diagnostic here, never a generator crash.
/// </summary>
internal static class SpecModelBuilder
{
    /// <summary>The route prefix of a receiver of webhooks or callbacks, whose URL the spec leaves to the subscriber.</summary>
    public const string DefaultPrefix = "/webhooks";

    public static SpecModel Build(string filePath, SourceText? text, CancellationToken cancellationToken) =>
        Build(filePath, text, [], cancellationToken);

    /// <param name="references">The other spec files this one refers into, by path.</param>
    public static SpecModel Build(string filePath, SourceText? text, IReadOnlyList<(string Path, SourceText? Text)> references, CancellationToken cancellationToken)
    {
        text ??= SourceText.From(string.Empty);
        var read = SpecTextReader.Read(filePath, text.ToString(), cancellationToken);
        var context = new SpecReadContext(filePath, text, read.Positions);
        if (read.Root is null)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SpecNotReadable,
                LocationInfo.InText(filePath, text, read.ErrorPosition.Line, read.ErrorPosition.Column),
                read.Error ?? "unknown error"));
            return Empty(filePath, context);
        }

        if (read.Root is not JsonObject root || (!root.ContainsKey("openapi") && !root.ContainsKey("swagger")))
        {
            context.Report(DiagnosticDescriptors.SpecNotOpenApi, string.Empty, "it has no 'openapi' or 'swagger' field at the top");
            return Empty(filePath, context);
        }

        if (SpecVersion.Check(root) is { } unsupported)
        {
            context.Report(DiagnosticDescriptors.UnsupportedVersion, unsupported.Pointer, unsupported.Written);
            return Empty(filePath, context);
        }

        try
        {
            Bundle(root, filePath, references, context, cancellationToken);
            LenientReader.Repair(root, context);
            UnknownSchemaTypes.Remove(root, context);
            var lifted = VendorExtensionLifter.Lift(root);
            var result = new OpenApiJsonReader().Read(root, new Uri("file:///" + FileName(filePath)), new OpenApiReaderSettings());
            cancellationToken.ThrowIfCancellationRequested();
            if (result.Document is null)
            {
                var first = result.Diagnostic?.Errors.FirstOrDefault();
                context.Report(DiagnosticDescriptors.SpecNotOpenApi, Pointer(first?.Pointer), first?.Message ?? "the OpenAPI reader returned no document");
                return Empty(filePath, context);
            }

            var withoutResponses = new List<string>();
            foreach (var error in result.Diagnostic?.Errors ?? Enumerable.Empty<OpenApiError>())
            {
                var (pointer, message, atKey) = ReaderErrorPointer.Locate(
                    VendorExtensionLifter.OriginOf(Pointer(error.Pointer), lifted), VendorExtensionLifter.OriginsIn(error.Message, lifted), context.Exists);
                if (message == MissingResponses)
                {
                    withoutResponses.Add(pointer);
                    continue;
                }

                context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpecWarning, atKey ? context.LocateKey(pointer) : context.Locate(pointer), message));
            }

            LenientReader.ReportWithoutResponses(withoutResponses, context);

            return FromDocument(filePath, root, result.Document, lifted, context);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The OpenAPI library throws on some malformed input; that is the spec's problem, reported as such.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // The library says what failed but not where: point at the node that most likely made it throw.
            var (pointer, problem) = ReaderFailure.Locate(root, exception);
            context.Report(DiagnosticDescriptors.SpecNotOpenApi, pointer, problem ?? "the OpenAPI reader failed: " + exception.GetType().Name + ": " + exception.Message);
            return Empty(filePath, context);
        }
    }

    /// <summary>Copies what references into other files point at into the spec; reports what cannot be found or read.</summary>
    private static void Bundle(JsonObject root, string filePath, IReadOnlyList<(string Path, SourceText? Text)> references, SpecReadContext context, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (path, text) in references)
        {
            var source = text ?? SourceText.From(string.Empty);
            var read = SpecTextReader.Read(path, source.ToString(), cancellationToken);
            documents[path.Replace('\\', '/')] = read.Root;
            if (read.Root is null)
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.SpecNotReadable,
                    LocationInfo.InText(path, source, read.ErrorPosition.Line, read.ErrorPosition.Column),
                    read.Error ?? "unknown error"));
                continue;
            }

            context.AddFile(path, source, read.Positions);
        }

        var bundler = ExternalReferenceBundler.Bundle(root, filePath, documents);
        foreach (var origin in bundler.Origins)
        {
            context.AddOrigin(origin);
        }

        foreach (var unresolved in bundler.Unresolved)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnresolvedReference,
                context.LocateIn(unresolved.File, unresolved.Pointer),
                unresolved.Reference + " (" + unresolved.Why + ")"));
        }
    }

    private static SpecModel FromDocument(string filePath, JsonObject root, OpenApiDocument document, List<LiftedOperation> lifted, SpecReadContext context)
    {
        var types = new SchemaTypeBuilder(context);
        var collector = new EventCollector(context, types);
        var events = collector.Collect(document, lifted);
        var signature = root.ContainsKey(SignatureExtensionReader.Name)
            ? SignatureExtensionReader.Read(root, context)
            : SignatureSchemeDetector.Detect(collector.HeaderParameters, context);
        var deliveryIdHeader = DeliveryIdHeaderReader.Read(root, signature, collector.HeaderParameters, context);

        // A receiver written as paths is described by its own server URL; a provider's webhooks or callbacks are not.
        var prefix = collector.Style == EventSourceKind.Path ? RoutePrefixReader.Read(document.Servers) : DefaultPrefix;
        if (collector.Style == EventSourceKind.Path)
        {
            ProviderApiCheck.Report(document, collector.Operations.Count, events.Count, context);
        }

        var typeModels = types.Types.ToEquatableArray();
        types.ReportRenamedProperties();
        return new SpecModel(
            filePath,
            document.Info?.Title,
            prefix,
            signature,
            SignatureFailureStatus(collector),
            deliveryIdHeader,
            events.ToEquatableArray(),
            collector.Routes.ToEquatableArray(),
            typeModels,
            context.Diagnostics.ToEquatableArray());
    }

    /// <summary>403 or 401 as the spec's responses say (403 wins where both are declared); 401 where it says neither.</summary>
    private static int SignatureFailureStatus(EventCollector collector)
    {
        var declared = collector.Operations.SelectMany(o => o.Responses?.Keys ?? Enumerable.Empty<string>()).ToList();
        return declared.Contains("403") ? 403 : 401;
    }

    /// <summary>The reader's word for an operation without <c>responses</c>, which event specs often leave out.</summary>
    private const string MissingResponses = "Responses must contain at least one response";

    private static SpecModel Empty(string filePath, SpecReadContext context) =>
        new(filePath, null, string.Empty, null, 401, null, EquatableArray<EventModel>.Empty, EquatableArray<RouteModel>.Empty, EquatableArray<TypeModel>.Empty, context.Diagnostics.ToEquatableArray());

    private static string Pointer(string? pointer) => pointer is null ? string.Empty : pointer.TrimStart('#');

    private static string FileName(string path)
    {
        var normalized = path.Replace('\\', '/');
        return Uri.EscapeDataString(normalized.Substring(normalized.LastIndexOf('/') + 1));
    }
}
