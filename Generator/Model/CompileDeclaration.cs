using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>A model's <c>[Compile]</c> attribute.</summary>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Loss">The loss.</param>
/// <param name="Metrics">Metrics besides the loss.</param>
/// <param name="FromLogits">Whether the loss receives logits.</param>
/// <param name="LearningRate">The learning rate; 0 for the optimizer's Keras default.</param>
/// <param name="LossLocation">The loss argument, where loss/output mismatches are reported.</param>
/// <param name="FromLogitsLocation">The <c>FromLogits = ...</c> argument, if written.</param>
internal sealed record CompileDeclaration(
    OptimizerKind Optimizer,
    LossKind Loss,
    EquatableArray<MetricKind> Metrics,
    bool FromLogits,
    double LearningRate,
    SourceLocation LossLocation,
    SourceLocation? FromLogitsLocation);
