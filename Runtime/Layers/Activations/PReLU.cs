using StaticKeras.Export.Onnx;
using System;
using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Layers.Initializers;
using StaticKeras.Saving.Keras;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>PReLU</c> layer: <c>x</c> for <c>x ≥ 0</c>, <c>alpha · x</c> otherwise, with a learned
/// <c>alpha</c> per input entry (batch excluded), shared along <see cref="SharedAxes"/>. Input any
/// shape; output the same shape.
/// </summary>
/// <remarks>
/// Weight: <c>alpha</c> of the input's shape without the batch, 1 on each shared axis; zeros, as
/// Keras' default <c>alpha_initializer</c>. The axes it is not shared along must be known.
/// </remarks>
public sealed class PReLU : Layer
{
    private readonly int[] sharedAxes;
    private bool built;
    private long[] alphaShape = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="sharedAxes">Axes (batch counted as 0, so 1 is the first feature axis) along which one alpha is shared; null (default) for none.</param>
    /// <exception cref="ArgumentException">An axis below 1.</exception>
    public PReLU(int[]? sharedAxes = null) : base(nameof(PReLU))
    {
        this.sharedAxes = sharedAxes is null ? [] : (int[])sharedAxes.Clone();
        if (this.sharedAxes.Any(a => a < 1))
        {
            throw new ArgumentException(
                $"PReLU: sharedAxes must name feature axes (the batch is axis 0), found [{string.Join(", ", this.sharedAxes)}].", nameof(sharedAxes));
        }
    }

    /// <summary>The axes along which alpha is shared (batch counted as 0).</summary>
    public int[] SharedAxes => (int[])sharedAxes.Clone();

    /// <summary>The learned slopes for negative inputs.</summary>
    public Parameter Alpha => LayerWeights.Get(this, "alpha");

    /// <summary>Creates <c>alpha</c> for an input of <paramref name="inputShape"/> (batch excluded).</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Dimensions(nameof(PReLU), inputShape);
        if (sharedAxes.Any(a => a > inputShape.Length))
        {
            throw new ArgumentException(
                $"PReLU: sharedAxes [{string.Join(", ", sharedAxes)}] must name axes of an input of rank {inputShape.Length + 1}, " +
                $"found input shape {LayerChecks.Describe(inputShape)}.", nameof(inputShape));
        }

        alphaShape = inputShape
            .Select((size, i) => sharedAxes.Contains(i + 1) ? 1 : LayerChecks.Known(nameof(PReLU), inputShape, i, $"axis {i + 1}"))
            .ToArray();
        LayerWeights.Add(this, "alpha", alphaShape, new Zeros());
        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        if (inputs.dim() != alphaShape.Length + 1 || alphaShape.Where((size, i) => size != 1 && inputs.shape[i + 1] != size).Any())
        {
            throw new ArgumentException(
                $"PReLU was built for inputs {LayerChecks.Describe(alphaShape)} (1 on shared axes), found inputs of shape {LayerChecks.Describe(inputs)}.",
                nameof(inputs));
        }

        // Keras: relu(x) − alpha · relu(−x).
        return nn.functional.relu(inputs) - Alpha * nn.functional.relu(-inputs);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["shared_axes"] = sharedAxes.Length == 0 ? null : KerasValues.List(Array.ConvertAll(sharedAxes, a => (long)a));
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    // ONNX's PRelu broadcasts alpha (the input's shape without the batch, 1 on shared axes) as Keras does.
    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) =>
        graph.Node("PRelu", [input, graph.Initializer("alpha", Alpha)]);
}
