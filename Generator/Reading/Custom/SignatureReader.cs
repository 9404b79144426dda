using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>A signature as written in an attribute argument: its text, and where each of its characters is.</summary>
/// <param name="Text">The signature.</param>
/// <param name="Argument">The argument's expression, if found in source.</param>
internal sealed record SignatureArgument(string Text, ExpressionSyntax? Argument)
{
    /// <summary>
    /// The location of <paramref name="length"/> characters from <paramref name="start"/> in the
    /// signature: exact inside a plain string literal, the whole argument otherwise (a constant,
    /// escapes). A zero-length culprit at the end points at the closing quote.
    /// </summary>
    public SourceLocation? Locate(int start, int length)
    {
        if (Argument is null)
        {
            return null;
        }

        if (Argument is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && literal.Token.Text == "\"" + Text + "\"")
        {
            var span = new TextSpan(literal.Token.SpanStart + 1 + start, length == 0 ? 1 : length);
            return SourceLocation.From(Location.Create(literal.SyntaxTree, span));
        }

        return SourceLocation.From(Argument);
    }

    /// <summary>The location of <paramref name="culprit"/>.</summary>
    public SourceLocation? Locate(DimExpr culprit) => Locate(culprit.Start, culprit.Length);

    /// <summary>The location of <paramref name="error"/>.</summary>
    public SourceLocation? Locate(SignatureError error) => Locate(error.Start, error.Length);
}
