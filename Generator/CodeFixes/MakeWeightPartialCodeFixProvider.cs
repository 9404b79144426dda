using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.CodeFixes;

/// <summary>
/// STK0054: adds <c>partial</c> to a <c>[Weight]</c> property that is otherwise what the generator
/// implements, an instance get-only <c>Parameter</c> property with no body or initializer
/// (<c>[Weight("d")] Parameter W { get; }</c>). A setter, a body or another type could each be
/// meant several ways, so no fix is offered for those.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeWeightPartialCodeFixProvider)), Shared]
public sealed class MakeWeightPartialCodeFixProvider : MakePartialCodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every STK0054 so Fix All applies them together.</summary>
    public const string EquivalenceKey = "StaticKeras.STK0054.MakePartial";

    private const string Parameter = "TorchSharp.Modules.Parameter";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidWeightProperty);

    /// <inheritdoc/>
    protected override string FixKey => EquivalenceKey;

    /// <inheritdoc/>
    protected override bool NeedsSemanticModel => true;

    /// <inheritdoc/>
    protected override IReadOnlyList<MemberDeclarationSyntax>? Declarations(SyntaxToken identifier, SemanticModel? model, CancellationToken cancellationToken) =>
        // Reported at the property's identifier.
        identifier.Parent is PropertyDeclarationSyntax property && property.Identifier == identifier && OnlyPartialIsMissing(property, model!, cancellationToken)
            ? [property]
            : null;

    // The generator's IsBodilessPartialGetter without its first condition.
    private static bool OnlyPartialIsMissing(PropertyDeclarationSyntax property, SemanticModel model, CancellationToken cancellationToken) =>
        !property.Modifiers.Any(SyntaxKind.StaticKeyword)
        && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(property.Type, cancellationToken).Type, model.Compilation.GetTypeByMetadataName(Parameter))
        && property.ExpressionBody is null
        && property.Initializer is null
        && property.AccessorList is { Accessors.Count: 1 } accessors
        && accessors.Accessors[0] is { Body: null, ExpressionBody: null } accessor
        && accessor.IsKind(SyntaxKind.GetAccessorDeclaration);
}
