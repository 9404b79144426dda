using System;
using System.Collections.Generic;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// The backward table: which layer families have explicit gradient kernels in the runtime, and how
/// their lines are written. A layer not listed gets its gradient through autograd on that layer
/// alone. To make a built-in layer explicit, write its runtime kernels (docs/design/backward-contract.md)
/// and add it here.
/// </summary>
internal static class BackwardEmitters
{
    private static readonly KernelBackwardEmitter Kernel = new();
    private static readonly DenseBackwardEmitter Dense = new();
    private static readonly DropoutBackwardEmitter Dropout = new();
    private static readonly MergeBackwardEmitter Merge = new();
    private static readonly AutogradBackwardEmitter Autograd = new();

    // Built-in rule and merge layers, by runtime type name, whose runtime class has the contract's
    // kernels: Backward (Tensor[] Backward for merges) and, with weights, BackwardWeights.
    private static readonly HashSet<string> ExplicitTypes = new(StringComparer.Ordinal)
    {
        "Conv1D", "Conv2D", "Conv2DTranspose",
        "MaxPooling1D", "AveragePooling1D", "MaxPooling2D", "AveragePooling2D",
        "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling2D",
        "ZeroPadding2D", "UpSampling2D",
        "BatchNormalization", "LayerNormalization", "Embedding",
        "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate",
    };

    /// <summary>The emitter of <paramref name="layer"/>'s family; the autograd one when it has no explicit kernels.</summary>
    public static IBackwardEmitter For(LayerDeclaration layer) => layer switch
    {
        DenseDeclaration => Dense,
        DropoutDeclaration => Dropout,
        FlattenDeclaration or ActivationDeclaration or ReshapeDeclaration or PermuteDeclaration => Kernel,
        MergeDeclaration when ExplicitTypes.Contains(layer.TypeName) => Merge,
        RuleLayerDeclaration when ExplicitTypes.Contains(layer.TypeName) => Kernel,
        _ => Autograd,
    };

    /// <summary>Whether <paramref name="layer"/> goes through autograd in an explicit training step.</summary>
    public static bool UsesAutograd(LayerDeclaration layer) => For(layer) is AutogradBackwardEmitter;
}
