using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// The JSON context file's using aliases. Its readers and writers call the runtime's helpers on nearly every line; spelled
/// <c>global::WebhookGen.Json.WebhookJson.</c> each time, the prefix alone is most of a megabyte on a spec of GitHub's size.
/// No generated type can take these names (<see cref="Identifiers.RecordTypeNames"/>).
/// </summary>
internal static class JsonContextAliases
{
    public const string WebhookJson = "WebhookJson";
    public const string WebhookJsonWriter = "WebhookJsonWriter";
    public const string JsonTokenType = "JsonTokenType";

    public static void Write(SourceWriter writer)
    {
        writer.WriteLine($"using {JsonTokenType} = {KnownTypes.JsonTokenType};");
        writer.WriteLine($"using {WebhookJson} = {KnownTypes.WebhookJson};");
        writer.WriteLine($"using {WebhookJsonWriter} = {KnownTypes.WebhookJsonWriter};");
        writer.WriteLine();
    }
}
