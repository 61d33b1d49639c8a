using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.PackageTests.Infrastructure;
using Xunit;

namespace WebhookGen.PackageTests;

/// <summary>
/// The package's generator in both compiler hosts users have: the .NET SDK's (<c>dotnet build</c>) and the .NET Framework
/// one that Visual Studio and MSBuild.exe run (through mono off Windows). Both are the <c>csc</c> of the same
/// Microsoft.Net.Compilers.Toolset, given the same command line with the packed analyzers as the package lays them out;
/// each must compile the gridX receiver without a warning, and write the same files.
/// </summary>
[Collection(PackedPackageTests.Name)]
public sealed class CompilerHostTests(PackedPackage package)
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(3);

    private const string Receiver = """
        namespace HostCheck;

        [WebhookGen.WebhookReceiver("webhooks.yaml")]
        public abstract partial class GridXReceiver;
        """;

    [Fact]
    public async Task The_NET_Framework_compiler_writes_the_same_receiver_as_the_NET_SDK_compiler()
    {
        using var work = new TempFolder("webhookgen-hosts");
        var unpacked = work.Combine("package");
        ZipFile.ExtractToDirectory(package.PackagePath, unpacked);
        File.Copy(Repository.GridXSpec, work.Combine("webhooks.yaml"));
        await File.WriteAllTextAsync(work.Combine("Receiver.cs"), Receiver);

        var sdk = await CompileAsync(work, unpacked, "sdk", DotNetHost());
        var framework = await CompileAsync(work, unpacked, "framework", FrameworkHost());

        sdk.Keys.ShouldContain(name => name.EndsWith(".Receiver.g.cs", StringComparison.Ordinal), string.Join('\n', sdk.Keys));
        framework.Keys.Order(StringComparer.Ordinal).ShouldBe(sdk.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in sdk)
        {
            framework[name].ShouldBe(text, $"{name} differs between the hosts");
        }
    }

    /// <summary>Compiles the receiver in one host; returns the generated files by name. Fails on any warning or error.</summary>
    private static async Task<Dictionary<string, string>> CompileAsync(TempFolder work, string unpacked, string name, (string Executable, string[] Prefix) host)
    {
        var generated = Directory.CreateDirectory(work.Combine("generated-" + name)).FullName;
        var analyzers = Directory.EnumerateFiles(Path.Combine(unpacked, "analyzers", "dotnet", "cs"), "*.dll").Order(StringComparer.Ordinal);
        var references = ReferencePack("Microsoft.NETCore.App.Ref").Concat(ReferencePack("Microsoft.AspNetCore.App.Ref"))
            .Append(Path.Combine(unpacked, "lib", "net8.0", "WebhookGen.dll"));
        string[] options =
        [
            "-nostdlib", "-nologo", "-t:library", "-nullable:enable", "-warnaserror+",
            // The SDK's own default: the runtime library is built against .NET 8's reference assemblies, these are newer.
            "-nowarn:CS1701,CS1702",
            "-out:" + work.Combine(name + ".dll"),
            "-additionalfile:" + work.Combine("webhooks.yaml"),
            "-generatedfilesout:" + generated,
            .. references.Select(r => "-r:" + Quote(r)),
            .. analyzers.Select(a => "-analyzer:" + Quote(a)),
            work.Combine("Receiver.cs"),
        ];
        var responseFile = work.Combine(name + ".rsp");
        await File.WriteAllLinesAsync(responseFile, options);

        var output = await ChildProcess.RunAsync(host.Executable, work.Path, CompileTimeout, new Dictionary<string, string>(), [.. host.Prefix, "-noconfig", "@" + responseFile]);
        output.ShouldNotContain("warning", Case.Insensitive, $"the {name} compiler warned:\n{output}");

        return Directory.EnumerateFiles(generated, "*.g.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
    }

    /// <summary>The toolset's compiler for .NET, run by the <c>dotnet</c> this test runs under.</summary>
    private static (string, string[]) DotNetHost() =>
        (ChildProcess.DotNetExecutable, ["exec", Path.Combine(Repository.CompilersToolset, "tasks", "netcore", "bincore", "csc.dll")]);

    /// <summary>The toolset's compiler for .NET Framework: itself on Windows, through mono elsewhere.</summary>
    private static (string, string[]) FrameworkHost()
    {
        var csc = Path.Combine(Repository.CompilersToolset, "tasks", "net472", "csc.exe");
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return (csc, []);
        }

        var mono = ExecutableOnPath("mono") ?? throw new InvalidOperationException(
            "mono was not found on PATH. This test runs the .NET Framework compiler of Visual Studio and MSBuild.exe through it: " +
            "install it (Debian: apt-get install -y --no-install-recommends mono-devel).");
        return (mono, [csc]);
    }

    /// <summary>The reference assemblies of a shared framework, from the targeting pack beside the running runtime.</summary>
    private static IEnumerable<string> ReferencePack(string pack)
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var major = Environment.Version.Major;
        var versions = Path.Combine(root, "packs", pack);
        var folder = (Directory.Exists(versions) ? Directory.EnumerateDirectories(versions) : [])
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var version) ? version : new Version())
            .Select(d => Path.Combine(d, "ref", $"net{major}.0"))
            .FirstOrDefault(Directory.Exists);
        folder.ShouldNotBeNull($"no {pack} for net{major}.0 under {versions}: the .NET SDK brings it");
        return Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal);
    }

    private static string? ExecutableOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static string Quote(string path) => "\"" + path + "\"";
}
