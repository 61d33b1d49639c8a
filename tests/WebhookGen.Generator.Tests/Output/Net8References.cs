using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace WebhookGen.Generator.Tests.Output;

/// <summary>
/// The reference assemblies a net8.0 ASP.NET Core app compiles against (the targeting packs the test project downloads),
/// plus the WebhookGen runtime: generated code that uses an API newer than .NET 8 fails to compile against them.
/// </summary>
internal static class Net8References
{
    public static ImmutableArray<MetadataReference> Load()
    {
        var root = Metadata("NuGetPackageRoot");
        var version = Metadata("Net8ReferencePacksVersion");
        return new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" }
            .Select(pack => Path.Combine(root, pack, version, "ref", "net8.0"))
            .SelectMany(folder => Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.dll")
                : throw new DirectoryNotFoundException($"net8.0 reference assemblies not found at {folder}: restore the test project."))
            .Append(typeof(WebhookGen.WebhookReceiverAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>What the test project wrote into the assembly (the targeting packs' version, where NuGet put them).</summary>
    private static string Metadata(string key) =>
        typeof(Net8References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The test assembly does not say {key}: restore and build the test project.");
}
