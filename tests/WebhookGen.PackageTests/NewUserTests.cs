using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Shouldly;
using WebhookGen.PackageTests.Infrastructure;
using Xunit;

namespace WebhookGen.PackageTests;

/// <summary>
/// Does what a new user does, with nothing from the repository but the package and the spec: packs WebhookGen into a
/// folder feed, creates a web project with <c>dotnet new web</c>, adds the package and the spec, writes the receiver
/// as the README says, builds it with warnings as errors, runs it and posts gridX events to it.
/// </summary>
[Collection(PackedPackageTests.Name)]
public sealed class NewUserTests(PackedPackage package)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OutputTimeout = TimeSpan.FromSeconds(10);

    private const string Secret = "package-test-secret";
    private const string ApplianceId = "fc0a6ac7-64ce-4276-a7cd-bace946af433";

    // An appliance/create event made of the example values of specs/gridx/webhooks.yaml.
    private const string ApplianceCreateBody =
        """{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","time":"2024-05-01T12:00:00Z","specVersion":"1.0","source":"/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f","type":"appliance/create","data":{"applianceID":"""
        + "\"" + ApplianceId + "\"" +
        ""","gatewayID":"25ccab17-cd40-4db1-a320-a986d1c15fb1","systemID":"af87d7b3-316f-4d26-868c-4ae351095bdc","type":"METER"}}""";

    [Fact]
    public async Task A_new_web_project_with_the_package_and_the_spec_receives_signed_gridX_events()
    {
        using var work = new TempFolder("webhookgen-package-test");

        var version = package.Version;
        var feed = package.Feed;
        AssertPackageLayout(package.PackagePath);

        // The user's side restores into a packages folder of its own: the test leaves nothing in the global cache.
        var user = new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.Combine("packages") };
        var app = work.Combine("UserApp");
        await ChildProcess.RunDotNetAsync(work.Path, StepTimeout, user, "new", "web", "-n", "UserApp", "-o", app, "--framework", "net10.0", "--no-restore");
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), NuGetConfigAdding(feed));
        await ChildProcess.RunDotNetAsync(app, StepTimeout, user, "add", "package", "WebhookGen", "--version", version);

        // The README's Quickstart, steps 2 to 5, with its own code.
        File.Copy(Repository.GridXSpec, Path.Combine(app, "webhooks.yaml"));
        AddToProject(Path.Combine(app, "UserApp.csproj"), ReadmeQuickstart.SpecItem);
        var program = Path.Combine(app, "Program.cs");
        await File.WriteAllTextAsync(program, UserAppSources.Program(await File.ReadAllTextAsync(program), ReadmeQuickstart.Registration));
        await File.WriteAllTextAsync(Path.Combine(app, "GridXReceiver.cs"), UserAppSources.Receiver(ReadmeQuickstart.ReceiverDeclaration, ReadmeQuickstart.Handler));

        var build = await ChildProcess.RunDotNetAsync(app, StepTimeout, user, "build", "-c", "Release", "-warnaserror", "-tl:off", "--disable-build-servers");
        build.ShouldContain("0 Warning(s)", customMessage: build);

        var port = FreePort();
        using var running = ChildProcess.StartDotNet(app, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Webhooks__GridXReceiver__Secret"] = Secret,
        }, [Path.Combine(app, "bin", "Release", "net10.0", "UserApp.dll")]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilServingAsync(client, running);

        // Step 7: the README's curl and openssl commands, with this app's secret and URL.
        var signAndPost = SetShellVariable(SetShellVariable(ReadmeQuickstart.SignAndPost, "secret", $"'{Secret}'"), "url", $"http://127.0.0.1:{port}");
        var posted = await ChildProcess.RunAsync("bash", work.Path, StepTimeout, new Dictionary<string, string>(), ["-c", signAndPost]);
        posted.ShouldContain("HTTP/1.1 200", Case.Sensitive, posted + "\n" + running.Output);

        var handled = await WaitForApplianceCreatedLineAsync(running);
        handled.ShouldBe($"Appliance {ApplianceId} created", running.Output);

        using (var unsigned = await PostApplianceCreateAsync(client, signature: null))
        {
            ((int)unsigned.StatusCode).ShouldBeOneOf([401, 403], running.Output);
        }

        using (var forged = await PostApplianceCreateAsync(client, "sha512=00"))
        {
            ((int)forged.StatusCode).ShouldBeOneOf([401, 403], running.Output);
        }

        ApplianceCreatedLines(running.Output).Count.ShouldBe(1, "only the signed event reaches the handler:\n" + running.Output);

        // The package's build/WebhookGen.props makes <WebhookGenTestKit> visible to the generator: false leaves the test kit out.
        var generated = Path.Combine(work.Path, "generated");
        await ChildProcess.RunDotNetAsync(app, StepTimeout, user, "build", "-c", "Release", "-warnaserror", "-tl:off", "--disable-build-servers",
            "-p:WebhookGenTestKit=false", "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=" + generated);
        var files = Directory.EnumerateFiles(generated, "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        files.ShouldContain(name => name!.EndsWith(".Receiver.g.cs", StringComparison.Ordinal), string.Join('\n', files));
        files.ShouldNotContain(name => name!.EndsWith(".Sender.g.cs", StringComparison.Ordinal) || name!.EndsWith(".Examples.g.cs", StringComparison.Ordinal), string.Join('\n', files));
    }

    private static void AssertPackageLayout(string nupkg)
    {
        File.Exists(nupkg).ShouldBeTrue($"pack did not produce {nupkg}");
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        entries.ShouldContain("analyzers/dotnet/cs/WebhookGen.Generator.dll", string.Join('\n', entries));
        entries.ShouldContain("analyzers/dotnet/cs/Microsoft.OpenApi.dll", string.Join('\n', entries));
        entries.ShouldContain("analyzers/dotnet/cs/YamlDotNet.dll", string.Join('\n', entries));
        // The .NET Framework compiler (Visual Studio, MSBuild.exe) has no System.Text.Json: the package brings it.
        entries.ShouldContain("analyzers/dotnet/cs/System.Text.Json.dll", string.Join('\n', entries));
        entries.ShouldNotContain(e => e.StartsWith("analyzers/dotnet/cs/Microsoft.CodeAnalysis", StringComparison.Ordinal), "Roslyn is the compiler's own:\n" + string.Join('\n', entries));
        entries.ShouldContain("lib/net8.0/WebhookGen.dll", string.Join('\n', entries));
        entries.ShouldContain("lib/net8.0/WebhookGen.xml", string.Join('\n', entries));
        entries.ShouldContain("build/WebhookGen.props", string.Join('\n', entries));
        entries.ShouldContain("buildTransitive/WebhookGen.props", string.Join('\n', entries));

        // Ready to publish: where the project lives, its licence, symbols beside it, and a README whose links work on nuget.org.
        var nuspec = XDocument.Load(zip.GetEntry("WebhookGen.nuspec")!.Open()).Root!;
        var metadata = nuspec.Elements().Single(e => e.Name.LocalName == "metadata");
        string Meta(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;
        var projectUrl = Meta("projectUrl");
        new Uri(projectUrl).Scheme.ShouldBe("https", nuspec.ToString());
        metadata.Elements().Single(e => e.Name.LocalName == "license").Value.ShouldBe("MIT");
        metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.ShouldBe(projectUrl);
        Meta("readme").ShouldBe("README.md");
        File.Exists(Path.ChangeExtension(nupkg, ".snupkg")).ShouldBeTrue("no symbol package beside " + nupkg);

        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        Regex.Matches(readme, @"\]\((?!https?:|#)[^)]*\)").Select(m => m.Value).ShouldBeEmpty("the packed README has relative links");
        readme.Replace("](" + projectUrl + "/blob/main/", "](", StringComparison.Ordinal)
            .ShouldBe(File.ReadAllText(Path.Combine(Repository.Root, "README.md")), "the packed README is the repository's, links made absolute");
    }

    // The folder feed is added beside the user's configured sources (no <clear/>), as a user would add a private feed.
    private static string NuGetConfigAdding(string feed) =>
        new XDocument(
            new XElement("configuration",
                new XElement("packageSources",
                    new XElement("add", new XAttribute("key", "webhookgen-test-feed"), new XAttribute("value", feed))))).ToString();

    private static void AddToProject(string projectFile, string element)
    {
        var project = XDocument.Load(projectFile);
        project.Root!.Add(XElement.Parse(element));
        project.Save(projectFile);
    }

    /// <summary>The script with the line that sets <paramref name="name"/> (<c>name=...</c>) setting it to <paramref name="value"/>.</summary>
    private static string SetShellVariable(string script, string name, string value)
    {
        var line = new Regex("^" + name + "=[^ \n]*", RegexOptions.Multiline);
        line.IsMatch(script).ShouldBeTrue($"the README's commands set no '{name}':\n{script}");
        return line.Replace(script, name + "=" + value, 1);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilServingAsync(HttpClient client, ChildProcess running)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            running.HasExited.ShouldBeFalse("the app exited before serving:\n" + running.Output);
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<HttpResponseMessage> PostApplianceCreateAsync(HttpClient client, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/gridx/events/appliance/create", UriKind.Relative))
        {
            Content = new StringContent(ApplianceCreateBody, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string> WaitForApplianceCreatedLineAsync(ChildProcess running)
    {
        var deadline = DateTime.UtcNow + OutputTimeout;
        while (true)
        {
            if (ApplianceCreatedLines(running.Output) is [var line, ..])
            {
                return line;
            }

            (DateTime.UtcNow < deadline).ShouldBeTrue("no handler wrote its line:\n" + running.Output);
            await Task.Delay(100);
        }
    }

    private static List<string> ApplianceCreatedLines(string output) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Appliance ", StringComparison.Ordinal) && l.EndsWith(" created", StringComparison.Ordinal)).ToList();
}
