using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
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
public sealed class MakeModelPartialCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every STK0001 so Fix All applies them together.</summary>
    public const string EquivalenceKey = "StaticKeras.STK0001.MakePartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ModelNotPartial);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Reported at the identifier of the declaration that lacks `partial`.
            var span = diagnostic.Location.SourceSpan;
            if (root.FindToken(span.Start).Parent is TypeDeclarationSyntax declaration && declaration.Identifier.Span == span)
            {
                MakePartialAction.Register(context, diagnostic, root, [declaration], EquivalenceKey);
            }
        }
    }
}
