using System.Linq;
using Microsoft.CodeAnalysis;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>
/// The whole input of the emit stage: a receiver and its spec without a location, a diagnostic or anything else the
/// emitters do not read. An edit that only moves or rewords lines (a comment above the class, a blank line or a new
/// title in the spec) changes the <see cref="ReceiverModel"/> and its diagnostics, never this: nothing is re-emitted.
/// </summary>
internal sealed record ReceiverOutput(ReceiverDeclaration Receiver, SpecModel Spec)
{
    /// <summary>What <paramref name="model"/> emits; null when it emits nothing (an error in the receiver or its spec).</summary>
    public static ReceiverOutput? From(ReceiverModel model)
    {
        var spec = model.Spec;
        if (spec is null || spec.HasErrors || model.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return null;
        }

        return new ReceiverOutput(
            model.Receiver with { Location = null, Error = null },
            spec with { Title = null, Diagnostics = EquatableArray<DiagnosticInfo>.Empty });
    }
}
