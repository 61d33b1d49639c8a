using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.Generator.Emit;
using WebhookGen.Generator.Model;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// The test kit works for every spec under <c>specs/</c>: the receiver generated from each is compiled and loaded, every
/// <c>{Receiver}Examples</c> method reads its sample through the receiver's own JSON reader, and the receiver, served on a
/// real Kestrel, accepts every sample sent by the generated <c>{Receiver}Sender</c> (with the event's method, route and
/// headers, signed as the spec requires, read strictly) and hands it to the event's own handler.
/// </summary>
public sealed class CorpusExamplesTests(ITestOutputHelper output)
{
    /// <summary>The value given to every path parameter: a space and a slash, which the sender must escape to stay one segment.</summary>
    private const string PathValue = "sample id/1";

    public static TheoryData<string> Specs => CorpusSpecs.Folders();

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Every_sample_event_reads_and_reaches_its_own_handler_over_http(string folder)
    {
        var clock = Stopwatch.StartNew();
        var build = CorpusBuild.Of(folder);
        var model = build.Model ?? throw new ShouldAssertException($"specs/{folder} has no receiver model");
        var receiver = model.Receiver;
        var spec = model.Spec ?? throw new ShouldAssertException($"specs/{folder} was not read into a model");
        var image = build.Image ?? throw new ShouldAssertException(string.Join("\n", build.CompilationProblems.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext(folder, isCollectible: true);
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            var assembly = context.LoadFromStream(stream);
            var examples = LoadedType(assembly, ExamplesEmitter.ExamplesName(receiver));
            var withSamples = spec.Events.Where(e => e.Payload.Kind == ValueKind.Object).ToList();
            withSamples.ShouldNotBeEmpty($"specs/{folder} has events with a record payload");
            withSamples.Where(e => e.ExampleJson is null).Select(e => e.EventName)
                .ShouldBeEmpty($"specs/{folder}: every event with a record payload has a sample");

            var compiled = clock.Elapsed;
            var samples = withSamples.Select(e => (Event: e, Sample: Sample(examples, ExamplesEmitter.MethodName(e, receiver), folder))).ToList();
            var read = clock.Elapsed;

            CorpusHost host;
            try
            {
                host = await CorpusHost.StartAsync(assembly, spec.Events.Any(e => e.BodyFormat == EventBodyFormat.Jwt));
            }
            catch (Exception exception) when (exception is not ShouldAssertException)
            {
                throw new ShouldAssertException($"specs/{folder}: the receiver could not be served on Kestrel: {Unwrap(exception)}");
            }

            await using (host)
            {
                var senderType = LoadedType(assembly, SenderEmitter.SenderName(receiver));
                var sender = Activator.CreateInstance(senderType, host.Client, host.Secret, null, host.SchemeSetInCode, null)!;
                var jsonContext = (JsonSerializerContext)LoadedType(assembly, JsonEmitter.ContextName(receiver))
                    .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                var failures = new List<string>();
                foreach (var (evt, sample) in samples)
                {
                    var failure = await SendAsync(sender, evt, evt.BodyFormat == EventBodyFormat.Jwt ? CorpusJwt.Sign(sample, jsonContext) : sample);
                    if (failure is not null)
                    {
                        failures.Add($"{evt.EventName} ({evt.HttpMethod} {evt.Route}): {failure}");
                    }
                }

                failures.ShouldBeEmpty($"specs/{folder}: {failures.Count} of {samples.Count} samples were not accepted by their own handler");
            }

            output.WriteLine(
                $"specs/{folder}: {samples.Count} samples of {spec.Events.Count} events accepted over HTTP; generated and compiled in " +
                $"{compiled.TotalSeconds:0.0} s, samples read in {(read - compiled).TotalSeconds:0.0} s, served and sent in {(clock.Elapsed - read).TotalSeconds:0.0} s");
        }
        finally
        {
            context.Unload();
        }
    }

    private static object Sample(Type examples, string method, string folder)
    {
        var factory = examples.GetMethod(method, BindingFlags.Public | BindingFlags.Static, System.Type.EmptyTypes)
            ?? throw new ShouldAssertException($"specs/{folder}: {examples.Name} has no method {method}()");
        try
        {
            var sample = factory.Invoke(null, null).ShouldNotBeNull();
            // A polymorphic base (a discriminator mapping) reads as the member its sample names.
            factory.ReturnType.IsAssignableFrom(sample.GetType()).ShouldBeTrue($"{method}() returned a {sample.GetType()}, not a {factory.ReturnType}");
            return sample;
        }
        catch (TargetInvocationException exception)
        {
            throw new ShouldAssertException($"specs/{folder}: {method}() threw {exception.InnerException}");
        }
    }

    /// <summary>Sends one sample with the generated sender; null when its own handler accepted it, else what went wrong.</summary>
    private static async Task<string?> SendAsync(object sender, EventModel evt, object sample)
    {
        var send = sender.GetType().GetMethod(SenderEmitter.MethodName(evt));
        if (send is null)
        {
            return "the sender has no method " + SenderEmitter.MethodName(evt);
        }

        var arguments = send.GetParameters()
            .Select(p => p.Name switch
            {
                "payload" => sample,
                "id" => null,
                "cancellationToken" => (object)CancellationToken.None,
                _ => PathValue,
            })
            .ToArray();
        using var response = await (Task<HttpResponseMessage>)send.Invoke(sender, arguments)!;
        var handler = response.Headers.TryGetValues(CorpusReceiver.HandlerHeader, out var values) ? values.Single() : null;
        if (response.IsSuccessStatusCode && handler == evt.Handler)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync();
        return $"{(int)response.StatusCode}, handler {handler ?? "none"} (expected {evt.Handler}): {body}";
    }

    private static Type LoadedType(Assembly assembly, string name) =>
        assembly.GetType(CorpusReceiver.Namespace + "." + name) ?? throw new ShouldAssertException($"The compiled receiver has no type {name}.");

    private static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
}
