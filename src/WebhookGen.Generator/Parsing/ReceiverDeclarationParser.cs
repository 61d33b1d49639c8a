using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Parsing;

/// <summary>Turns a class marked <c>[WebhookReceiver]</c> into strings, right away, so no symbol enters the pipeline.</summary>
internal static class ReceiverDeclarationParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node is ClassDeclarationSyntax;

    public static ReceiverDeclaration? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not ClassDeclarationSyntax syntax)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        // [WebhookReceiver] is not AllowMultiple, but the compiler's CS0579 does not stop the generator: with several
        // (on one declaration or on several parts of a partial class) the class is reported once, from the part that
        // holds the first of them, and gets no code.
        var all = type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == WebhookReceiverGenerator.AttributeName && a.ApplicationSyntaxReference is not null)
            .OrderBy(a => a.ApplicationSyntaxReference!.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(a => a.ApplicationSyntaxReference!.Span.Start)
            .ToList();
        if (all.Count > 1)
        {
            var first = all[0].ApplicationSyntaxReference!;
            if (first.SyntaxTree != syntax.SyntaxTree || !syntax.Span.Contains(first.Span))
            {
                return null;
            }
        }

        var attribute = all.Count > 1 ? all[0] : context.Attributes[0];
        var specArgument = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string value
            ? value
            : string.Empty;
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? syntax.Identifier.GetLocation());
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;

        DiagnosticInfo? error = null;
        if (all.Count > 1)
        {
            var specs = string.Join(", ", all.Select(a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string spec ? "\"" + spec + "\"" : "?"));
            error = DiagnosticInfo.Create(DiagnosticDescriptors.ReceiverAttributeRepeated, LocationInfo.From(syntax.Identifier.GetLocation()), type.Name, all.Count.ToString(CultureInfo.InvariantCulture), specs);
        }

        var isPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword);
        if (error is null && (!isPartial || type.IsGenericType || type.ContainingType is not null || type.IsStatic))
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.ReceiverNotPartial, LocationInfo.From(syntax.Identifier.GetLocation()), type.Name);
        }

        return new ReceiverDeclaration(
            ns,
            type.Name,
            IsPublic: type.DeclaredAccessibility == Accessibility.Public,
            specArgument,
            location,
            error)
        {
            EventPatterns = EventPatterns(attribute),
            IsAbstract = type.IsAbstract,
        };
    }

    /// <summary>The strings of the attribute's <c>Events</c> array, or null when it has none (null entries are dropped).</summary>
    private static EquatableArray<string>? EventPatterns(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Events" && argument.Value.Kind == TypedConstantKind.Array)
            {
                return argument.Value.IsNull
                    ? null
                    : argument.Value.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!.Trim()).ToEquatableArray();
            }
        }

        return null;
    }
}
