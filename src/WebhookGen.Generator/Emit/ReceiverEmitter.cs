using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits the receiver's half of the partial class: one handler declaration per event, for the user to implement — a
/// partial method, or an abstract one when the receiver is <c>abstract</c> (its handlers then live in a derived class).
/// </summary>
internal static class ReceiverEmitter
{
    public static string HandlerName(EventModel evt) => evt.Handler;

    public static string Emit(ReceiverDeclaration receiver, SpecModel spec)
    {
        var ns = receiver.Namespace;
        var writer = CSharp.StartFile(ns);

        var modifier = receiver.IsAbstract ? "abstract" : "partial";
        writer.OpenBlock("partial class " + receiver.ClassName);
        var first = true;
        foreach (var evt in spec.Events)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            var summary = $"Handles <c>{CSharp.EscapeXml(evt.EventName)}</c>, received as <c>{evt.HttpMethod} {CSharp.EscapeXml(evt.Route)}</c>.";
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// " + summary);
            foreach (var line in CSharp.Lines(evt.Description ?? evt.Summary ?? string.Empty))
            {
                if (line.Trim().Length > 0)
                {
                    writer.WriteLine("/// " + CSharp.EscapeXml(line.Trim()));
                }
            }

            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"payload\">The event, read from a body whose signature was verified.</param>");
            writer.WriteLine("/// <param name=\"context\">The delivery: its event name and id, headers and HTTP context.</param>");
            writer.WriteLine("/// <param name=\"cancellationToken\">Cancelled when the sender goes away.</param>");
            writer.WriteLine($"/// <returns><see cref=\"{KnownTypes.WebhookResult}.Ok\"/>, or <see cref=\"{KnownTypes.WebhookResult}.RetryLater\"/> to have the sender deliver it again.</returns>");
            writer.WriteLine($"public {modifier} {KnownTypes.ValueTask}<{KnownTypes.WebhookResult}> {HandlerName(evt)}({CSharp.TypeName(evt.Payload, ns)} payload, {KnownTypes.WebhookContext} context, {KnownTypes.CancellationToken} cancellationToken);");
        }

        writer.CloseBlock();
        return writer.ToString();
    }
}
