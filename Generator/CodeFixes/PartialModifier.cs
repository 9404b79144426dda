using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.CodeFixes;

/// <summary>Adds the <c>partial</c> modifier to a declaration, as a person would type it.</summary>
internal static class PartialModifier
{
    /// <summary>Whether <paramref name="member"/> is declared <c>partial</c>.</summary>
    public static bool IsPartial(MemberDeclarationSyntax member) => member.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>
    /// <paramref name="member"/> with <c>partial</c> as its last modifier, where C# requires it and the
    /// IDE's modifier order puts it: <c>public sealed class</c> becomes <c>public sealed partial class</c>,
    /// <c>class</c> becomes <c>partial class</c> and <c>Parameter W</c> becomes <c>partial Parameter W</c>.
    /// The token that followed the modifiers gives its leading trivia (indentation, comments) to
    /// <c>partial</c>, so the line keeps its layout.
    /// </summary>
    public static TMember Add<TMember>(TMember member)
        where TMember : MemberDeclarationSyntax
    {
        if (IsPartial(member))
        {
            return member;
        }

        var next = FirstTokenAfterModifiers(member);
        var partial = SyntaxFactory.Token(next.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var moved = member.ReplaceToken(next, next.WithLeadingTrivia(SyntaxFactory.TriviaList()));
        return (TMember)moved.WithModifiers(moved.Modifiers.Add(partial));
    }

    // `class` in a type declaration, the type's first token in a property: what `partial` goes before.
    private static SyntaxToken FirstTokenAfterModifiers(MemberDeclarationSyntax member) =>
        member.Modifiers.Count > 0 ? member.Modifiers.Last().GetNextToken()
        : member.AttributeLists.Count > 0 ? member.AttributeLists.Last().GetLastToken().GetNextToken()
        : member.GetFirstToken();
}
