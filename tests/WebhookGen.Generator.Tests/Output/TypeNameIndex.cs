using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WebhookGen.Generator.Tests.Output;

/// <summary>
/// Which simple names of the generated code need the semantic model to tell what they name. A name can only bind to a
/// namespace, an alias or a type that carries its text, and C# looks in a fixed order (nested types, then each enclosing
/// namespace's types from the inside out, with a scope's aliases before the namespaces it imports), so the declarations
/// alone settle most names: one that is no namespace, alias or type anywhere names none; one that an enclosing scope of
/// its file declares as an alias of a <c>global::</c> name names that alias, unless an enclosing namespace has a type of
/// that name; one that its innermost namespace declares only in generated code names that generated type. Everything
/// else is bound, as before: binding every generated method body a second time was most of the <c>global::</c> test.
/// </summary>
internal sealed class TypeNameIndex
{
    /// <summary>Names of namespaces, of nested types, and of aliases every file sees (<c>global using</c>, <c>extern alias</c>).</summary>
    private readonly HashSet<string> _alwaysBound = new(StringComparer.Ordinal);

    /// <summary>Top-level types by name: their namespace, and whether only generated code declares them.</summary>
    private readonly Dictionary<string, List<(string Namespace, bool OnlyGenerated)>> _types = new(StringComparer.Ordinal);

    /// <summary>Per file, its aliases by name: where each is declared (the file, or a namespace), and whether it names a <c>global::</c> name.</summary>
    private readonly Dictionary<SyntaxTree, Dictionary<string, List<(SyntaxNode Scope, bool ToGlobal)>>> _fileAliases = [];

    public TypeNameIndex(Compilation compilation, IReadOnlySet<SyntaxTree> generated)
    {
        AddMembers(compilation.GlobalNamespace, generated);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var aliases = new Dictionary<string, List<(SyntaxNode, bool)>>(StringComparer.Ordinal);
            _fileAliases[tree] = aliases;
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias: { } alias } directive && !directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                {
                    var name = alias.Name.Identifier.ValueText;
                    var toGlobal = directive.NamespaceOrType.ToString().StartsWith("global::", StringComparison.Ordinal);
                    (aliases.TryGetValue(name, out var scopes) ? scopes : aliases[name] = []).Add((directive.Parent!, toGlobal));
                }
                else if (node is UsingDirectiveSyntax { Alias: { } everywhere })
                {
                    _alwaysBound.Add(everywhere.Name.Identifier.ValueText);
                }
                else if (node is ExternAliasDirectiveSyntax external)
                {
                    _alwaysBound.Add(external.Identifier.ValueText);
                }
            }
        }
    }

    /// <summary>Whether what <paramref name="name"/> names cannot be told without binding it.</summary>
    public bool NeedsBinding(SimpleNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        if (_alwaysBound.Contains(text))
        {
            return true;
        }

        var enclosing = EnclosingNamespaces(name);
        var types = _types.GetValueOrDefault(text) ?? [];
        if (_fileAliases[name.SyntaxTree].TryGetValue(text, out var aliases)
            && aliases.Where(a => a.Scope.Span.Contains(name.Span)).ToList() is { Count: > 0 } inScope)
        {
            // The alias, unless it names something else than a global:: name or a type of an enclosing namespace comes first.
            return inScope.Any(a => !a.ToGlobal) || types.Any(t => enclosing.Contains(t.Namespace));
        }

        if (types.Count == 0)
        {
            return false;
        }

        var inEnclosing = types.Where(t => enclosing.Contains(t.Namespace)).ToList();
        return !(inEnclosing.Count > 0 && inEnclosing.All(t => t.OnlyGenerated) && inEnclosing.Any(t => t.Namespace == enclosing[0]));
    }

    private void AddMembers(INamespaceSymbol ns, IReadOnlySet<SyntaxTree> generated)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                _alwaysBound.Add(inner.Name);
                AddMembers(inner, generated);
                continue;
            }

            var type = (INamedTypeSymbol)member;
            var onlyGenerated = type.Locations.Length > 0 && type.Locations.All(l => l.SourceTree is { } tree && generated.Contains(tree));
            if (!_types.TryGetValue(type.Name, out var list))
            {
                _types[type.Name] = list = [];
            }

            list.Add((ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(), onlyGenerated));
            AddNested(type);
        }
    }

    private void AddNested(INamedTypeSymbol type)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            _alwaysBound.Add(nested.Name);
            AddNested(nested);
        }
    }

    /// <summary>The namespaces around <paramref name="node"/>, innermost first, down to the global namespace ("").</summary>
    private static List<string> EnclosingNamespaces(SyntaxNode node)
    {
        var parts = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Name.ToString().Split('.')).ToList();
        var result = new List<string>();
        for (var count = parts.Count; count >= 0; count--)
        {
            result.Add(string.Join(".", parts.Take(count)));
        }

        return result;
    }
}
