using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;

namespace WebhookGen.Generator.Tests.Output;

/// <summary>
/// One consumer project with a receiver for every spec under <c>specs/</c>, written as a user would: the Web SDK's implicit
/// usings, and types of its own named like the namespaces and types generated code refers to (<c>System</c>,
/// <c>Task</c>, ...) in the namespace that holds the receivers, so that any reference the generator does not qualify with
/// <c>global::</c> binds to the wrong thing and fails to compile.
/// </summary>
internal static class AllSpecsConsumer
{
    public const string RootNamespace = "Consumer";

    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives a project on Microsoft.NET.Sdk.Web.</summary>
    public const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    /// <summary>Names a user may well declare, which shadow the framework's for code in (or below) their namespace.</summary>
    public static readonly string[] ShadowingNames =
    [
        "System", "Microsoft", "WebhookGen", "Task", "ValueTask", "CancellationToken", "JsonElement", "JsonSerializer",
        "JsonSerializerOptions", "Utf8JsonReader", "Utf8JsonWriter", "Guid", "DateTimeOffset", "DateOnly", "Uri", "String",
        "Object", "Math", "Convert", "Encoding", "HttpContext", "IServiceCollection", "IEndpointRouteBuilder", "Results",
        "WebhookResult", "WebhookContext", "List", "Dictionary", "IReadOnlyList", "IReadOnlyDictionary", "Action", "Func",
        "Exception", "ArgumentNullException", "InvalidOperationException", "GeneratedCode", "GeneratedCodeAttribute",
    ];

    public static string Shadowing => $$"""
        namespace {{RootNamespace}}
        {
        {{string.Join("\n", ShadowingNames.Select(n => $"    internal sealed class {n} {{ }}"))}}
        }
        """;

    public static IReadOnlyList<ConsumerReceiver> Receivers { get; } = CorpusSpecs.AllFolders()
        .Select(folder => new ConsumerReceiver(folder, Pascal(folder), CorpusSpecs.Load(folder)))
        .ToList();

    /// <summary>The specs as the compiler gets them: AdditionalFiles under the project's <c>specs/</c> folder.</summary>
    public static AdditionalText[] AdditionalTexts(string projectDirectory = "/consumer") =>
        Receivers.Select(r => (AdditionalText)new InMemoryAdditionalText($"{projectDirectory}/{r.SpecRelativePath}", r.Spec.Text)).ToArray();

    /// <summary>Every receiver class, bound to its spec by its path relative to the project.</summary>
    public static string Declarations()
    {
        var text = new StringBuilder("using WebhookGen;\n");
        foreach (var receiver in Receivers)
        {
            text.Append($$"""

                namespace {{receiver.Namespace}}
                {
                    /// <summary>Receives the webhooks of {{receiver.Folder}}.</summary>
                    [WebhookReceiver({{SymbolDisplay.FormatLiteral(receiver.SpecRelativePath, quote: true)}})]
                    public partial class {{receiver.ClassName}}
                    {
                    }
                }

                """);
        }

        return text.ToString();
    }

    /// <summary>A second part of each receiver class implementing every handler the generator declared in <paramref name="generated"/>.</summary>
    public static string Implementations(IEnumerable<GeneratedSourceResult> generated)
    {
        var text = new StringBuilder();
        foreach (var source in generated.Where(s => s.HintName.EndsWith(".Receiver.g.cs", StringComparison.Ordinal)).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            foreach (var type in source.SyntaxTree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var handlers = type.Members.OfType<MethodDeclarationSyntax>()
                    .Where(m => m.Modifiers.Any(SyntaxKind.PartialKeyword) && m.Body is null && m.ExpressionBody is null)
                    .ToList();
                if (handlers.Count == 0)
                {
                    continue;
                }

                var ns = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Single().Name.ToString();
                text.Append("namespace ").Append(ns).Append("\n{\n    partial class ").Append(type.Identifier.Text).Append("\n    {\n");
                foreach (var handler in handlers)
                {
                    text.Append("        public partial global::System.Threading.Tasks.ValueTask<global::WebhookGen.WebhookResult> ")
                        .Append(handler.Identifier.Text)
                        .Append(handler.ParameterList.WithoutTrivia().ToString())
                        .Append(" => new(global::WebhookGen.WebhookResult.Ok());\n");
                }

                text.Append("    }\n}\n\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A program that registers and maps every receiver: its extension methods must resolve, as a user calls them.</summary>
    public static string Program()
    {
        var text = new StringBuilder("var builder = global::Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);\n");
        foreach (var receiver in Receivers)
        {
            text.Append("builder.Services.Add").Append(receiver.ClassName).Append("();\n");
        }

        text.Append("var app = builder.Build();\n");
        foreach (var receiver in Receivers)
        {
            text.Append("app.Map").Append(receiver.ClassName).Append("();\n");
        }

        return text.Append("app.Run();\n").ToString();
    }

    private static string Pascal(string folder) =>
        string.Concat(folder.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}

/// <summary>The receiver of one spec in <see cref="AllSpecsConsumer"/>.</summary>
internal sealed record ConsumerReceiver(string Folder, string Name, CorpusSpec Spec)
{
    public string Namespace => AllSpecsConsumer.RootNamespace + "." + Name;

    public string ClassName => Name + "Receiver";

    public string SpecRelativePath => "specs/" + Folder + "/" + Spec.FileName;
}
