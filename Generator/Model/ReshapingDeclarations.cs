using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>Reshape(targetShape)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Target">The target sizes, at most one -1.</param>
internal sealed record ReshapeDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, EquatableArray<int> Target)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Reshape";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => ReshapeRule.Apply(input, [.. Target]);
}

/// <summary><c>Permute(dims)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Dims">A permutation of 1..rank.</param>
internal sealed record PermuteDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, EquatableArray<int> Dims)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Permute";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => PermuteRule.Apply(input, [.. Dims]);
}

/// <summary><c>ZeroPadding2D</c>, as (top, bottom, left, right).</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Top">Rows added above.</param>
/// <param name="Bottom">Rows added below.</param>
/// <param name="Left">Columns added left.</param>
/// <param name="Right">Columns added right.</param>
internal sealed record ZeroPadding2DDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int Top, int Bottom, int Left, int Right)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "ZeroPadding2D";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => ZeroPadding2DRule.Apply(input, Top, Bottom, Left, Right);
}

/// <summary><c>UpSampling2D(size, interpolation)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Height">Height factor.</param>
/// <param name="Width">Width factor.</param>
internal sealed record UpSampling2DDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, int Height, int Width)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "UpSampling2D";

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => UpSampling2DRule.Apply(input, Height, Width);
}
