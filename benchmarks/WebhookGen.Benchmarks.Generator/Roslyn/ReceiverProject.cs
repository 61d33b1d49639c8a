using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookGen.Generator.Tests.Infrastructure;

namespace WebhookGen.Benchmarks.Generator.Roslyn;

/// <summary>
/// The project a generator run sees: one receiver class naming the spec (<c>webhooks.yaml</c>, or <c>webhooks.json</c>
/// for a JSON spec), one unrelated source file, the references of an ASP.NET Core app plus the WebhookGen runtime, and
/// the spec as an AdditionalFiles item.
/// </summary>
internal sealed class ReceiverProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <param name="specText">The spec's text.</param>
    /// <param name="specFileName">Its file name, whose extension picks the generator's reader (JSON or YAML).</param>
    public ReceiverProject(string specText, string specFileName = "webhooks.yaml")
    {
        UnrelatedTree = Parse(UnrelatedSource(0), "/project/Unrelated.cs");
        Compilation = CSharpCompilation.Create(
            "ReceiverApp",
            [Parse(ReceiverSource(specFileName), "/project/Receiver.cs"), UnrelatedTree],
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        Spec = new InMemoryAdditionalText(SpecPathOf(specFileName), specText);
    }

    /// <summary>Where the spec named <paramref name="specFileName"/> is in the project.</summary>
    public static string SpecPathOf(string specFileName) => "/project/" + specFileName;

    public CSharpCompilation Compilation { get; }

    public AdditionalText Spec { get; }

    /// <summary>The file an unrelated edit replaces.</summary>
    public SyntaxTree UnrelatedTree { get; }

    /// <summary>The unrelated file as it reads after edit number <paramref name="edit"/>.</summary>
    public static SyntaxTree UnrelatedEdit(int edit) => Parse(UnrelatedSource(edit), "/project/Unrelated.cs");

    /// <summary>A new file that has nothing to do with the receiver.</summary>
    public static SyntaxTree AddedFile() => Parse("namespace ReceiverApp;\n\npublic sealed class Added {}\n", "/project/Added.cs");

    private static string ReceiverSource(string specFileName) => $$"""
        namespace ReceiverApp;

        [WebhookGen.WebhookReceiver("{{specFileName}}")]
        public partial class Receiver {}
        """;

    private static string UnrelatedSource(int edit) => $$"""
        namespace ReceiverApp;

        public static class Unrelated
        {
            public static int Answer() => {{edit}};
        }
        """;

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        string runtime = typeof(WebhookGen.WebhookReceiverAttribute).Assembly.Location;
        return
        [
            .. platform
                .Where(path => IsAppReference(Path.GetFileName(path)))
                .Append(runtime)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        ];
    }

    private static bool IsAppReference(string fileName) =>
        fileName.StartsWith("System.", StringComparison.Ordinal)
        || fileName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
        || fileName.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
        || fileName is "netstandard.dll" or "mscorlib.dll";
}
