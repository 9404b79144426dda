using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>
/// A merge layer (<c>Add</c>, <c>Subtract</c>, <c>Multiply</c>, <c>Average</c>, <c>Maximum</c>,
/// <c>Minimum</c>, <c>Concatenate(axis)</c>): no weights, several inputs, called in a graph as
/// <c>add.Call(a, b)</c>. Its shape rule lives in Shapes/Merging.
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="MergeType">The layer's type name, as the summary shows it.</param>
/// <param name="Axis">Concatenate's axis (batch counted as 0, negative from the end); -1 for the others.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
internal sealed record MergeDeclaration(string Name, string Identifier, SourceLocation Location, string MergeType, int Axis, EquatableArray<ArgumentSite> Sites)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => MergeType;

    /// <inheritdoc/>
    /// <remarks>
    /// Concatenate along the last axis ORs its inputs' masks as the elementwise merges do; along
    /// another axis StaticKeras drops them (Keras would concatenate them).
    /// </remarks>
    public override MaskRule Mask => MergeType != "Concatenate" || Axis == -1 ? MaskRule.Merges : MaskRule.Drops;

    /// <summary>Where the argument for <paramref name="parameter"/> is written; the initializer when it is defaulted.</summary>
    public SourceLocation LocationOf(string? parameter) =>
        Sites.FirstOrDefault(s => s.Parameter == parameter)?.Location ?? Location;
}
