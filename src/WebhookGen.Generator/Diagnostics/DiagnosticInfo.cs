using System.Linq;
using Microsoft.CodeAnalysis;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Diagnostics;

/// <summary>A diagnostic as plain, value-equatable data: created while reading, reported at the end of the pipeline.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
}
