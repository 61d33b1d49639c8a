using System;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Shouldly;
using WebhookGen.Generator.Reading;
using WebhookGen.Generator.Reading.Events;

namespace WebhookGen.Generator.Tests.Infrastructure;

/// <summary>A spec read into an OpenAPI document as the generator reads it (YAML or JSON, vendor-extension events lifted).</summary>
internal static class SpecDocuments
{
    public static OpenApiDocument Read(string path, string text)
    {
        var read = SpecTextReader.Read(path, text, CancellationToken.None);
        var root = read.Root.ShouldBeOfType<JsonObject>();
        VendorExtensionLifter.Lift(root);
        return new OpenApiJsonReader().Read(root, new Uri("file:///" + System.IO.Path.GetFileName(path)), new OpenApiReaderSettings()).Document.ShouldNotBeNull();
    }
}
