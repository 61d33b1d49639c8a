using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>
/// Everything WebhookGen takes from one spec file, independent of the receivers bound to it. Built once per spec text
/// and cached: an edit elsewhere in the project never re-reads the spec.
/// </summary>
internal sealed record SpecModel(
    string FilePath,
    string? Title,
    string RoutePrefix,
    SignatureModel? Signature,
    int SignatureFailureStatusCode,
    string? DeliveryIdHeader,
    EquatableArray<EventModel> Events,
    EquatableArray<RouteModel> Routes,
    EquatableArray<TypeModel> Types,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
