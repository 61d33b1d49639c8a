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
    /// <summary>The targeting packs' version, as downloaded by the test project (<c>PackageDownload</c>).</summary>
    private const string PackVersion = "8.0.31";

    public static ImmutableArray<MetadataReference> Load()
    {
        var root = typeof(Net8References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException("The test assembly does not say where NuGet's packages are (NuGetPackageRoot): restore the test project.");
        }

        return new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" }
            .Select(pack => Path.Combine(root, pack, PackVersion, "ref", "net8.0"))
            .SelectMany(folder => Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.dll")
                : throw new DirectoryNotFoundException($"net8.0 reference assemblies not found at {folder}: restore the test project."))
            .Append(typeof(WebhookGen.WebhookReceiverAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
