using StaticKeras.Export.Onnx;
using System;
using System.Text.Json.Nodes;
using StaticKeras.Saving.Keras;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Cropping1D</c>: removes steps from the start and end of sequences. Input
/// <c>(batch, steps, features)</c>; output <c>(batch, steps − start − end, features)</c>. No weights.
/// </summary>
public sealed class Cropping1D : Layer
{
    private const string Layout = "(batch, steps, features)";

    /// <summary>The same number of steps off both ends, Keras' int form; 1 by default.</summary>
    /// <param name="cropping">Steps removed at the start and at the end.</param>
    public Cropping1D(int cropping = 1) : this((cropping, cropping))
    {
    }

    /// <summary>Keras' (start, end) form.</summary>
    /// <param name="cropping">Steps removed at the start and at the end.</param>
    public Cropping1D((int Start, int End) cropping) : base(nameof(Cropping1D))
    {
        LayerChecks.NonNegative(nameof(Cropping1D), "start cropping", cropping.Start);
        LayerChecks.NonNegative(nameof(Cropping1D), "end cropping", cropping.End);
        (Start, End) = cropping;
    }

    /// <summary>Steps removed at the start.</summary>
    public int Start { get; }

    /// <summary>Steps removed at the end.</summary>
    public int End { get; }

    /// <summary>Checks an input <c>(steps, features)</c>: a known length must keep at least one step.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerChecks.Rank(nameof(Cropping1D), inputShape, 2, Layout);
        Cropping.KeepsOne(nameof(Cropping1D), inputShape[0], Start, End, "steps");
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerChecks.Rank(nameof(Cropping1D), inputs, 3, Layout);
        Cropping.KeepsOne(nameof(Cropping1D), inputs.shape[1], Start, End, "steps");
        return inputs.narrow(1, Start, inputs.shape[1] - Start - End);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["cropping"] = KerasValues.List(Start, End);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    // Slice axis 1 from Start to End steps before its end (any length: the end counts from the back).
    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) =>
        graph.Node("Slice", [input, graph.Ints("starts", Start), graph.Ints("ends", End == 0 ? long.MaxValue : -End), graph.Ints("axes", 1)]);
}
