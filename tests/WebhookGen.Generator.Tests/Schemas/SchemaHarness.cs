using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>
/// Runs the generator over a spec whose one event carries <c>#/components/schemas/Payload</c>, with the receiver's
/// handlers implemented (written from the declarations the generator makes), and loads what it built to read and write
/// real JSON through the generated <c>HookReceiverJsonContext</c>.
/// </summary>
internal static class SchemaHarness
{
    public const string Namespace = "Hooks";
    public const string ReceiverName = "HookReceiver";

    /// <summary>
    /// A 3.1 spec with one event whose body is <c>Payload</c> (or <paramref name="body"/>); <paramref name="schemas"/> is
    /// the YAML under <c>components/schemas</c>, unindented.
    /// </summary>
    public static string Spec(string schemas, string version = "3.1.0", string body = "#/components/schemas/Payload") =>
        $"""
        openapi: {version}
        info:
          title: Schemas
          version: '1'
        paths:
          /hook:
            post:
              operationId: hook
              parameters:
              - name: X-Hub-Signature-256
                in: header
                required: true
                schema:
                  type: string
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '{body}'
              responses:
                '200':
                  description: ok
        components:
          schemas:
        {Indent(schemas, "    ")}
        """;

    public static string ReceiverDeclaration(string ns = Namespace, string spec = "hooks.yaml") => $$"""
        using WebhookGen;

        namespace {{ns}};

        [WebhookReceiver("{{spec}}")]
        public partial class {{ReceiverName}}
        {
        }
        """;

    /// <summary>Runs the generator once to learn the handlers, then again over a receiver that implements them.</summary>
    public static GeneratorRun Run(string spec, string ns = Namespace)
    {
        var text = new InMemoryAdditionalText("/app/hooks.yaml", spec);
        var first = GeneratorHarness.Run(ReceiverDeclaration(ns), text);
        var compilation = GeneratorHarness.CreateCompilation(ReceiverDeclaration(ns), Implementations(first, ns));
        var driver = GeneratorHarness.CreateDriver(text).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        GeneratorHarness.AssertSecondRunCached(driver, GeneratorHarness.CreateCompilation(ReceiverDeclaration(ns), Implementations(first, ns)));
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    /// <summary>
    /// As <see cref="Run(string, string)"/>, over a spec made of several files: <paramref name="spec"/> is the file the
    /// receiver names (its path from the project, or its name), <paramref name="files"/> every AdditionalFiles item.
    /// </summary>
    public static GeneratorRun Run(string spec, params AdditionalText[] files)
    {
        var first = GeneratorHarness.Run(ReceiverDeclaration(Namespace, spec), files);
        var compilation = GeneratorHarness.CreateCompilation(ReceiverDeclaration(Namespace, spec), Implementations(first, Namespace));
        var driver = GeneratorHarness.CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        GeneratorHarness.AssertSecondRunCached(driver, GeneratorHarness.CreateCompilation(ReceiverDeclaration(Namespace, spec), Implementations(first, Namespace)));
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    /// <summary>Runs the generator and checks the output compiles with no warning; returns it loaded.</summary>
    public static Generated Load(string schemas, string version = "3.1.0")
    {
        var run = Run(Spec(schemas, version));
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        return Generated.Load(run);
    }

    public static string Indent(string text, string indent) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(line => line.Length == 0 ? line : indent + line));

    private static string Implementations(GeneratorRun run, string ns)
    {
        var text = new StringBuilder();
        text.Append("namespace ").Append(ns).Append(";\n\npartial class ").Append(ReceiverName).Append("\n{\n");
        var handlers = run.Sources
            .Where(s => s.HintName.EndsWith(".Receiver.g.cs", StringComparison.Ordinal))
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.Modifiers.Any(SyntaxKind.PartialKeyword) && m.Body is null && m.ExpressionBody is null);
        foreach (var handler in handlers)
        {
            text.Append("    public partial global::System.Threading.Tasks.ValueTask<global::WebhookGen.WebhookResult> ")
                .Append(handler.Identifier.Text)
                .Append(handler.ParameterList.WithoutTrivia())
                .Append(" => new(global::WebhookGen.WebhookResult.Ok());\n");
        }

        return text.Append("}\n").ToString();
    }
}

/// <summary>The generated code, compiled and loaded into a collectable load context; reflection is for the tests only.</summary>
internal sealed class Generated
{
    private readonly Assembly _assembly;
    private readonly object _context;

    private Generated(Assembly assembly, GeneratorRun run)
    {
        _assembly = assembly;
        Run = run;
        var contextType = assembly.GetType($"{SchemaHarness.Namespace}.{SchemaHarness.ReceiverName}JsonContext", throwOnError: true)!;
        _context = contextType.GetProperty("Default")!.GetValue(null)!;
    }

    public GeneratorRun Run { get; }

    public static Generated Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        return new Generated(context.LoadFromStream(stream), run);
    }

    public Type Type(string name) => _assembly.GetType($"{SchemaHarness.Namespace}.{name}", throwOnError: true)!;

    /// <summary>Reads <paramref name="json"/> as the generated type <paramref name="typeName"/>, as JsonSerializer does through the context.</summary>
    public object Read(string typeName, string json) =>
        JsonSerializer.Deserialize(json, TypeInfo(Type(typeName)))!;

    /// <summary>The reading error for <paramref name="json"/>: its message names the property at fault.</summary>
    public string ReadError(string typeName, string json) =>
        Should.Throw<JsonException>(() => Read(typeName, json)).Message;

    /// <summary>
    /// Reads <paramref name="json"/> as the generated type <paramref name="typeName"/> with its generated reader, as the
    /// request pipeline does in <paramref name="reading"/> mode; a strict read that fails throws its <see cref="WebhookGen.Json.WebhookPayloadException"/>.
    /// </summary>
    public object Read(string typeName, string json, WebhookGen.WebhookPayloadReading reading, out IReadOnlyList<WebhookGen.PayloadDrift> drift)
    {
        var type = Type(typeName);
        var reader = _context.GetType().GetMethod("Read" + typeName, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("No reader for " + typeName);
        var read = reader.CreateDelegate(typeof(WebhookGen.Json.WebhookPayloadReader<>).MakeGenericType(type));
        var arguments = new object?[] { json, read, reading, null };
        try
        {
            var value = typeof(Generated).GetMethod(nameof(ReadWith), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, arguments)!;
            drift = (IReadOnlyList<WebhookGen.PayloadDrift>)arguments[3]!;
            return value;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    private static T ReadWith<T>(string json, WebhookGen.Json.WebhookPayloadReader<T> read, WebhookGen.WebhookPayloadReading reading, out IReadOnlyList<WebhookGen.PayloadDrift> drift) =>
        WebhookGen.Json.WebhookJson.Deserialize(Encoding.UTF8.GetBytes(json), read, reading, out drift);

    public string Write(string typeName, object value) => JsonSerializer.Serialize(value, TypeInfo(Type(typeName)));

    public JsonTypeInfo TypeInfo(Type type) =>
        (JsonTypeInfo)(_context.GetType().GetMethod("GetTypeInfo", [typeof(Type)])!.Invoke(_context, [type])
            ?? throw new InvalidOperationException("No metadata for " + type));

    /// <summary>A property's value; of a property hidden by a derived one (<c>new</c>), the derived one's, as C# would read it.</summary>
    public static object? Get(object target, string property)
    {
        var candidates = target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name == property).ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException($"{target.GetType().Name} has no property {property}");
        }

        return candidates.OrderByDescending(p => Depth(p.DeclaringType!)).First().GetValue(target);
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var current = type; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>A nested value: <c>Get(payload, "Data", "Id")</c>.</summary>
    public static object? Get(object target, params string[] path)
    {
        object? current = target;
        foreach (var property in path)
        {
            current = current is null ? null : Get(current, property);
        }

        return current;
    }

    public static IReadOnlyList<string> PropertyNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name).ToList();
}
