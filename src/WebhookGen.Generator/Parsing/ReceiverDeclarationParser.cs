using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookGen.Generator.Diagnostics;
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
        var attribute = context.Attributes[0];
        var specArgument = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string value
            ? value
            : string.Empty;
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? syntax.Identifier.GetLocation());
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;

        DiagnosticInfo? error = null;
        var isPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword);
        if (!isPartial || type.IsGenericType || type.ContainingType is not null || type.IsStatic)
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.ReceiverNotPartial, LocationInfo.From(syntax.Identifier.GetLocation()), type.Name);
        }

        return new ReceiverDeclaration(
            ns,
            type.Name,
            IsPublic: type.DeclaredAccessibility == Accessibility.Public,
            specArgument,
            location,
            error);
    }
}
