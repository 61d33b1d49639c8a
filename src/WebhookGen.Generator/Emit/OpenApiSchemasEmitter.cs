using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits, for an app that references WebhookGen.OpenApi, the JSON Schemas of the receiver's payloads as an attribute on
/// the receiver class, for that package to put the receiver's routes in the app's OpenAPI document. The schemas are
/// written from the model the C# types are written from, so the document describes exactly what the receiver reads.
/// </summary>
/// <remarks>
/// The attribute's text is <c>{"events":{"{event}":"{schema id}"},"schemas":{"{schema id}":{…}}}</c>; schema ids are
/// <c>{Receiver}.{Type}</c>, so that two receivers' types of one name stay apart, and refer to each other as
/// <c>#/components/schemas/{id}</c>. JSON Schema 2020-12, as OpenAPI 3.1 writes it.
/// </remarks>
internal static class OpenApiSchemasEmitter
{
    /// <summary>The attribute WebhookGen.OpenApi declares; its presence in the compilation turns this output on.</summary>
    public const string AttributeName = "WebhookGen.OpenApi.WebhookOpenApiSchemasAttribute";

    public static string Emit(ReceiverDeclaration receiver, SpecModel spec)
    {
        var writer = CSharp.StartFile(receiver.Namespace);
        writer.WriteLine("/// <summary>The JSON Schemas of the receiver's payloads, for the app's OpenAPI document (WebhookGen.OpenApi).</summary>");
        // A verbatim string of indented JSON: a schema per line or so, readable in the file as in the document.
        writer.WriteLine($"[global::{AttributeName}(@\"{Schemas(receiver.ClassName, spec).Replace("\"", "\"\"")}\")]");
        writer.OpenBlock("partial class " + receiver.ClassName);
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>The attribute's text: each event's schema id, and the schemas.</summary>
    public static string Schemas(string receiver, SpecModel spec)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteStartObject("events");
            foreach (var evt in spec.Events)
            {
                json.WriteString(evt.EventName, EventSchemaId(receiver, evt));
            }

            json.WriteEndObject();
            json.WriteStartObject("schemas");
            foreach (var evt in spec.Events.Where(e => !e.Payload.IsNamed || e.Payload.IsNullable))
            {
                // A payload that is not a named type (an array, a string) gets a schema of its own, named after its handler.
                json.WritePropertyName(EventSchemaId(receiver, evt));
                WriteType(json, receiver, evt.Payload, evt.Description ?? evt.Summary);
            }

            foreach (var type in spec.Types)
            {
                json.WritePropertyName(Id(receiver, type.Name));
                WriteNamedType(json, receiver, type);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        // Line ends as the rest of the generated code writes them, whatever the platform's.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n");
    }

    private static string EventSchemaId(string receiver, EventModel evt) =>
        evt.Payload.IsNamed && !evt.Payload.IsNullable ? Id(receiver, evt.Payload.Name!) : receiver + "." + evt.Handler + "Payload";

    private static string Id(string receiver, string typeName) => receiver + "." + typeName;

    private static void WriteNamedType(Utf8JsonWriter json, string receiver, TypeModel type)
    {
        json.WriteStartObject();
        WriteDescription(json, type.Description);
        switch (type)
        {
            case EnumTypeModel enumType:
                json.WriteString("type", enumType.IsInteger ? "integer" : "string");
                json.WriteStartArray("enum");
                foreach (var member in enumType.Members)
                {
                    if (enumType.IsInteger && long.TryParse(member.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
                    {
                        json.WriteNumberValue(number);
                    }
                    else
                    {
                        json.WriteStringValue(member.Value);
                    }
                }

                json.WriteEndArray();
                break;
            case ObjectTypeModel { Role: RecordRole.Union, Union: { } union }:
                json.WriteStartArray("oneOf");
                foreach (var unionCase in union.Cases)
                {
                    WriteReference(json, receiver, unionCase.TypeName);
                }

                if (union.UnknownTypeName is { } unknown)
                {
                    WriteReference(json, receiver, unknown);
                }

                json.WriteEndArray();
                break;
            case ObjectTypeModel { Role: RecordRole.Wrapper } wrapper when wrapper.AllProperties.FirstOrDefault(p => p.Source == PropertySource.WrappedValue) is { } value:
                WriteTypeMembers(json, receiver, value.Type);
                break;
            case ObjectTypeModel { Role: RecordRole.Unknown }:
                // Whatever the union's known members are not: any JSON value.
                break;
            case ObjectTypeModel record:
                WriteRecord(json, receiver, record);
                break;
        }

        json.WriteEndObject();
    }

    /// <summary>A record: its members; a derived record (<c>allOf</c> in the spec) as its base's schema and its own members.</summary>
    private static void WriteRecord(Utf8JsonWriter json, string receiver, ObjectTypeModel record)
    {
        if (record.BaseTypeName is { } baseType)
        {
            json.WriteStartArray("allOf");
            WriteReference(json, receiver, baseType);
            json.WriteStartObject();
            WriteMembers(json, receiver, record.DeclaredProperties);
            json.WriteEndObject();
            json.WriteEndArray();
            return;
        }

        WriteMembers(json, receiver, record.AllProperties);
    }

    private static void WriteMembers(Utf8JsonWriter json, string receiver, EquatableArray<PropertyModel> members)
    {
        var properties = members.Where(p => p.Source is PropertySource.Wire or PropertySource.Discriminator).ToList();
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var property in properties)
        {
            json.WritePropertyName(property.WireName);
            var type = property.IsNullable && !property.Type.IsNullable ? property.Type with { IsNullable = true } : property.Type;
            WriteType(json, receiver, type, property.Description);
        }

        json.WriteEndObject();
        var required = properties.Where(p => p.IsRequired).ToList();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            foreach (var property in required)
            {
                json.WriteStringValue(property.WireName);
            }

            json.WriteEndArray();
        }
    }

    /// <summary>A schema object for <paramref name="type"/>: a reference, or the schema itself; <c>null</c> allowed when nullable.</summary>
    private static void WriteType(Utf8JsonWriter json, string receiver, TypeRef type, string? description)
    {
        json.WriteStartObject();
        WriteDescription(json, description);
        if (type.IsNullable && type.IsNamed)
        {
            json.WriteStartArray("anyOf");
            WriteType(json, receiver, type with { IsNullable = false }, description: null);
            json.WriteStartObject();
            json.WriteString("type", "null");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        else
        {
            WriteTypeMembers(json, receiver, type);
        }

        json.WriteEndObject();
    }

    /// <summary>The members of <paramref name="type"/>'s schema, written into the object already open.</summary>
    private static void WriteTypeMembers(Utf8JsonWriter json, string receiver, TypeRef type)
    {
        if (type.IsNamed)
        {
            json.WriteString("$ref", Reference(receiver, type.Name!));
            return;
        }

        var (name, format) = type.Kind switch
        {
            ValueKind.String => ("string", null),
            ValueKind.Guid => ("string", "uuid"),
            ValueKind.DateTimeOffset => ("string", "date-time"),
            ValueKind.Date => ("string", "date"),
            ValueKind.Uri => ("string", "uri"),
            ValueKind.Bytes => ("string", "byte"),
            ValueKind.Boolean => ("boolean", null),
            ValueKind.Int32 => ("integer", "int32"),
            ValueKind.Int64 => ("integer", "int64"),
            ValueKind.UInt16 => ("integer", "uint16"),
            ValueKind.UInt32 => ("integer", "uint32"),
            ValueKind.UInt64 => ("integer", "uint64"),
            ValueKind.Single => ("number", "float"),
            ValueKind.Double => ("number", "double"),
            ValueKind.Decimal => ("number", "decimal"),
            ValueKind.Array => ("array", null),
            ValueKind.Map => ("object", null),
            _ => ((string?)null, (string?)null),
        };

        if (name is null)
        {
            // Any JSON value, null included.
            return;
        }

        if (type.IsNullable)
        {
            json.WriteStartArray("type");
            json.WriteStringValue(name);
            json.WriteStringValue("null");
            json.WriteEndArray();
        }
        else
        {
            json.WriteString("type", name);
        }

        if (format is not null)
        {
            json.WriteString("format", format);
        }

        if (type.Kind is ValueKind.Array or ValueKind.Map && type.Item is { } item)
        {
            json.WritePropertyName(type.Kind == ValueKind.Array ? "items" : "additionalProperties");
            WriteType(json, receiver, item, description: null);
        }
    }

    private static void WriteReference(Utf8JsonWriter json, string receiver, string typeName)
    {
        json.WriteStartObject();
        json.WriteString("$ref", Reference(receiver, typeName));
        json.WriteEndObject();
    }

    private static string Reference(string receiver, string typeName) => "#/components/schemas/" + Id(receiver, typeName);

    private static void WriteDescription(Utf8JsonWriter json, string? description)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            json.WriteString("description", description!.Trim());
        }
    }
}
