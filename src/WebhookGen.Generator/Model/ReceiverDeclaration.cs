using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;

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
    /// <summary>
    /// The <c>Events</c> the attribute chooses (names, keys, groups or <c>*</c> patterns), in the order written; null when it
    /// chooses none, so every event of the spec is handled.
    /// </summary>
    public EquatableArray<string>? EventPatterns { get; init; }

    /// <summary>
    /// True for an <c>abstract</c> receiver: its handlers are abstract methods that a derived class overrides, so the
    /// generated code can be compiled once in a library of its own while the handlers change in the app.
    /// </summary>
    public bool IsAbstract { get; init; }

    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;
}
