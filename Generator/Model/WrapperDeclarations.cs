using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>A wrapper layer: <c>TimeDistributed</c> or <c>Bidirectional</c>, whose constructor takes the layers it runs.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
internal abstract record WrapperDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <summary>The wrapped layer passed as <paramref name="part"/> (<c>layer</c>, <c>backwardLayer</c>), for its own shape errors.</summary>
    public abstract LayerDeclaration Wrapped(string part);

    /// <summary>Whether a wrapped layer behaves differently in training (Dropout, BatchNormalization...).</summary>
    protected static bool Trains(LayerDeclaration layer) => layer is DropoutDeclaration or RuleLayerDeclaration { UsesTraining: true };
}

/// <summary><c>TimeDistributed(layer)</c>: <paramref name="Layer"/> applied to every time slice.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Layer">The wrapped layer, read from the <c>new(...)</c> in the argument (named <c>member.layer</c>).</param>
internal sealed record TimeDistributedDeclaration(string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, LayerDeclaration Layer)
    : WrapperDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "TimeDistributed";

    /// <inheritdoc/>
    public override bool UsesTraining => Trains(Layer);

    /// <inheritdoc/>
    public override LayerDeclaration Wrapped(string part) => Layer;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => TimeDistributedRule.Apply(input, slice => NodeRules.Apply(Layer, [slice]));
}

/// <summary><c>Bidirectional(layer, mergeMode, backwardLayer)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Layer">The recurrent layer run forwards (named <c>member.forward_layer</c>).</param>
/// <param name="MergeMode">How the two directions' outputs combine.</param>
/// <param name="BackwardLayer">The layer run backwards when given; otherwise a copy of <paramref name="Layer"/>.</param>
internal sealed record BidirectionalDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, RecurrentDeclaration Layer, MergeModeKind MergeMode,
    RecurrentDeclaration? BackwardLayer)
    : WrapperDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => "Bidirectional";

    /// <inheritdoc/>
    /// <remarks>Keras' Bidirectional takes the mask and, as it does not support masking, its output has none.</remarks>
    public override MaskRule Mask => MaskRule.Consumes;

    /// <inheritdoc/>
    public override LayerDeclaration Wrapped(string part) => part == "backwardLayer" && BackwardLayer is not null ? BackwardLayer : Layer;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) =>
        BidirectionalRule.Apply(input, Layer.Apply(input), (BackwardLayer ?? Layer).Apply(input), MergeMode);
}
