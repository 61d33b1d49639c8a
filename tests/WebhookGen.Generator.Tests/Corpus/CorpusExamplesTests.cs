using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Shouldly;
using Xunit;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// The test kit's sample events are valid for every spec under <c>specs/</c>: the receiver generated from each is compiled,
/// loaded, and every <c>{Receiver}Examples</c> method reads its sample through the receiver's own JSON reader without error.
/// </summary>
public sealed class CorpusExamplesTests
{
    public static TheoryData<string> Specs => CorpusSpecs.Folders();

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_sample_event_reads_as_its_payload_type(string folder)
    {
        var run = CorpusReceiver.RunWithHandlers(CorpusSpecs.Load(folder));
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        emitted.Success.ShouldBeTrue(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext(folder, isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var examples = assembly.GetTypes().Single(t => t.Name.EndsWith("Examples", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed);
            var methods = examples.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.GetParameters().Length == 0).ToList();
            methods.ShouldNotBeEmpty($"specs/{folder} has events with a record payload");

            foreach (var method in methods)
            {
                object? sample = null;
                try
                {
                    sample = method.Invoke(null, null);
                }
                catch (TargetInvocationException exception)
                {
                    throw new ShouldAssertException($"specs/{folder}: {method.Name}() threw {exception.InnerException}");
                }

                sample.ShouldNotBeNull();
                sample.GetType().ShouldBe(method.ReturnType);
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
