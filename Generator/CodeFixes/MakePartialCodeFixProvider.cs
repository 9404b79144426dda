using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.CodeFixes;

/// <summary>
/// What the "make it partial" fixes share: each diagnostic is reported at a declaration's identifier;
/// the fix says which declarations to make partial there (or none), and Fix All applies the fixes of
/// one diagnostic id together.
/// </summary>
public abstract class MakePartialCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The equivalence key of the fix, the same for every diagnostic it fixes.</summary>
    protected abstract string FixKey { get; }

    /// <summary>Whether <see cref="Declarations"/> needs the document's semantic model.</summary>
    protected virtual bool NeedsSemanticModel => false;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = NeedsSemanticModel ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) : null;
        if (root is null || (NeedsSemanticModel && model is null))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var identifier = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (identifier.Span == diagnostic.Location.SourceSpan && Declarations(identifier, model, context.CancellationToken) is { } declarations)
            {
                MakePartialAction.Register(context, diagnostic, root, declarations, FixKey);
            }
        }
    }

    /// <summary>
    /// The declarations to make partial for a diagnostic reported at <paramref name="identifier"/>, or
    /// <see langword="null"/> when this fix does not apply there.
    /// </summary>
    /// <param name="identifier">The token the diagnostic's span covers exactly.</param>
    /// <param name="model">The document's semantic model where <see cref="NeedsSemanticModel"/>; otherwise <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    protected abstract IReadOnlyList<MemberDeclarationSyntax>? Declarations(SyntaxToken identifier, SemanticModel? model, CancellationToken cancellationToken);
}
