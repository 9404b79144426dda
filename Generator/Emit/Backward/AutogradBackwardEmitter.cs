using System.Linq;
using StaticKeras.Generator.Emit.Layers;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// A layer without an explicit Backward (a custom <c>[Layer]</c>, a recurrent layer, a nested model,
/// a built-in layer whose kernel is not written yet): its forward call is recorded by autograd on
/// that layer alone, and its vector-Jacobian product comes from autograd's backward of that call.
/// </summary>
internal sealed class AutogradBackwardEmitter : IBackwardEmitter
{
    /// <summary>The lambda parameter of the recorded call; generated steps keep it free of layer names.</summary>
    public const string Tracked = "tracked";

    // Record(x2, tracked => enc.Call(tracked, training: true), out var x3_in)
    // Record(new[] { x2, x3 }, tracked => add.Call(tracked[0], tracked[1]), out var x4_in)
    // Record(x[0], tracked => enc.Call(tracked, training: true))      (input needs no gradient)
    /// <inheritdoc/>
    public string Forward(BackwardNode node)
    {
        var emitter = LayerEmitters.For(node.Layer);
        var several = node.Inputs.Count > 1;
        var arguments = several ? string.Join(", ", node.Inputs.Select((_, i) => $"{Tracked}[{i}]")) : Tracked;
        // The output layer whose activation the loss fuses records its logits (a Softmax layer's are its input).
        var call = node.Logits
            ? emitter.ForwardLogits(node.Layer, node.Reference, arguments)
                ?? throw new System.InvalidOperationException($"{node.Layer.TypeName} '{node.Layer.Name}' cannot split off its activation")
            : emitter.Forward(node.Layer, node.Reference, arguments, CallMode.Training);
        var input = several ? node.InputArray : node.Arguments;
        var tracked = several || node.AnyInputGradient ? $", out var {State(node)}" : "";
        return $"Record({input}, {Tracked} => {call}{tracked})";
    }

    // RecordedBackward(x3, dx3, x3_in)
    /// <inheritdoc/>
    public string InputGradient(BackwardNode node, string gradOutput) =>
        $"RecordedBackward({node.Output}, {gradOutput}, {State(node)})";

    // RecordedBackwardWeights(x3, dx3)
    /// <inheritdoc/>
    public string? WeightsOnly(BackwardNode node, string gradOutput) => node.HasWeights
        ? $"RecordedBackwardWeights({node.Output}, {gradOutput})"
        : null;

    /// <inheritdoc/>
    public string? Note(BackwardNode node) =>
        $"autograd on {node.Layer.Name} alone ({node.Layer.TypeName}: "
        + (BackwardEmitters.RecordedByMeasurement(node.Layer) ? "recording measured faster than its kernel" : "no explicit Backward") + ")";

    private static string State(BackwardNode node) => node.Output + "_in";

    /// <inheritdoc/>
    public string? ForwardInto(BackwardNode node, string into) => null;

    /// <inheritdoc/>
    public string? InputGradientInto(BackwardNode node, string gradOutput, string into) => null;
}
