using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using System.Linq;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>LayerNormalization</c>: normalizes each sample over <see cref="Axes"/> by its own mean
/// and (biased) variance, then scales by <c>gamma</c> and shifts by <c>beta</c>. Input and output
/// have the same shape; training and inference behave the same.
/// </summary>
/// <remarks>
/// Weights: <c>gamma</c> (ones) and <c>beta</c> (zeros), each of the shape of the normalized axes
/// (for several axes, their sizes in increasing axis order). Epsilon defaults to Keras' 1e-3,
/// not PyTorch's 1e-5.
/// </remarks>
public sealed class LayerNormalization : Layer
{
    private readonly int[] axes;
    private bool built;
    private long[] resolved = [];
    private long[] normalizedShape = [];
    private int builtRank;

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="axis">The axes to normalize over, counting the batch as 0 as Keras does; null (default) means the last axis, [-1].</param>
    /// <param name="epsilon">Added to the variance before the square root; 1e-3 by default.</param>
    /// <param name="center">Whether to add the learned offset <c>beta</c>.</param>
    /// <param name="scale">Whether to multiply by the learned factor <c>gamma</c>.</param>
    public LayerNormalization(int[]? axis = null, double epsilon = 1e-3, bool center = true, bool scale = true)
        : base(nameof(LayerNormalization))
    {
        axes = axis is null ? [-1] : (int[])axis.Clone();
        if (axes.Length == 0 || axes.Contains(0))
        {
            throw new ArgumentException(
                $"LayerNormalization: axis must list feature axes (the batch is axis 0), found [{string.Join(", ", axes)}].", nameof(axis));
        }

        if (!(epsilon > 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"LayerNormalization: epsilon must be positive, found {epsilon}.");
        }

        (Epsilon, Center, Scale) = (epsilon, center, scale);
    }

    /// <summary>The axes as given (batch counted as 0, negative from the end).</summary>
    public int[] Axes => (int[])axes.Clone();

    /// <summary>Added to the variance before the square root.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the layer has <c>beta</c>.</summary>
    public bool Center { get; }

    /// <summary>Whether the layer has <c>gamma</c>.</summary>
    public bool Scale { get; }

    /// <summary>The learned factor, or null without <see cref="Scale"/>.</summary>
    public Parameter? Gamma => LayerWeights.Find(this, "gamma");

    /// <summary>The learned offset, or null without <see cref="Center"/>.</summary>
    public Parameter? Beta => LayerWeights.Find(this, "beta");

    /// <summary>Creates <c>gamma</c> and <c>beta</c> for an input of <paramref name="inputShape"/> (batch excluded); normalized axes must be known.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Dimensions(nameof(LayerNormalization), inputShape);
        int rank = inputShape.Length + 1;
        var positive = axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (positive.Any(a => a < 1 || a >= rank) || positive.Distinct().Count() != positive.Length)
        {
            throw new ArgumentException(
                $"LayerNormalization: axis [{string.Join(", ", axes)}] must name distinct feature axes of an input of rank {rank}, " +
                $"found input shape {LayerChecks.Describe(inputShape)}.", nameof(inputShape));
        }

        resolved = positive.Order().Select(a => (long)a).ToArray();
        normalizedShape = resolved.Select(a => LayerChecks.Known(nameof(LayerNormalization), inputShape, (int)a - 1, $"axis {a}")).ToArray();
        if (Scale)
        {
            LayerWeights.Add(this, "gamma", normalizedShape, new Ones());
        }

        if (Center)
        {
            LayerWeights.Add(this, "beta", normalizedShape, new Zeros());
        }

        builtRank = rank;

        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerChecks.Floating(nameof(LayerNormalization), inputs);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        if (inputs.dim() != builtRank || !resolved.Select(a => inputs.shape[a]).SequenceEqual(normalizedShape))
        {
            throw new ArgumentException(
                $"LayerNormalization was built for rank {builtRank} with sizes ({string.Join(", ", normalizedShape)}) " +
                $"on axes [{string.Join(", ", resolved)}], found inputs of shape {LayerChecks.Describe(inputs)}.", nameof(inputs));
        }

        // gamma and beta hold the normalized axes' sizes; they broadcast with 1 on every other axis.
        long[] broadcast = Enumerable.Repeat(1L, (int)inputs.dim()).ToArray();
        foreach (long a in resolved)
        {
            broadcast[a] = inputs.shape[a];
        }

        var mean = inputs.mean(resolved, keepdim: true);
        var variance = (inputs - mean).square().mean(resolved, keepdim: true);
        var inverse = (variance + Epsilon).rsqrt();
        if (Gamma is { } gamma)
        {
            inverse = inverse * gamma.reshape(broadcast);
        }

        var y = (inputs - mean) * inverse;
        return Beta is { } beta ? y + beta.reshape(broadcast) : y;
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: returns dL/dinputs (written into <paramref name="into"/>
    /// when given) and adds dL/dgamma and dL/dbeta into the weights' <c>.grad</c> in place. Builds no
    /// autograd graph.
    /// </summary>
    /// <remarks>
    /// Recomputes the mean and variance over the normalized axes from <paramref name="input"/>; with
    /// <c>h = g γ</c>, <c>dx = (h − mean(h) − x̂ · mean(h x̂)) / σ</c> over those axes, and γ and β receive
    /// the sums of <c>g x̂</c> and <c>g</c> over every other axis, the batch included.
    /// </remarks>
    /// <param name="gradOutput">dL/doutput, shaped like the input.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null) =>
        GradientBuffers.Into(BackwardCore(gradOutput, input, inputGradient: true)!, into);

    /// <summary>
    /// <see cref="Backward"/> without dL/dinputs, for a layer that reads a model input: only gamma's
    /// and beta's gradients are accumulated.
    /// </summary>
    /// <param name="gradOutput">dL/doutput, shaped like the input.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    public void BackwardWeights(Tensor gradOutput, Tensor input, Tensor output) =>
        BackwardCore(gradOutput, input, inputGradient: false);

    private Tensor? BackwardCore(Tensor gradOutput, Tensor input, bool inputGradient)
    {
        using var noGrad = no_grad();
        long[] broadcast = Enumerable.Repeat(1L, (int)input.dim()).ToArray();
        foreach (long a in resolved)
        {
            broadcast[a] = input.shape[a];
        }

        long[] others = Enumerable.Range(0, (int)input.dim()).Select(a => (long)a).Except(resolved).ToArray();
        var centered = input - input.mean(resolved, keepdim: true);
        var inverse = (centered.square().mean(resolved, keepdim: true) + Epsilon).rsqrt();
        var normalized = centered * inverse;
        GradientBuffers.Accumulate(Gamma, (gradOutput * normalized).sum(others));
        GradientBuffers.Accumulate(Beta, gradOutput.sum(others));
        if (!inputGradient)
        {
            return null;
        }

        var h = Gamma is { } gamma ? gradOutput * gamma.reshape(broadcast) : gradOutput;
        return inverse * (h - h.mean(resolved, keepdim: true) - normalized * (h * normalized).mean(resolved, keepdim: true));
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["axis"] = Axes.Length == 1 ? Axes[0] : KerasValues.List(System.Array.ConvertAll(Axes, a => (long)a));
        config["epsilon"] = Epsilon;
        config["center"] = Center;
        config["scale"] = Scale;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => Axes is [-1] && Center && Scale;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return graph.Node("LayerNormalization",
            [input, graph.Initializer("gamma", LayerWeights.Get(this, "gamma")), graph.Initializer("beta", LayerWeights.Get(this, "beta"))],
            OnnxAttribute.Int("axis", -1), OnnxAttribute.Float("epsilon", (float)Epsilon));
    }
}
