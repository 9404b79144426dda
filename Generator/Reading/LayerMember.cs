using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.Generator.Reading;

/// <summary>A field or property of a layer type, as found in the model's declaration (reading only).</summary>
/// <param name="Identifier">The member's name token.</param>
/// <param name="Type">The member's declared type.</param>
/// <param name="TypeSyntax">Where the declared type is written.</param>
/// <param name="Initializer">The initializer's expression, if any.</param>
/// <param name="IsStatic">Whether the member is static.</param>
internal sealed record LayerMember(SyntaxToken Identifier, ITypeSymbol Type, TypeSyntax TypeSyntax, ExpressionSyntax? Initializer, bool IsStatic)
{
    /// <summary>The member's name.</summary>
    public string Name => Identifier.ValueText;
}
