using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StaticKeras.Generator.Common;

/// <summary>
/// Where something is in the user's source, kept as plain values (file path, span, line span) so
/// pipeline models need no <see cref="SyntaxNode"/> or <see cref="SyntaxTree"/>.
/// </summary>
/// <param name="FilePath">The syntax tree's file path.</param>
/// <param name="Span">The character span in the file.</param>
/// <param name="LineSpan">The same span as lines and columns.</param>
internal sealed record SourceLocation(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The location of a syntax node.</summary>
    public static SourceLocation From(SyntaxNode node) => From(node.GetLocation());

    /// <summary>The location of a token, such as a type's identifier.</summary>
    public static SourceLocation From(SyntaxToken token) => From(token.GetLocation());

    /// <summary>The location Roslyn reports for a source location.</summary>
    public static SourceLocation From(Location location) =>
        new(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>A Roslyn location for reporting a diagnostic.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
