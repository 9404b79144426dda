using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// How a graph-method diagnostic names a statement the reader does not support, and where it
/// points: at the keyword of a loop or conditional (not its whole body), at a simple statement itself.
/// </summary>
internal static class StatementDescriptions
{
    /// <summary>E.g. <c>An 'if' statement</c> at the <c>if</c> keyword; <c>'Log(x);'</c> at the statement.</summary>
    public static (string Description, SourceLocation Location) Describe(StatementSyntax statement, bool isLast) => statement switch
    {
        IfStatementSyntax s => ("An 'if' statement", SourceLocation.From(s.IfKeyword)),
        ForStatementSyntax s => ("A 'for' loop", SourceLocation.From(s.ForKeyword)),
        CommonForEachStatementSyntax s => ("A 'foreach' loop", SourceLocation.From(s.ForEachKeyword)),
        WhileStatementSyntax s => ("A 'while' loop", SourceLocation.From(s.WhileKeyword)),
        DoStatementSyntax s => ("A 'do' loop", SourceLocation.From(s.DoKeyword)),
        SwitchStatementSyntax s => ("A 'switch' statement", SourceLocation.From(s.SwitchKeyword)),
        TryStatementSyntax s => ("A 'try' statement", SourceLocation.From(s.TryKeyword)),
        UsingStatementSyntax s => ("A 'using' statement", SourceLocation.From(s.UsingKeyword)),
        BlockSyntax s => ("A nested block", SourceLocation.From(s.OpenBraceToken)),
        ReturnStatementSyntax s when !isLast => ("A 'return' before the last statement", SourceLocation.From(s.ReturnKeyword)),
        LocalFunctionStatementSyntax s => ("A local function", SourceLocation.From(s.Identifier)),
        LocalDeclarationStatementSyntax { Declaration.Variables.Count: > 0 } s when s.Declaration.Variables[0].Initializer is null
            => ("A local without an initializer", SourceLocation.From(s)),
        _ => ("'" + statement + "'", SourceLocation.From(statement)),
    };
}
