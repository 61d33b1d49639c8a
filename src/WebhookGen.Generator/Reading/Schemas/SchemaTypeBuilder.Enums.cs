using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Open enums. A string <c>enum</c>, or a string <c>const</c> (an enum of one value), becomes an open string enum; an
/// integer <c>enum</c> an open enum over <see cref="long"/>. Neither rejects a value the spec does not list. Members are
/// named from <c>x-enum-varnames</c> or <c>x-enumNames</c> when the spec gives them, else from the values.
/// </summary>
internal sealed partial class SchemaTypeBuilder
{
    private static readonly string[] VarNameExtensions = ["x-enum-varnames", "x-enumNames", "x-enum-names"];

    private EnumTypeModel BuildStringEnum(IOpenApiSchema schema, string name, string pointer)
    {
        // The values line up with x-enum-varnames, nulls included; a const or a oneOf of enums has no var-names.
        List<string?> values = schema.Enum is { Count: > 0 } list
            ? list.Select(v => SchemaFacts.IsNull(v) || v!.GetValueKind() != JsonValueKind.String ? null : v.GetValue<string>()).ToList()
            : SchemaFacts.StringEnumValues(schema).Select(v => (string?)v).ToList();
        return new EnumTypeModel(name, schema.Description, pointer, Members(schema, name, pointer, values), IsInteger: false);
    }

    private EnumTypeModel BuildIntegerEnum(IOpenApiSchema schema, string name, string pointer)
    {
        var values = schema.Enum!
            .Select(v => SchemaFacts.IsNull(v) || v!.GetValueKind() != JsonValueKind.Number
                ? null
                : long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null)
            .ToList();
        return new EnumTypeModel(name, schema.Description, pointer, Members(schema, name, pointer, values), IsInteger: true);
    }

    /// <summary>One member per distinct value (nulls skipped), named from the spec's var-names where it has them.</summary>
    private EquatableArray<EnumMemberModel> Members(IOpenApiSchema schema, string typeName, string pointer, List<string?> values)
    {
        var (varNames, varNamesKey) = VarNames(schema, values.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberModel>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value || !seen.Add(value))
            {
                continue;
            }

            var fromVarName = varNames?[i] is { Length: > 0 };
            var source = fromVarName ? varNames![i]! : value;
            var preferred = Identifiers.ToPascalCase(source);
            var memberName = Identifiers.MakeUnique(Identifiers.Unreserved(preferred, typeName, Identifiers.EnumMembers), used);
            var valuePointer = fromVarName ? SpecPointer.Append(pointer, varNamesKey!, Index(i))
                : schema.Enum is { Count: > 0 } ? SpecPointer.Append(pointer, "enum", Index(i))
                : pointer;
            context.ReportRenamed("Enum value", valuePointer, source, preferred, memberName, atKey: false);
            members.Add(new EnumMemberModel(memberName, value));
        }

        return members.ToEquatableArray();
    }

    /// <summary>The spec's names for the values, and the extension that gives them; null when it gives none that line up.</summary>
    private static (List<string?>? Names, string? Key) VarNames(IOpenApiSchema schema, int count)
    {
        if (schema is not IOpenApiReadOnlyExtensible { Extensions: { } extensions })
        {
            return (null, null);
        }

        foreach (var key in VarNameExtensions)
        {
            if (extensions.TryGetValue(key, out var extension) && extension is JsonNodeExtension { Node: JsonArray array } && array.Count == count)
            {
                return (array.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).ToList(), key);
            }
        }

        return (null, null);
    }
}
