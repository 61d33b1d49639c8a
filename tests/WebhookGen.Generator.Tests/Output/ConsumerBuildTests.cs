using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.Output;

/// <summary>
/// A real <c>dotnet build</c> of one consumer project with a receiver for every spec under <c>specs/</c>, for net10.0 with
/// the C# version it defaults to (14), the Web SDK's implicit usings and analyzers, nullable, documentation and warnings
/// as errors. net8.0 and C# 12 (the .NET 8 SDK's) are compiled in memory by <see cref="GeneratedOutputTests"/>, against
/// net8.0's reference assemblies and under Roslyn 4.8: the same code, so it is not built twice.
/// </summary>
public sealed class ConsumerBuildTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "webhookgen-consumer-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_receiver_builds_for_net10_with_warnings_as_errors_and_the_SDK_analyzers()
    {
        Directory.CreateDirectory(_project);
        var root = RepositoryLayout.Root;

        // The generator's warnings are about the specs, for their authors; the build must not fail on them.
        var specWarnings = string.Join(";", typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .Where(d => d.DefaultSeverity != DiagnosticSeverity.Error)
            .Select(d => d.Id));
        await File.WriteAllTextAsync(Path.Combine(_project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);{specWarnings}</WarningsNotAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="specs/**/*.yaml;specs/**/*.yml;specs/**/*.json" />
                <ProjectReference Include="{root}/src/WebhookGen/WebhookGen.csproj" />
                <ProjectReference Include="{root}/src/WebhookGen.Generator/WebhookGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        foreach (var receiver in AllSpecsConsumer.Receivers)
        {
            var path = Path.Combine(_project, receiver.SpecRelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, receiver.Spec.Text);
        }

        await File.WriteAllTextAsync(Path.Combine(_project, "Receivers.cs"), AllSpecsConsumer.Declarations());
        await File.WriteAllTextAsync(Path.Combine(_project, "Handlers.cs"), AllSpecsConsumer.Implementations(DeclaredHandlers()));
        await File.WriteAllTextAsync(Path.Combine(_project, "Shadowing.cs"), AllSpecsConsumer.Shadowing);
        await File.WriteAllTextAsync(Path.Combine(_project, "Program.cs"), AllSpecsConsumer.Program());

        // The C# version net10.0 gets by default: what "the version the SDK defaults to" means.
        var (_, langVersion) = await DotnetAsync("msbuild", "-getProperty:LangVersion");
        langVersion.Trim().ShouldBe("14.0");

        var (exitCode, output) = await DotnetAsync("build", "-c", RepositoryLayout.Configuration, "-p:BuildProjectReferences=false", "-nologo", "-v:q", "-clp:NoSummary");

        exitCode.ShouldBe(0, output);
        output.ShouldNotContain(": error ", Case.Sensitive, output);
        File.Exists(Path.Combine(_project, "bin", RepositoryLayout.Configuration, "net10.0", "Consumer.dll")).ShouldBeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_project))
        {
            Directory.Delete(_project, recursive: true);
        }
    }

    /// <summary>The generator's first pass over the bare receivers, in-process: the handlers the build will ask for.</summary>
    private static System.Collections.Immutable.ImmutableArray<GeneratedSourceResult> DeclaredHandlers()
    {
        var compilation = GeneratorHarness.CreateCompilation(AllSpecsConsumer.Declarations());
        return GeneratorHarness.CreateDriver(AllSpecsConsumer.AdditionalTexts()).RunGenerators(compilation).GetRunResult().Results.Single().GeneratedSources;
    }

    private async Task<(int ExitCode, string Output)> DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
