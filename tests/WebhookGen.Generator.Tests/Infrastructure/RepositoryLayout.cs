using System;
using System.IO;

namespace WebhookGen.Generator.Tests.Infrastructure;

/// <summary>Where the repository and this test build are, for tests that run a real <c>dotnet build</c>.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Debug or Release), so a nested build uses the same outputs.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WebhookGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WebhookGen.sln not found above " + AppContext.BaseDirectory);
    }
}
