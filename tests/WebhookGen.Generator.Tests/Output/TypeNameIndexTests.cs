using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shouldly;
using Xunit;

namespace WebhookGen.Generator.Tests.Output;

/// <summary>The <c>global::</c> test binds only the names <see cref="TypeNameIndex"/> cannot settle: each way a name could name something else is bound.</summary>
public sealed class TypeNameIndexTests
{
    private const string Generated = """
        namespace App.Hooks;

        using Serializer = global::System.Text.Json.JsonSerializer;
        using Loose = System.Text.Json.JsonSerializer;

        public sealed class Order { }
        public sealed class Hidden { }

        internal static class Reader
        {
            public static object Read(Order order, Guid id, Other other, Hidden hidden, Shared shared, Nested nested, Tool tool)
            {
                object local = order;
                return Serializer.Serialize(local) + Loose.Serialize(local) + Renamed.Serialize(local);
            }
        }
        """;

    private const string Elsewhere = """
        global using Renamed = global::System.Text.Json.JsonSerializer;

        namespace App.Other
        {
            public sealed class Other { }
        }

        namespace App.Hooks
        {
            public sealed partial class Shared { }
        }

        namespace App
        {
            public sealed class Tool { }
            public sealed class Container { public sealed class Nested { } }
        }
        """;

    [Theory]
    [InlineData("Order", false)] // a type of its own namespace, declared only in generated code
    [InlineData("local", false)] // no type, namespace or alias has the name
    [InlineData("Serializer", false)] // the file's alias of a global:: name
    [InlineData("Guid", true)] // a framework type
    [InlineData("Other", true)] // a type of another namespace
    [InlineData("Shared", true)] // a type that user code declares a part of
    [InlineData("Nested", true)] // a nested type somewhere
    [InlineData("Tool", true)] // a type of an enclosing namespace, declared outside generated code
    [InlineData("Loose", true)] // an alias of a name without global::
    [InlineData("Renamed", true)] // a global using alias, which every file sees
    public void A_name_is_bound_unless_its_declarations_settle_it(string text, bool bound)
    {
        var generated = CSharpSyntaxTree.ParseText(Generated, path: "Generated.g.cs");
        var compilation = CSharpCompilation.Create(
            "Probe",
            [generated, CSharpSyntaxTree.ParseText(Elsewhere, path: "Elsewhere.cs")],
            Net8References.Load(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var index = new TypeNameIndex(compilation, new HashSet<SyntaxTree> { generated });

        var names = generated.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == text).ToList();
        names.ShouldNotBeEmpty();
        names.ShouldAllBe(n => index.NeedsBinding(n) == bound);
    }
}
