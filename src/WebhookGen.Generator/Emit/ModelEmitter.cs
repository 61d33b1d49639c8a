using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>Emits the types of a spec's schemas: immutable records, and open string enums.</summary>
internal static class ModelEmitter
{
    public static string Emit(TypeModel type, string? ns, bool isPublic)
    {
        var writer = CSharp.StartFile(ns);

        var accessibility = isPublic ? "public" : "internal";
        switch (type)
        {
            case ObjectTypeModel record:
                EmitRecord(writer, record, ns, accessibility);
                break;
            case EnumTypeModel enumType:
                EmitEnum(writer, enumType, accessibility);
                break;
        }

        return CSharp.EndFile(writer, ns);
    }

    private static void EmitRecord(SourceWriter writer, ObjectTypeModel record, string? ns, string accessibility)
    {
        CSharp.WriteSummary(writer, record.Description);
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        var modifiers = record.IsBaseType ? "partial record" : "sealed partial record";
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
            writer.WriteLine($"[{KnownTypes.JsonPropertyName}({CSharp.Literal(property.WireName)})]");
            var required = property.IsRequired ? "required " : string.Empty;
            writer.WriteLine($"public {required}{CSharp.TypeName(property.Type, ns, property.IsNullable)} {property.Name} {{ get; init; }}");
        }

        writer.CloseBlock();
    }

    private static void EmitEnum(SourceWriter writer, EnumTypeModel type, string accessibility)
    {
        var name = type.Name;
        CSharp.WriteSummary(writer, type.Description ?? $"The values of {name}.");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// An open enum: a value the spec does not list is kept as it came (<see cref=\"IsDefined\"/> is then false),");
        writer.WriteLine("/// so a provider adding a value never makes a delivery fail. Compare with the static members, or switch on");
        writer.WriteLine($"/// <see cref=\"Value\"/> with the constants of <see cref=\"{name}.Values\"/>.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"{accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.WriteLine("private readonly string? _value;");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Wraps a value as sent; any string is accepted.</summary>");
        writer.WriteLine($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in type.Members)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The value <c>{CSharp.EscapeXml(member.Value)}</c>.</summary>");
            writer.WriteLine($"public static {name} {member.Name} {{ get; }} = new({CSharp.Literal(member.Value)});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The value as sent.</summary>");
        writer.WriteLine("public string Value => _value ?? string.Empty;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whether the spec lists this value.</summary>");
        var cases = string.Join(" or ", type.Members.Select(m => CSharp.Literal(m.Value)));
        writer.WriteLine($"public bool IsDefined => Value is {cases};");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The value as sent.</summary>");
        writer.WriteLine("public override string ToString() => Value;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whether two values are the same string.</summary>");
        writer.WriteLine($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whether two values differ.</summary>");
        writer.WriteLine($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The values the spec lists, as constants for <c>switch</c>.</summary>");
        writer.OpenBlock("public static class Values");
        var firstConstant = true;
        foreach (var member in type.Members)
        {
            if (!firstConstant)
            {
                writer.WriteLine();
            }

            firstConstant = false;
            writer.WriteLine($"/// <summary><c>{CSharp.EscapeXml(member.Value)}</c></summary>");
            writer.WriteLine($"public const string {member.Name} = {CSharp.Literal(member.Value)};");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }
}
