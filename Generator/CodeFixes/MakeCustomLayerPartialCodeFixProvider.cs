using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.CodeFixes;

/// <summary>
/// STK0052: adds <c>partial</c> to a <c>[Layer]</c> class and to each type containing it, when a
/// missing <c>partial</c> is the only thing wrong. A record, a static or generic class, or a base
/// class other than CustomLayer has no single right edit, so no fix is offered for those.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeCustomLayerPartialCodeFixProvider)), Shared]
public sealed class MakeCustomLayerPartialCodeFixProvider : MakePartialCodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every STK0052 so Fix All applies them together.</summary>
    public const string EquivalenceKey = "StaticKeras.STK0052.MakePartial";

    private const string CustomLayer = "StaticKeras.Layers.CustomLayer";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidCustomLayerClass);

    /// <inheritdoc/>
    protected override string FixKey => EquivalenceKey;

    /// <inheritdoc/>
    protected override bool NeedsSemanticModel => true;

    /// <inheritdoc/>
    protected override IReadOnlyList<MemberDeclarationSyntax>? Declarations(SyntaxToken identifier, SemanticModel? model, CancellationToken cancellationToken) =>
        // Reported at the layer class's identifier.
        identifier.Parent is ClassDeclarationSyntax layer && layer.Identifier == identifier && OnlyPartialIsMissing(layer, model!, cancellationToken)
            ? layer.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToList()
            : null;

    // The generator's other reasons for STK0052 (its ClassProblem), which `partial` would not cure.
    private static bool OnlyPartialIsMissing(ClassDeclarationSyntax layer, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(layer, cancellationToken) is not { IsStatic: false } type
            || layer.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Any(t => t.TypeParameterList is not null))
        {
            return false;
        }

        var baseType = type.BaseType;
        return baseType is null
            || baseType.SpecialType == SpecialType.System_Object
            || SymbolEqualityComparer.Default.Equals(baseType, model.Compilation.GetTypeByMetadataName(CustomLayer));
    }
}
