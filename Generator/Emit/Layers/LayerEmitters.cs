using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary>Finds each layer's emitter, and how generated methods refer to layer members.</summary>
internal static class LayerEmitters
{
    // Names of parameters and locals generated methods declare; a layer member with one of these
    // names is written `this.name` so the local does not hide it.
    private static readonly HashSet<string> Locals = ["inputs", "training", "x", "y", "sampleWeight", "loss", "logits", "tape", "tracked", "dlogits", "probabilities"];

    // x3, and the explicit step's dx3 (its gradient), x3_mask, x3_in (saved state), dx3_inputs; mask1 (Keras' masks, MaskLines).
    private static readonly Regex NumberedLocal = new("^(d?x[0-9]+(_mask|_in|_inputs)?|mask[0-9]+)$", RegexOptions.CultureInvariant);

    private static readonly CallLinearEmitter CallLinear = new();
    private static readonly PlainCallEmitter PlainCall = new();
    private static readonly TrainingCallEmitter TrainingCall = new();
    private static readonly ActivationLayerEmitter Activation = new();
    private static readonly AttentionCallEmitter Attention = new();

    /// <summary>The emitter of <paramref name="layer"/>'s family: how its call line is written.</summary>
    public static ILayerEmitter For(LayerDeclaration layer) => layer switch
    {
        DenseDeclaration => CallLinear,
        FlattenDeclaration => PlainCall,
        DropoutDeclaration => TrainingCall,
        ActivationDeclaration => Activation,
        SoftmaxDeclaration { Axis: -1 } => Activation,
        MultiHeadAttentionDeclaration or AttentionDeclaration => Attention,
        RuleLayerDeclaration { UsesTraining: true } => TrainingCall,
        RuleLayerDeclaration => PlainCall,
        CustomLayerDeclaration => TrainingCall,
        MergeDeclaration => PlainCall,
        NestedModelDeclaration => TrainingCall,
        _ => throw new ArgumentException($"no emitter for {layer.GetType().Name}", nameof(layer)),
    };

    /// <summary>How a method body refers to the layer member: <c>hidden</c>, or <c>this.x1</c> when a local has its name.</summary>
    public static string Reference(LayerDeclaration layer) =>
        Locals.Contains(layer.Name) || NumberedLocal.IsMatch(layer.Name) ? "this." + layer.Identifier : layer.Identifier;
}
