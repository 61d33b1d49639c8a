using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>A real <c>dotnet build</c>: edit the spec, build again, and the receiver has followed with no other step.</summary>
public sealed class SpecEditBuildTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "webhookgen-build-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_new_event_in_the_spec_is_a_new_handler_to_write_on_the_next_build()
    {
        Directory.CreateDirectory(_project);
        var root = RepositoryLayout.Root;
        await File.WriteAllTextAsync(Path.Combine(_project, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="webhooks.yaml" />
                <ProjectReference Include="{root}/src/WebhookGen/WebhookGen.csproj" />
                <ProjectReference Include="{root}/src/WebhookGen.Generator/WebhookGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(_project, "webhooks.yaml"), TestSpecs.GridX);
        await File.WriteAllTextAsync(Path.Combine(_project, "Receiver.cs"), TestSpecs.GridXReceiverSource);
        await File.WriteAllTextAsync(Path.Combine(_project, "Program.cs"), """
            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
            builder.Services.AddGridXReceiver();
            var app = builder.Build();
            app.MapGridXReceiver();
            app.Run();
            """);

        var first = await BuildAsync();
        first.ExitCode.ShouldBe(0, first.Output);

        var spec = TestSpecs.GridX.Replace("components:\n  schemas:", """
              /events/appliance/delete:
                post:
                  parameters:
                  - in: header
                    name: X-Signature
                    required: true
                    example: sha512=<signature>
                    schema:
                      type: string
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/ApplianceOfflineEvent'
                    required: true
                  responses:
                    "200":
                      description: ok
            components:
              schemas:
            """, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_project, "webhooks.yaml"), spec);

        var second = await BuildAsync();
        second.ExitCode.ShouldNotBe(0, second.Output);
        second.Output.ShouldContain("CS8795");
        second.Output.ShouldContain("OnApplianceDeleteAsync");
    }

    public void Dispose()
    {
        if (Directory.Exists(_project))
        {
            Directory.Delete(_project, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output)> BuildAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "build", "-c", RepositoryLayout.Configuration, "-p:BuildProjectReferences=false", "-nologo", "-v:q" })
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
