using System.Linq;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits <c>{Receiver}Examples</c>, the test kit's sample events: one method per event whose payload is a record, returning
/// a payload read by the receiver's own JSON reader from a sample the spec's schema accepts (see <c>ExampleBuilder</c>).
/// What the samples share is written once (<see cref="ExampleFragments"/>).
/// </summary>
internal static class ExamplesEmitter
{
    public static string ExamplesName(ReceiverDeclaration receiver) => receiver.ClassName + "Examples";

    public static string Emit(ReceiverDeclaration receiver, SpecModel spec)
    {
        var ns = receiver.Namespace;
        var name = ExamplesName(receiver);
        var context = CSharp.QualifiedName(ns, JsonEmitter.ContextName(receiver));
        var infoNames = JsonEmitter.TypeInfoNames(receiver, spec);
        var writer = CSharp.StartFile(ns);

        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Sample <see cref=\"{receiver.ClassName}\"/> events for tests, valid for the spec: each property from the spec's");
        writer.WriteLine("/// example where it gives one of the right kind, else a placeholder of its type. Each call returns a new event with the");
        writer.WriteLine("/// same values: give it a new id with <c>with { ... }</c> to send it twice without it being deduplicated.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"{(receiver.IsPublic ? "public" : "internal")} static class {name}");
        var events = spec.Events.Where(e => e.Payload.Kind == ValueKind.Object && e.ExampleJson is not null)
            .Select(e => (Event: e, Method: MethodName(e, receiver)))
            .ToList();
        var fragments = ExampleFragments.For(events.Select(e => e.Event.ExampleJson!).ToList(), events.Select(e => e.Method).Append("Read"));
        foreach (var (evt, method) in events)
        {
            writer.WriteLine($"/// <summary>A sample <c>{CSharp.EscapeXml(evt.EventName)}</c> event.</summary>");
            writer.WriteLine($"public static {CSharp.TypeName(evt.Payload, ns)} {method}() =>");
            writer.WriteLine($"    Read({context}.Default.{infoNames[evt.Payload.Name!]}, {fragments.Expression(evt.ExampleJson!)});");
            writer.WriteLine();
        }

        foreach (var (constant, json) in fragments.Constants)
        {
            writer.WriteLine($"private static string {constant} => {json};");
            writer.WriteLine();
        }

        writer.WriteLine($"private static T Read<T>(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string json) =>");
        writer.WriteLine("    global::System.Text.Json.JsonSerializer.Deserialize(json, typeInfo) ?? throw new global::System.InvalidOperationException(\"The sample event read as null.\");");
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>The name of the method that returns the event's sample.</summary>
    public static string MethodName(EventModel evt, ReceiverDeclaration receiver)
    {
        var method = evt.Identifier.TrimStart('@');
        return method == ExamplesName(receiver) ? method + "Value" : method;
    }
}
