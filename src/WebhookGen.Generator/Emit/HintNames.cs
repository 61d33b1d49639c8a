using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>Deterministic, unique hint names: <c>{Namespace}.{Receiver}.{Concern}.g.cs</c>.</summary>
internal static class HintNames
{
    public static string Prefix(ReceiverDeclaration receiver) => receiver.FullName;
}
