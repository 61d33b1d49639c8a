using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>A receiver bound to its spec: the whole input of the emit stage.</summary>
internal sealed record ReceiverModel(ReceiverDeclaration Receiver, SpecModel? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
