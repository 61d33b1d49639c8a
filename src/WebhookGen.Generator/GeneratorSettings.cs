using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WebhookGen.Generator;

/// <summary>
/// What the project's MSBuild properties ask of the generator (made visible to it by the package's
/// <c>build/WebhookGen.props</c>): <c>WebhookGenTestKit=false</c> leaves out each receiver's test kit, its
/// <c>{Receiver}Sender</c> and <c>{Receiver}Examples</c>, so that they are not compiled into a production assembly.
/// </summary>
internal readonly record struct GeneratorSettings(bool EmitTestKit)
{
    internal const string TestKitProperty = "build_property.WebhookGenTestKit";

    public static GeneratorSettings From(AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken) =>
        new(!(options.GlobalOptions.TryGetValue(TestKitProperty, out var value)
            && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)));
}
