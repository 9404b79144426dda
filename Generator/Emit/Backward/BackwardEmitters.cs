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
    // Not listed though they have kernels, chosen by measurement: the convolutions (Conv1D, Conv2D,
    // Conv2DTranspose) and max pooling. TorchSharp 0.107 exposes no convolution_backward or
    // max_pool_with_indices_backward, so their kernels run autograd on the op alone and must redo
    // its forward; recording the layer's forward call for autograd instead reuses it. Sequential
    // CNN, batch 128, full Fashion-MNIST, `step-report`, quiet 2-core machine, same run: with the
    // kernels 4,191 samples/s (0.69x the whole-model autograd step), recorded 6,275 (0.97x).
    private static readonly HashSet<string> ExplicitTypes = new(StringComparer.Ordinal)
    {
        "AveragePooling1D", "AveragePooling2D",
        "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling2D",
        "ZeroPadding2D", "UpSampling2D",
        "BatchNormalization", "LayerNormalization", "Normalization", "Embedding",
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

    // The layers whose runtime kernels exist but lose to recording their forward call (see above).
    // DepthwiseConv2D and SeparableConv2D were not timed apart: their kernels are the same grouped
    // convolution through ConvolutionGradients' autograd path, which redoes the forward that recording keeps.
    private static readonly HashSet<string> RecordedTypes = new(StringComparer.Ordinal)
    {
        "Conv1D", "Conv2D", "Conv2DTranspose", "MaxPooling1D", "MaxPooling2D", "DepthwiseConv2D", "SeparableConv2D",
    };

    /// <summary>Whether <paramref name="layer"/> has runtime kernels but is recorded for autograd because that measured faster.</summary>
    public static bool RecordedByMeasurement(LayerDeclaration layer) => layer is RuleLayerDeclaration && RecordedTypes.Contains(layer.TypeName);

    /// <summary>Whether <paramref name="layer"/> goes through autograd in an explicit training step.</summary>
    public static bool UsesAutograd(LayerDeclaration layer) => For(layer) is AutogradBackwardEmitter;
}
