using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>
/// The Keras regularizers a layer was created with, as written (<c>kernel L2(0.01)</c>): the steps
/// add <c>layer.RegularizationLoss()</c> for the weights and <c>layer.ActivityPenalty(x)</c> for the
/// output to the loss, as Keras adds <c>model.losses</c>.
/// </summary>
/// <param name="Weights">Each regularized weight with its regularizer, in argument order.</param>
/// <param name="Activity">The activity regularizer, or <see langword="null"/>.</param>
internal sealed record RegularizationDeclaration(EquatableArray<string> Weights, string? Activity)
{
    /// <summary>Whether any weight is regularized.</summary>
    public bool HasWeights => Weights.Count > 0;
}
