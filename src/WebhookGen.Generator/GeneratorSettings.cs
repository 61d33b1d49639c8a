using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WebhookGen.Generator;

/// <summary>
/// What the project's MSBuild properties ask of the generator (made visible to it by the package's
/// <c>build/WebhookGen.props</c>): <c>WebhookGenTestKit=false</c> leaves out each receiver's test kit, its
/// <c>{Receiver}Sender</c> and <c>{Receiver}Examples</c>, so that they are not compiled into a production assembly.
/// Also, from the compilation, whether the app references WebhookGen.OpenApi.
/// </summary>
internal readonly record struct GeneratorSettings(bool EmitTestKit)
{
    /// <summary>Whether the app references WebhookGen.OpenApi, which reads the payloads' JSON Schemas from the receiver.</summary>
    public bool EmitOpenApiSchemas { get; init; }

    internal const string TestKitProperty = "build_property.WebhookGenTestKit";

    internal const string StrictProperty = "build_property.WebhookGenStrict";

    /// <summary>
    /// <c>&lt;WebhookGenStrict&gt;true&lt;/WebhookGenStrict&gt;</c>: a spec mistake that is otherwise a warning and reads
    /// the value as raw JSON (an unresolved <c>$ref</c>, WHG007; a type that is not a JSON Schema type, WHG027) is an error.
    /// A bool of its own, apart from the settings the source output reads, so that switching it re-emits nothing.
    /// </summary>
    public static bool IsStrict(AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken) =>
        options.GlobalOptions.TryGetValue(StrictProperty, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static GeneratorSettings From(AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken) =>
        new(!(options.GlobalOptions.TryGetValue(TestKitProperty, out var value)
            && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)));
}
