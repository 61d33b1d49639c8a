using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Shouldly;
using WebhookGen.Generator.Reading.Events;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// The sample the test kit makes for a schema is valid for it, for every schema of every spec under <c>specs/</c> (each
/// component schema and each request body): whatever shapes a spec has (an <c>allOf</c> of scalars, unions, patterns,
/// bounds, formats, maps, discriminators, recursion), <see cref="SampleValidator"/> finds nothing wrong with its sample.
/// </summary>
public sealed class CorpusSamplesTests(ITestOutputHelper output)
{
    /// <summary>
    /// Samples known to be invalid, by spec folder and schema. Lob's <c>campaign</c> holds creatives whose
    /// <c>returned_resource</c> union leads back to a campaign: where the recursion is cut, the union's members cannot be
    /// made, and the creative's required <c>from</c> and <c>resource_type</c> fall back to placeholders. No event carries it.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownInvalid = new(StringComparer.Ordinal)
    {
        ["lob"] = ["#/components/schemas/campaign"],
    };

    public static TheoryData<string> Specs => CorpusSpecs.Folders();

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_sample_of_every_schema_is_valid_for_it(string folder)
    {
        var spec = CorpusSpecs.Load(folder);
        var document = SpecDocuments.Read(spec.Path, spec.Text, spec.Others.Select(f => (f.Path, f.Text)));
        var schemas = Schemas(document).ToList();
        var invalid = new List<string>();
        foreach (var (where, schema) in schemas)
        {
            var json = ExampleBuilder.Build(schema, null, null);
            if (json is null)
            {
                continue;
            }

            var problems = SampleValidator.Validate(schema, JsonNode.Parse(json));
            var known = KnownInvalid.TryGetValue(folder, out var names) && names.Contains(where);
            if (known && problems.Count == 0)
            {
                invalid.Add($"{where}: now valid: take it off the known invalid samples");
            }
            else if (!known && problems.Count > 0)
            {
                invalid.Add($"{where}: {string.Join("; ", problems.Take(3))}");
            }
        }

        output.WriteLine($"specs/{folder}: {schemas.Count} schemas, {invalid.Count} invalid samples");
        foreach (var line in invalid)
        {
            output.WriteLine("  " + line);
        }

        invalid.ShouldBeEmpty($"specs/{folder}: {invalid.Count} of {schemas.Count} samples are not valid for their schema");
    }

    private static IEnumerable<(string Where, IOpenApiSchema Schema)> Schemas(OpenApiDocument document)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            yield return ("#/components/schemas/" + name, schema);
        }

        var operations = (document.Paths ?? new OpenApiPaths()).Select(p => (p.Key, p.Value))
            .Concat((document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>()).Select(w => (w.Key, w.Value)));
        foreach (var (path, item) in operations)
        {
            foreach (var (method, operation) in item.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                foreach (var (where, schema) in Bodies($"{method} {path}", operation))
                {
                    yield return (where, schema);
                }

                foreach (var (name, callback) in operation.Callbacks ?? new Dictionary<string, IOpenApiCallback>())
                {
                    foreach (var (expression, callbackItem) in callback.PathItems ?? new Dictionary<RuntimeExpression, IOpenApiPathItem>())
                    {
                        foreach (var (callbackMethod, callbackOperation) in callbackItem.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
                        {
                            foreach (var body in Bodies($"{method} {path} callback {name} {callbackMethod} {expression.Expression}", callbackOperation))
                            {
                                yield return body;
                            }
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Where, IOpenApiSchema Schema)> Bodies(string where, OpenApiOperation operation) =>
        (operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase) && c.Value.Schema is not null)
            .Select(c => (where + " body", c.Value.Schema!));
}
