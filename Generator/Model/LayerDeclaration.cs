using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>One layer member of a model, as read from its initializer.</summary>
/// <param name="Name">The member's name (the layer's name in the summary and in state_dict).</param>
/// <param name="Identifier">The member's name as C# must write it (<c>@out</c> for a keyword).</param>
/// <param name="Location">The layer's initializer, where shape errors are reported.</param>
internal abstract record LayerDeclaration(string Name, string Identifier, SourceLocation Location)
{
    /// <summary>The layer's C# type name, as the summary shows it.</summary>
    public abstract string TypeName { get; }

    /// <summary>The activation the layer ends with; <see cref="ActivationKind.Linear"/> when it has none.</summary>
    public virtual ActivationKind OutputActivation => ActivationKind.Linear;

    /// <summary>What the layer does with a mask on its input (Keras' <c>supports_masking</c>/<c>compute_mask</c>); by default it drops it.</summary>
    public virtual MaskRule Mask => MaskRule.Drops;

    /// <summary>The Keras regularizers the layer was created with; <see langword="null"/> for none (Reading/RegularizerReader).</summary>
    public RegularizationDeclaration? Regularization { get; init; }
}

/// <summary><c>Flatten(dataFormat)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="DataFormat">Where the channel axis is; the output's shape is the same either way (the runtime layer orders the features).</param>
internal sealed record FlattenDeclaration(string Name, string Identifier, SourceLocation Location, Shapes.DataFormatKind DataFormat = Shapes.DataFormatKind.ChannelsLast)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => "Flatten";
}

/// <summary><c>Dense(units, activation, useBias)</c>.</summary>
internal sealed record DenseDeclaration(string Name, string Identifier, SourceLocation Location, int Units, ActivationKind Activation, bool UseBias)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => "Dense";

    /// <inheritdoc/>
    public override ActivationKind OutputActivation => Activation;

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;
}

/// <summary><c>Dropout(rate, noiseShape)</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Rate">The fraction dropped in training.</param>
/// <param name="NoiseShape">Keras' <c>noise_shape</c>, batch included, 0 for None; empty when not given.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
internal sealed record DropoutDeclaration(
    string Name, string Identifier, SourceLocation Location, double Rate, EquatableArray<int> NoiseShape = default, EquatableArray<ArgumentSite> Sites = default)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => "Dropout";

    /// <summary>Where the argument for <paramref name="parameter"/> is written; the initializer when it is defaulted.</summary>
    public SourceLocation LocationOf(string? parameter) => System.Linq.Enumerable.FirstOrDefault(Sites, s => s.Parameter == parameter)?.Location ?? Location;

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;
}

/// <summary><c>ActivationLayer(activation)</c>.</summary>
internal sealed record ActivationDeclaration(string Name, string Identifier, SourceLocation Location, ActivationKind Activation)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => "ActivationLayer";

    /// <inheritdoc/>
    public override MaskRule Mask => MaskRule.Propagates;

    /// <inheritdoc/>
    public override ActivationKind OutputActivation => Activation;
}

/// <summary>
/// A layer member the generator could not read (its problem is reported, or the compiler reports
/// it); shape inference stops here so one mistake gives one error.
/// </summary>
internal sealed record UnresolvedDeclaration(string Name, string Identifier, SourceLocation Location, string DeclaredType)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => DeclaredType;
}
