using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookGen.Generator.Tests.Infrastructure;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>What one fuzzed document did to the generator.</summary>
internal enum FuzzVerdict
{
    /// <summary>The generator reported at least one WHG error (and generated no code): the document is rejected with a reason.</summary>
    Rejected,

    /// <summary>No WHG error, and the receiver compiled with no error or warning.</summary>
    Compiled,

    /// <summary>The generator threw (the compiler would report CS8785).</summary>
    Threw,

    /// <summary>WebhookGen's own code threw and the read step passed the exception off as WHG004.</summary>
    ThrewAsWhg004,

    /// <summary>No WHG error, yet the generated code does not compile cleanly.</summary>
    Uncompilable,

    /// <summary>The generator did not finish in time.</summary>
    Hung,

    /// <summary>A mutator threw while making the document: a bug of the fuzzer, reported like the others so it is fixed.</summary>
    FuzzerFailed,
}

/// <summary>The verdict on one document, with the detail a failure report needs.</summary>
internal sealed record FuzzOutcome(FuzzVerdict Verdict, string Detail, TimeSpan Elapsed, TimeSpan Compiling = default)
{
    public bool IsFailure => Verdict is not (FuzzVerdict.Rejected or FuzzVerdict.Compiled);
}

/// <summary>
/// Runs the generator over one document bound to a receiver that declares no handlers, and judges the result: the
/// generator must not throw, and either a WHG error explains why there is no code, or the code compiles with no error
/// and no warning. The one diagnostic ignored is CS8795 (a partial method without an implementation): the receiver
/// implements none of the handlers the generator declares. Doc comments are checked as in a project that generates its
/// documentation file, so spec text that breaks their XML is a warning too.
/// </summary>
internal static class FuzzRunner
{
    public const string Namespace = "Fuzz";
    public const string ClassName = "FuzzReceiver";

    /// <summary>A receiver's handler declarations, with no implementation in the fuzz receiver.</summary>
    private const string PartialMethodWithoutImplementation = "CS8795";

    /// <summary>As the tests parse, plus the XML of doc comments checked (CS1570 and its kin), as <c>GenerateDocumentationFile</c> does.</summary>
    private static readonly CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>The compiler's ids for a generator that failed to initialise (CS8784) or threw while generating (CS8785).</summary>
    private static readonly string[] GeneratorFailureIds = ["CS8784", "CS8785"];

    /// <summary>One input compilation per spec file name: the references are bound once and every run shares them.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<CSharpCompilation>> Compilations = new(StringComparer.Ordinal);

    /// <summary>Compiler diagnostics by the generated sources they came from: documents often generate the same code.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Diagnostic>> CompiledOutputs = new(StringComparer.Ordinal);

    public static string ReceiverSource(string specFileName) => $$"""
        using WebhookGen;

        namespace {{Namespace}};

        /// <summary>The receiver of the fuzzed spec; it implements none of its handlers.</summary>
        [WebhookReceiver({{SymbolDisplay.FormatLiteral(specFileName, quote: true)}})]
        public partial class {{ClassName}}
        {
        }
        """;

    /// <summary>Runs the generator over <paramref name="text"/> as the AdditionalFiles item <paramref name="path"/>.</summary>
    public static FuzzOutcome Run(string path, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource();

        // A thread of its own: a generator that loops forever must not take a worker of the run with it.
        var work = Task.Factory.StartNew(() => Judge(path, text, cancellation.Token), cancellation.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!work.Wait(timeout))
        {
            // The generator gets a chance to observe cancellation; a loop that never checks keeps its thread.
            cancellation.Cancel();
            return new FuzzOutcome(FuzzVerdict.Hung, $"no result after {timeout.TotalSeconds:0} s", clock.Elapsed);
        }

        var (verdict, detail, compiling) = work.Result;
        return new FuzzOutcome(verdict, detail, clock.Elapsed, compiling);
    }

    private static (FuzzVerdict Verdict, string Detail, TimeSpan Compiling) Judge(string path, string text, CancellationToken cancellationToken)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var input = Compilations.GetOrAdd(fileName, name => new Lazy<CSharpCompilation>(() => GeneratorHarness.CreateCompilation()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(ReceiverSource(name), ParseOptions, path: "Source0.cs")))).Value;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new WebhookReceiverGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(path, text)],
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

        Compilation output;
        ImmutableArray<Diagnostic> diagnostics;
        using (var exceptions = OwnExceptions.Watch())
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(input, out output, out diagnostics, cancellationToken);
            var thrown = driver.GetRunResult().Results.Select(r => r.Exception).OfType<Exception>().FirstOrDefault();
            if (thrown is not null)
            {
                return (FuzzVerdict.Threw, Describe(thrown), TimeSpan.Zero);
            }

            var failure = diagnostics.FirstOrDefault(d => GeneratorFailureIds.Contains(d.Id));
            if (failure is not null)
            {
                return (FuzzVerdict.Threw, Format(failure), TimeSpan.Zero);
            }

            // WHG004 says "the OpenAPI reader threw" with the exception's type and message; that is fine when the
            // library threw, but an exception from WebhookGen's own code is a crash reported under the wrong name.
            foreach (var notOpenApi in diagnostics.Where(d => d.Id == "WHG004"))
            {
                var own = exceptions.Find(notOpenApi.GetMessage(CultureInfo.InvariantCulture));
                if (own is not null)
                {
                    return (FuzzVerdict.ThrewAsWhg004, own, TimeSpan.Zero);
                }
            }
        }

        var errors = diagnostics.Where(d => d.Id.StartsWith("WHG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return (FuzzVerdict.Rejected, string.Join("; ", errors.Select(Format).Distinct().Take(3)), TimeSpan.Zero);
        }

        var generated = output.SyntaxTrees.Skip(input.SyntaxTrees.Length).ToList();
        var key = FuzzText.Hash(generated.Select(t => t.FilePath + "\u0000" + t.GetText(cancellationToken)));
        var compiling = Stopwatch.StartNew();
        var problems = CompiledOutputs.GetOrAdd(key, _ => output.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != PartialMethodWithoutImplementation)
            .ToList());
        if (problems.Count > 0)
        {
            var distinct = problems.Select(Format).Distinct(StringComparer.Ordinal).ToList();
            return (FuzzVerdict.Uncompilable, $"{problems.Count} compiler diagnostic(s): " + string.Join("; ", distinct.Take(3)) + (distinct.Count > 3 ? "; …" : string.Empty), compiling.Elapsed);
        }

        return (FuzzVerdict.Compiled, $"{generated.Count} file(s); " + string.Join("; ", diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)), compiling.Elapsed);
    }

    private static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location == Location.None ? string.Empty : $" at {System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        return diagnostic.Id + where + ": " + FuzzText.Clip(diagnostic.GetMessage(CultureInfo.InvariantCulture), 240);
    }

    private static string Describe(Exception exception) =>
        exception.GetType().Name + ": " + FuzzText.Clip(exception.Message, 200) + " " + OwnExceptions.Origin(exception);
}
