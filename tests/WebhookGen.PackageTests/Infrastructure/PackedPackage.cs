using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>
/// WebhookGen packed once from the repository into a folder feed, for every test of the <see cref="PackedPackageTests"/>,
/// with a version no earlier run used, so that no NuGet cache can serve a stale package.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(3);

    private readonly TempFolder _work = new("webhookgen-package");

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";

    /// <summary>The folder feed holding the package.</summary>
    public string Feed => _work.Combine("feed");

    public string PackagePath => Path.Combine(Feed, $"WebhookGen.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        await ChildProcess.RunDotNetAsync(Repository.Root, PackTimeout, new Dictionary<string, string>(),
            "pack", Repository.PackageProject, "-c", "Release", "-o", Feed, "--artifacts-path", _work.Combine("artifacts"),
            "-p:Version=" + Version, "--disable-build-servers");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _work.Dispose();
}

/// <summary>The test collection whose tests share one <see cref="PackedPackage"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageTests : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
