using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Embedding(inputDim, outputDim)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="InputDim">The vocabulary size.</param>
/// <param name="OutputDim">The vector size.</param>
internal sealed record EmbeddingDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int InputDim, int OutputDim)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Embedding";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => EmbeddingRule.Apply(input, InputDim, OutputDim);
}
