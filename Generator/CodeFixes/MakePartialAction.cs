using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.CodeFixes;

/// <summary>The one edit every StaticKeras code fix makes: add <c>partial</c> to some declarations.</summary>
internal static class MakePartialAction
{
    /// <summary>
    /// Registers "Make 'A' partial" (or "Make 'A' and 'B' partial") for <paramref name="diagnostic"/>,
    /// adding <c>partial</c> to each of <paramref name="declarations"/> that lacks it.
    /// </summary>
    public static void Register(
        CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, IReadOnlyList<MemberDeclarationSyntax> declarations, string equivalenceKey)
    {
        var missing = declarations.Where(d => !PartialModifier.IsPartial(d)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var document = context.Document;
        var action = CodeAction.Create(
            "Make " + Names(missing) + " partial",
            _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNodes(missing, (_, rewritten) => PartialModifier.Add(rewritten)))),
            equivalenceKey);
        context.RegisterCodeFix(action, diagnostic);
    }

    // 'Plain'; 'Plain' and 'Layers'; 'Plain', 'Inner' and 'Outer'.
    private static string Names(IReadOnlyList<MemberDeclarationSyntax> declarations)
    {
        var names = declarations.Select(d => "'" + Name(d) + "'").ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }

    private static string Name(MemberDeclarationSyntax declaration) => declaration switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        _ => declaration.ToString(),
    };
}
