using System.Linq;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits <c>{Receiver}Examples</c>, the test kit's sample events: one method per event whose payload is a record, returning
/// a payload read by the receiver's own JSON reader from a sample the spec's schema accepts (see <c>ExampleBuilder</c>).
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
        foreach (var evt in spec.Events.Where(e => e.Payload.Kind == ValueKind.Object && e.ExampleJson is not null))
        {
            var method = evt.Identifier.TrimStart('@');
            method = method == name ? method + "Value" : method;
            writer.WriteLine($"/// <summary>A sample <c>{CSharp.EscapeXml(evt.EventName)}</c> event.</summary>");
            writer.WriteLine($"public static {CSharp.TypeName(evt.Payload, ns)} {method}() =>");
            writer.WriteLine($"    Read({context}.Default.{infoNames[evt.Payload.Name!]}, {CSharp.Utf8Literal(evt.ExampleJson!)});");
            writer.WriteLine();
        }

        writer.WriteLine($"private static T Read<T>(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, global::System.ReadOnlySpan<byte> json) =>");
        writer.WriteLine("    global::System.Text.Json.JsonSerializer.Deserialize(json, typeInfo) ?? throw new global::System.InvalidOperationException(\"The sample event read as null.\");");
        writer.CloseBlock();
        return CSharp.EndFile(writer, ns);
    }
}
