using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.CodeFixes;

/// <summary>
/// STK0001: adds <c>partial</c> to the model class, or to the containing type, the diagnostic is
/// on. The generator reports STK0001 once per declaration that lacks it, so each fix makes one
/// declaration partial and Fix All makes the whole nesting partial.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeModelPartialCodeFixProvider)), Shared]
public sealed class MakeModelPartialCodeFixProvider : MakePartialCodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every STK0001 so Fix All applies them together.</summary>
    public const string EquivalenceKey = "StaticKeras.STK0001.MakePartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ModelNotPartial);

    /// <inheritdoc/>
    protected override string FixKey => EquivalenceKey;

    /// <inheritdoc/>
    protected override IReadOnlyList<MemberDeclarationSyntax>? Declarations(SyntaxToken identifier, SemanticModel? model, CancellationToken cancellationToken) =>
        // Reported at the identifier of the declaration that lacks `partial`.
        identifier.Parent is TypeDeclarationSyntax declaration && declaration.Identifier == identifier ? [declaration] : null;
}
