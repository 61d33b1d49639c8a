using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WebhookGen.Generator.Diagnostics;

namespace WebhookGen.Generator.Analyzers;

/// <summary>
/// WHG026 on the user's receiver class, listing the handlers the generator declared and the class does not implement
/// yet. The compiler's CS8795 says the same once per handler, located in the generated file; this one is located where
/// the user writes, and carries the code fix that writes them all (WebhookGen.CodeFixes): the diagnostic's
/// <see cref="SignaturesProperty"/> holds each handler's signature, so the fix needs no generated code to write them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlersToWriteAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// The diagnostic property that lists the handlers to write, one declaration per line without its body
    /// (<c>public partial global::System.Threading.Tasks.ValueTask&lt;…&gt; OnXAsync(global::… payload, …)</c>).
    /// </summary>
    public const string SignaturesProperty = "WebhookGen.Handlers";

    /// <summary>How many handlers the message names before it says "and N more".</summary>
    private const int NamesShown = 5;

    private static readonly SymbolDisplayFormat TypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HandlersToWrite);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(WebhookReceiverGenerator.AttributeName) is { } attribute)
            {
                start.RegisterSymbolAction(symbol => Analyze(symbol, attribute), SymbolKind.NamedType);
            }
        });
    }

    /// <summary>
    /// The handlers the generator declared on <paramref name="receiver"/> (partial methods of its <c>.Receiver.g.cs</c>)
    /// that the class does not implement, in declaration order.
    /// </summary>
    public static ImmutableArray<IMethodSymbol> HandlersToWrite(INamedTypeSymbol receiver) =>
        receiver.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => m.IsPartialDefinition && m.PartialImplementationPart is null
                && m.DeclaringSyntaxReferences.Any(r => r.SyntaxTree.FilePath.EndsWith(".Receiver.g.cs", System.StringComparison.Ordinal)))
            .ToImmutableArray();

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.IsAbstract || type.TypeKind != TypeKind.Class)
        {
            return;
        }

        var application = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))?.ApplicationSyntaxReference;
        if (application is null)
        {
            return;
        }

        var missing = HandlersToWrite(type);
        if (missing.IsEmpty)
        {
            return;
        }

        // The declaration that carries the attribute: the one the user wrote, whichever other parts exist.
        var declaration = type.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == application.SyntaxTree && r.Span.Contains(application.Span));
        var location = declaration?.GetSyntax(context.CancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax syntax
            ? syntax.Identifier.GetLocation()
            : application.GetSyntax(context.CancellationToken).GetLocation();
        var names = string.Join(", ", missing.Take(NamesShown).Select(m => m.Name))
            + (missing.Length > NamesShown ? $" and {missing.Length - NamesShown} more" : string.Empty);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SignaturesProperty, string.Join("\n", missing.Select(m => Signature(m, type.ContainingNamespace))));
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandlersToWrite, location, properties, type.Name, missing.Length, names));
    }

    /// <summary>
    /// The handler's declaration as the user implements it, without a body: the receiver's own types (the events) by
    /// their simple names, as the class sees them, every other type fully qualified for the fix to simplify.
    /// </summary>
    private static string Signature(IMethodSymbol handler, INamespaceSymbol receiverNamespace)
    {
        var parameters = string.Join(", ", handler.Parameters.Select(p => TypeName(p.Type, receiverNamespace) + " " + p.Name));
        return $"public partial {TypeName(handler.ReturnType, receiverNamespace)} {handler.Name}({parameters})";
    }

    private static string TypeName(ITypeSymbol type, INamespaceSymbol receiverNamespace) =>
        type is INamedTypeSymbol { ContainingType: null, IsGenericType: false } named && SymbolEqualityComparer.Default.Equals(named.ContainingNamespace, receiverNamespace)
            ? named.Name + (type.NullableAnnotation == NullableAnnotation.Annotated && type.IsReferenceType ? "?" : string.Empty)
            : type.ToDisplayString(TypeFormat);
}
