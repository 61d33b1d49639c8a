using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>The repository this test was built from, and the compilers it restored (recorded at build time by the project file).</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The restored Microsoft.Net.Compilers.Toolset package: the .NET and .NET Framework compilers.</summary>
    public static string CompilersToolset { get; } = Metadata("CompilersToolset");

    public static string PackageProject => Path.Combine(Root, "src", "WebhookGen", "WebhookGen.csproj");

    public static string GridXSpec => Path.Combine(Root, "specs", "gridx", "webhooks.yaml");

    private static string Metadata(string key) => typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException(key + " metadata is missing.");
}
