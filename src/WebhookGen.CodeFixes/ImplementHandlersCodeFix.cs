using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace WebhookGen.CodeFixes;

/// <summary>
/// "Implement webhook handlers", the fix of WHG026: writes, in the receiver class the user declared, every handler the
/// generator declared and the class does not implement yet, with its exact signature and a body that throws
/// <see cref="NotImplementedException"/> until the user writes it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImplementHandlersCodeFix))]
[Shared]
public sealed class ImplementHandlersCodeFix : CodeFixProvider
{
    /// <summary>WHG026, "Webhook handlers are still to write" (WebhookGen.Generator's DiagnosticDescriptors.HandlersToWrite).</summary>
    public const string DiagnosticId = "WHG026";

    /// <summary>The diagnostic's property with the handlers' signatures (WebhookGen.Generator's HandlersToWriteAnalyzer).</summary>
    public const string SignaturesProperty = "WebhookGen.Handlers";

    public const string Title = "Implement webhook handlers";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var declaration = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        foreach (var diagnostic in context.Diagnostics)
        {
            if (declaration is not null && diagnostic.Properties.TryGetValue(SignaturesProperty, out var signatures) && !string.IsNullOrEmpty(signatures))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => ImplementAsync(context.Document, declaration, signatures!, cancellationToken), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    /// <summary>Adds one handler per line of <paramref name="signatures"/> to the class, then simplifies names and formats.</summary>
    private static async Task<Document> ImplementAsync(Document document, ClassDeclarationSyntax declaration, string signatures, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = root!.ToFullString();
        var newLine = SyntaxFactory.EndOfLine(text.Contains("\r\n") ? "\r\n" : "\n");
        var handlers = signatures.Split('\n').Select(signature => Implementation(signature, newLine)).ToList();
        var updated = root.ReplaceNode(declaration, WithMembers(declaration, handlers));
        var changed = document.WithSyntaxRoot(updated);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The class with the handlers added after its members; a declaration ending in <c>;</c> gets a body.</summary>
    private static ClassDeclarationSyntax WithMembers(ClassDeclarationSyntax declaration, IEnumerable<MemberDeclarationSyntax> handlers)
    {
        if (declaration.SemicolonToken.IsKind(SyntaxKind.SemicolonToken))
        {
            declaration = declaration
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(declaration.SemicolonToken.TrailingTrivia));
        }

        return declaration.AddMembers(handlers.ToArray());
    }

    /// <summary>
    /// The handler declared by <paramref name="signature"/> (WHG026's property) with a body that throws until the user
    /// writes it, after a blank line, marked for the simplifier, so the file's usings decide how qualified names read.
    /// </summary>
    private static MemberDeclarationSyntax Implementation(string signature, SyntaxTrivia newLine) =>
        SyntaxFactory.ParseMemberDeclaration(signature + " => throw new global::System.NotImplementedException();")!
            .WithLeadingTrivia(newLine)
            .WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
}
