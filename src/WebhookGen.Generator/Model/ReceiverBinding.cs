using WebhookGen.Generator.Diagnostics;

namespace WebhookGen.Generator.Model;

/// <summary>A receiver and the path of the AdditionalFiles item its attribute names (null, with an error, when none matches).</summary>
internal sealed record ReceiverBinding(ReceiverDeclaration Receiver, string? SpecPath, DiagnosticInfo? Error);
