using WebhookGen.Generator.Diagnostics;

namespace WebhookGen.Generator.Model;

/// <summary>
/// A class marked <c>[WebhookReceiver]</c>, as strings. Equal across edits that leave its name, namespace, accessibility and
/// attribute argument alone, so edits to the class's members do not re-run anything downstream.
/// </summary>
internal sealed record ReceiverDeclaration(
    string? Namespace,
    string ClassName,
    bool IsPublic,
    string SpecArgument,
    LocationInfo? Location,
    DiagnosticInfo? Error)
{
    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;
}
