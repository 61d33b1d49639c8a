using System.Globalization;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>Emits the types of a spec's schemas: immutable records (plain, unions and their members), and open enums.</summary>
internal static class ModelEmitter
{
    /// <summary>The most values an open enum tests with an <c>or</c> pattern in <c>IsDefined</c>; more are looked up in a set.</summary>
    private const int MaxPatternValues = 64;

    /// <summary>The using alias of <c>JsonPropertyNameAttribute</c> in a record's file; no generated type takes the name.</summary>
    internal const string JsonPropertyNameAlias = "JsonPropertyName";

    public static string Emit(TypeModel type, string? ns, bool isPublic)
    {
        var writer = CSharp.StartFile(ns);

        var accessibility = isPublic ? "public" : "internal";
        switch (type)
        {
            case ObjectTypeModel record:
                if (record.DeclaredProperties.Any(HasWireName))
                {
                    // One alias instead of the attribute's full name on every property: a fifth of a record's text.
                    writer.WriteLine($"using {JsonPropertyNameAlias} = {KnownTypes.JsonPropertyName}Attribute;");
                    writer.WriteLine();
                }

                EmitRecord(writer, record, CSharp.OwnNamespace, accessibility);
                break;
            case EnumTypeModel enumType:
                EmitEnum(writer, enumType, accessibility);
                break;
        }

        return writer.ToString();
    }

    private static void EmitRecord(SourceWriter writer, ObjectTypeModel record, string? ns, string accessibility)
    {
        WriteRecordDocs(writer, record, ns);
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        var modifiers = record.IsAbstract ? "abstract partial record" : record.IsBaseType ? "partial record" : "sealed partial record";
        var baseClause = record.BaseTypeName is null ? string.Empty : " : " + CSharp.QualifiedName(ns, record.BaseTypeName);
        writer.OpenBlock($"{accessibility} {modifiers} {record.Name}{baseClause}");
        var first = true;
        foreach (var property in record.DeclaredProperties)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            CSharp.WriteSummary(writer, property.Description);
            if (HasWireName(property))
            {
                writer.WriteLine($"[{JsonPropertyNameAlias}({CSharp.Literal(property.WireName)})]");
            }

            var propertyModifiers = (property.Hides ? "new " : string.Empty) + (property.IsRequired ? "required " : string.Empty);
            writer.WriteLine($"public {propertyModifiers}{CSharp.TypeName(property.Type, ns, property.IsNullable)} {property.Name} {{ get; init; }}");
        }

        writer.CloseBlock();
    }

    private static void WriteRecordDocs(SourceWriter writer, ObjectTypeModel record, string? ns)
    {
        switch (record.Role)
        {
            case RecordRole.Union when record.Union is { } union:
                CSharp.WriteSummary(writer, record.Description ?? $"One of several kinds of {record.Name}.");
                writer.WriteLine("/// <remarks>");
                writer.WriteLine(union.DiscriminatorWireName is { } discriminator
                    ? $"/// Told apart by <c>{CSharp.EscapeXml(discriminator)}</c>:"
                    : "/// Told apart by the kind of JSON value:");
                writer.WriteLine("/// <list type=\"bullet\">");
                foreach (var @case in union.Cases)
                {
                    var selector = union.DiscriminatorWireName is null
                        ? ShapeText(@case.Shape)
                        : string.Join(", ", @case.Values.Select(v => $"<c>{CSharp.EscapeXml(v)}</c>"));
                    writer.WriteLine($"/// <item><see cref=\"{CSharp.QualifiedName(ns, @case.TypeName)}\"/>{(selector.Length == 0 ? string.Empty : ": " + selector)}</item>");
                }

                if (union.UnknownTypeName is { } unknown)
                {
                    writer.WriteLine($"/// <item><see cref=\"{CSharp.QualifiedName(ns, unknown)}\"/>: any other value, kept as it came.</item>");
                }

                writer.WriteLine("/// </list>");
                writer.WriteLine("/// Match on the type: <c>switch (value) { case Member m: ... }</c>.");
                writer.WriteLine("/// </remarks>");
                break;
            case RecordRole.Wrapper:
                var wrapped = record.DeclaredProperties.First(p => p.Source == PropertySource.WrappedValue);
                writer.WriteLine($"/// <summary>A <see cref=\"{CSharp.QualifiedName(ns, record.BaseTypeName!)}\"/> that is {Describe(wrapped.Type, ns)}: see <see cref=\"{wrapped.Name}\"/>.</summary>");
                break;
            case RecordRole.Unknown:
                writer.WriteLine("/// <summary>");
                writer.WriteLine($"/// A <see cref=\"{CSharp.QualifiedName(ns, record.BaseTypeName!)}\"/> of a kind the spec does not list (one added since), kept as it");
                writer.WriteLine("/// came so that a delivery never fails for it.");
                writer.WriteLine("/// </summary>");
                break;
            default:
                CSharp.WriteSummary(writer, record.Description);
                break;
        }
    }

    private static string ShapeText(JsonShape shape) => shape switch
    {
        JsonShape.String => "a string",
        JsonShape.Number => "a number",
        JsonShape.Boolean => "true or false",
        JsonShape.Object => "an object",
        JsonShape.Array => "an array",
        _ => string.Empty,
    };

    private static string Describe(TypeRef type, string? ns) => type.Kind switch
    {
        ValueKind.Object or ValueKind.Enum or ValueKind.IntegerEnum => $"a <see cref=\"{CSharp.QualifiedName(ns, type.Name!)}\"/>",
        ValueKind.Array => "an array",
        ValueKind.Map or ValueKind.Json => "an object",
        ValueKind.Boolean => "a boolean",
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.UInt16 or ValueKind.UInt32 or ValueKind.UInt64 => "an integer",
        ValueKind.Single or ValueKind.Double or ValueKind.Decimal => "a number",
        _ => "a string",
    };

    private static void EmitEnum(SourceWriter writer, EnumTypeModel type, string accessibility)
    {
        var name = type.Name;
        var underlying = type.IsInteger ? "long" : "string";
        CSharp.WriteSummary(writer, type.Description ?? $"The values of {name}.");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// An open enum: a value the spec does not list is kept (<see cref=\"IsDefined\"/> is then false), so a new value");
        writer.WriteLine($"/// never fails a delivery. Compare with the static members, or switch on <see cref=\"Value\"/> with <see cref=\"{name}.Values\"/>.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"{accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>");
        if (type.IsInteger)
        {
            writer.WriteLine("private readonly long _value;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Wraps a value as sent; any integer is accepted.</summary>");
            writer.WriteLine($"public {name}(long value) => _value = value;");
        }
        else
        {
            writer.WriteLine("private readonly string? _value;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Wraps a value as sent; any string is accepted.</summary>");
            writer.WriteLine($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        }

        writer.WriteLine();
        foreach (var member in type.Members)
        {
            writer.WriteLine($"/// <summary><c>{CSharp.EscapeXml(member.Value)}</c></summary>");
            writer.WriteLine($"public static {name} {member.Name} {{ get; }} = new(Values.{member.Name});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The value as sent.</summary>");
        writer.WriteLine(type.IsInteger ? "public long Value => _value;" : "public string Value => _value ?? string.Empty;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whether the spec lists this value.</summary>");
        if (type.Members.Count > MaxPatternValues)
        {
            // The compiler's work on a long 'or' pattern (or a switch) grows much faster than its length: 5000 values took
            // over a minute to compile. A set's initializer compiles in time linear in its length.
            var set = $"global::System.Collections.Generic.HashSet<{underlying}>";
            writer.WriteLine("public bool IsDefined => _defined.Contains(Value);");
            writer.WriteLine();
            writer.WriteLine($"private static readonly {set} _defined = new {set}(new {underlying}[] {{ {string.Join(", ", type.Members.Select(m => Literal(type, m.Value)))} }}{(type.IsInteger ? string.Empty : ", global::System.StringComparer.Ordinal")});");
        }
        else
        {
            var cases = string.Join(" or ", type.Members.Select(m => Literal(type, m.Value)));
            writer.WriteLine(cases.Length == 0 ? "public bool IsDefined => false;" : $"public bool IsDefined => Value is {cases};");
        }

        writer.WriteLine();
        writer.WriteLine(type.IsInteger
            ? $"public bool Equals({name} other) => Value == other.Value;"
            : $"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.WriteLine($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.WriteLine(type.IsInteger
            ? "public override int GetHashCode() => Value.GetHashCode();"
            : "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.WriteLine(type.IsInteger
            ? "public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);"
            : "public override string ToString() => Value;");
        writer.WriteLine($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.WriteLine($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The values the spec lists, as constants for <c>switch</c>.</summary>");
        writer.OpenBlock("public static class Values");
        foreach (var member in type.Members)
        {
            writer.WriteLine($"public const {underlying} {member.Name} = {Literal(type, member.Value)};");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>A member's value as C#: a string literal, or the integer (<c>long.MinValue</c> spelled as a cast, which needs no suffix).</summary>
    private static string Literal(EnumTypeModel type, string value) =>
        !type.IsInteger ? CSharp.Literal(value)
        : value == long.MinValue.ToString(CultureInfo.InvariantCulture) ? "long.MinValue"
        : value;

    private static bool HasWireName(PropertyModel property) => property.Source is PropertySource.Wire or PropertySource.Discriminator;
}
