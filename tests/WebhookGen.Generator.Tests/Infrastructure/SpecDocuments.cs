using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Shouldly;
using WebhookGen.Generator.Reading;
using WebhookGen.Generator.Reading.Events;
using WebhookGen.Generator.Reading.References;

namespace WebhookGen.Generator.Tests.Infrastructure;

/// <summary>
/// A spec read into an OpenAPI document as the generator reads it (YAML or JSON, what it refers to in other files bundled
/// in, vendor-extension events lifted).
/// </summary>
internal static class SpecDocuments
{
    /// <param name="others">The other files of a spec spread over several, by path and text.</param>
    public static OpenApiDocument Read(string path, string text, IEnumerable<(string Path, string Text)>? others = null)
    {
        var read = SpecTextReader.Read(path, text, CancellationToken.None);
        var root = read.Root.ShouldBeOfType<JsonObject>();
        var documents = (others ?? []).ToDictionary(
            file => file.Path.Replace('\\', '/'),
            file => SpecTextReader.Read(file.Path, file.Text, CancellationToken.None).Root,
            StringComparer.Ordinal);
        ExternalReferenceBundler.Bundle(root, path, documents);
        VendorExtensionLifter.Lift(root);
        return new OpenApiJsonReader().Read(root, new Uri("file:///" + System.IO.Path.GetFileName(path)), new OpenApiReaderSettings()).Document.ShouldNotBeNull();
    }
}
