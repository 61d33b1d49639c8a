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

    /// <summary>The diagnostic with another severity than its descriptor's (strict mode's errors).</summary>
    public Diagnostic ToDiagnostic(DiagnosticSeverity severity) =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), severity, additionalLocations: null, properties: null, Arguments.Cast<object>().ToArray());

    /// <summary>
    /// The diagnostic located in the C# syntax tree it points into, so that <c>#pragma warning disable</c> and
    /// suppressions apply to it as to the compiler's own; a location outside the compilation (a spec file) stays as it is.
    /// </summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var tree = Location is null ? null : compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == Location.FilePath);
        var location = tree is null ? Location?.ToLocation() : Microsoft.CodeAnalysis.Location.Create(tree, Location!.Span);
        return Diagnostic.Create(Descriptor, location, Arguments.Cast<object>().ToArray());
    }
}
