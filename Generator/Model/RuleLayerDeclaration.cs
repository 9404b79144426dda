using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>
/// A built-in layer whose declaration carries its own shape rule: the convolution, pooling,
/// reshaping, normalization, embedding and recurrent families.
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
internal abstract record RuleLayerDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <summary>Whether the layer behaves differently in training (it gets <c>training</c> like Dropout).</summary>
    public virtual bool UsesTraining => false;

    /// <summary>The layer's shape rule on <paramref name="input"/>.</summary>
    public abstract ShapeResult Apply(Shape input);

    /// <summary>
    /// The layer's shape rule on the tensors one call passes it. A layer of one input (every layer but
    /// the attention layers) is only ever called on one: C# resolves no other <c>Call</c>.
    /// </summary>
    public virtual ShapeResult Apply(System.Collections.Generic.IReadOnlyList<Shape> inputs) =>
        inputs.Count == 1
            ? Apply(inputs[0])
            : throw new System.ArgumentException($"{TypeName} '{Name}' takes one tensor, called on {inputs.Count}", nameof(inputs));

    /// <summary>Where the argument for <paramref name="parameter"/> is written; the initializer when it is defaulted.</summary>
    public SourceLocation LocationOf(string? parameter) =>
        Sites.FirstOrDefault(s => s.Parameter == parameter)?.Location ?? Location;
}
