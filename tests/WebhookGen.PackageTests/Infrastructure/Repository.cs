using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>The repository this test was built from (recorded at build time by the project file).</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("RepositoryRoot metadata is missing.");

    public static string PackageProject => Path.Combine(Root, "src", "WebhookGen", "WebhookGen.csproj");

    public static string GridXSpec => Path.Combine(Root, "specs", "gridx", "webhooks.yaml");
}
