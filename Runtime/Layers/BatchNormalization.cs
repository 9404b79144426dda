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
/// Keras' <c>BatchNormalization</c>: normalizes each feature of <see cref="Axis"/> by batch
/// statistics in training and by moving statistics in inference, then scales by <c>gamma</c> and
/// shifts by <c>beta</c>. Input and output have the same shape.
/// </summary>
/// <remarks>
/// Weights: <c>gamma</c> (ones) and <c>beta</c> (zeros), trainable; <c>moving_mean</c> (zeros) and
/// <c>moving_variance</c> (ones), non-trainable buffers; each of the normalized axis' size C, so
/// 4C parameters of which 2C are trainable. A training call updates the moving statistics as Keras
/// does: <c>moving = moving * momentum + batch * (1 - momentum)</c>, with the biased batch
/// variance (PyTorch uses 1 - momentum the other way round and the unbiased variance).
/// </remarks>
public sealed class BatchNormalization : Layer
{
    private bool built;
    private int resolvedAxis;
    private int builtRank;

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="axis">The feature axis, counting the batch as 0 as Keras does; -1 (default) is the last.</param>
    /// <param name="momentum">The weight of the old moving value in each update; 0.99 by default.</param>
    /// <param name="epsilon">Added to the variance before the square root; 1e-3 by default.</param>
    /// <param name="center">Whether to add the learned offset <c>beta</c>.</param>
    /// <param name="scale">Whether to multiply by the learned factor <c>gamma</c>.</param>
    public BatchNormalization(int axis = -1, double momentum = 0.99, double epsilon = 1e-3, bool center = true, bool scale = true)
        : base(nameof(BatchNormalization))
    {
        if (axis == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, "BatchNormalization: axis 0 is the batch axis; pass a feature axis (-1 for the last).");
        }

        if (!(momentum >= 0 && momentum <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"BatchNormalization: momentum must be in [0, 1], found {momentum}.");
        }

        if (!(epsilon > 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"BatchNormalization: epsilon must be positive, found {epsilon}.");
        }

        (Axis, Momentum, Epsilon, Center, Scale) = (axis, momentum, epsilon, center, scale);
    }

    /// <summary>The feature axis as given (batch counted as 0, negative from the end).</summary>
    public int Axis { get; }

    /// <summary>The weight of the old moving value in each update.</summary>
    public double Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the layer has <c>beta</c>.</summary>
    public bool Center { get; }

    /// <summary>Whether the layer has <c>gamma</c>.</summary>
    public bool Scale { get; }

    /// <summary>The learned factor (C), or null without <see cref="Scale"/>.</summary>
    public Parameter? Gamma => LayerWeights.Find(this, "gamma");

    /// <summary>The learned offset (C), or null without <see cref="Center"/>.</summary>
    public Parameter? Beta => LayerWeights.Find(this, "beta");

    /// <summary>The moving mean (C), a non-trainable buffer.</summary>
    public Tensor MovingMean => LayerWeights.GetBuffer(this, "moving_mean");

    /// <summary>The moving variance (C), a non-trainable buffer.</summary>
    public Tensor MovingVariance => LayerWeights.GetBuffer(this, "moving_variance");

    /// <summary>Creates the weights for an input of <paramref name="inputShape"/> (batch excluded); the feature axis must be known.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Dimensions(nameof(BatchNormalization), inputShape);
        int rank = inputShape.Length + 1;
        int axis = Axis < 0 ? Axis + rank : Axis;
        if (axis < 1 || axis >= rank)
        {
            throw new ArgumentException(
                $"BatchNormalization: axis {Axis} is outside an input of rank {rank}, shape {LayerChecks.Describe(inputShape)}.",
                nameof(inputShape));
        }

        long features = LayerChecks.Known(nameof(BatchNormalization), inputShape, axis - 1, $"axis {Axis}");
        if (Scale)
        {
            LayerWeights.Add(this, "gamma", [features], new Ones());
        }

        if (Center)
        {
            LayerWeights.Add(this, "beta", [features], new Zeros());
        }

        LayerWeights.AddBuffer(this, "moving_mean", [features], new Zeros());
        LayerWeights.AddBuffer(this, "moving_variance", [features], new Ones());
        resolvedAxis = axis;
        builtRank = rank;
        built = true;
    }

    /// <summary>Normalizes by batch statistics and updates the moving ones when <paramref name="training"/>; by the moving ones otherwise.</summary>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerChecks.Floating(nameof(BatchNormalization), inputs);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        var movingMean = MovingMean;
        var movingVariance = MovingVariance;
        if (inputs.dim() != builtRank)
        {
            throw new ArgumentException(
                $"BatchNormalization was built for inputs of rank {builtRank}, found shape {LayerChecks.Describe(inputs)}.", nameof(inputs));
        }

        LayerChecks.Size(nameof(BatchNormalization), inputs, resolvedAxis, movingMean.shape[0], $"features on axis {Axis}");

        // Parameters of shape (C) broadcast as (1, ..., C, ..., 1) with C on the feature axis.
        long[] broadcast = Enumerable.Repeat(1L, (int)inputs.dim()).ToArray();
        broadcast[resolvedAxis] = movingMean.shape[0];
        Tensor mean, variance;
        if (training)
        {
            long[] reduce = Enumerable.Range(0, (int)inputs.dim()).Where(a => a != resolvedAxis).Select(a => (long)a).ToArray();
            mean = inputs.mean(reduce, keepdim: true);
            variance = (inputs - mean).square().mean(reduce, keepdim: true);
            UpdateMoving(movingMean, mean);
            UpdateMoving(movingVariance, variance);
        }
        else
        {
            mean = movingMean.reshape(broadcast);
            variance = movingVariance.reshape(broadcast);
        }

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
    /// autograd graph and leaves the moving statistics alone (the training forward already updated them).
    /// </summary>
    /// <remarks>
    /// Training mode recomputes the batch mean and variance from <paramref name="input"/> (two reductions,
    /// cheaper than keeping them) and differentiates through them:
    /// <c>dx = γ/σ · (g − mean(g) − x̂ · mean(g x̂))</c> over the batch and non-feature axes.
    /// Inference mode uses the moving statistics as constants: <c>dx = γ/σ · g</c>.
    /// </remarks>
    /// <param name="gradOutput">dL/doutput, shaped like the input.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    /// <param name="training">The training flag the forward call had; true in a training step.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null, bool training = true) =>
        GradientBuffers.Into(BackwardCore(gradOutput, input, training, inputGradient: true)!, into);

    /// <summary>
    /// <see cref="Backward"/> without dL/dinputs, for a layer that reads a model input: only gamma's
    /// and beta's gradients are accumulated.
    /// </summary>
    /// <param name="gradOutput">dL/doutput, shaped like the input.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="training">The training flag the forward call had; true in a training step.</param>
    public void BackwardWeights(Tensor gradOutput, Tensor input, Tensor output, bool training = true) =>
        BackwardCore(gradOutput, input, training, inputGradient: false);

    private Tensor? BackwardCore(Tensor gradOutput, Tensor input, bool training, bool inputGradient)
    {
        using var noGrad = no_grad();
        long[] broadcast = Enumerable.Repeat(1L, (int)input.dim()).ToArray();
        broadcast[resolvedAxis] = input.shape[resolvedAxis];
        long[] reduce = Enumerable.Range(0, (int)input.dim()).Where(a => a != resolvedAxis).Select(a => (long)a).ToArray();
        Tensor centered, inverse;
        if (training)
        {
            centered = input - input.mean(reduce, keepdim: true);
            inverse = (centered.square().mean(reduce, keepdim: true) + Epsilon).rsqrt();
        }
        else
        {
            centered = input - MovingMean.reshape(broadcast).to_type(input.dtype);
            inverse = (MovingVariance.reshape(broadcast).to_type(input.dtype) + Epsilon).rsqrt();
        }

        var normalized = centered * inverse;
        var sumGrad = gradOutput.sum(reduce, keepdim: true);
        var sumGradNormalized = (gradOutput * normalized).sum(reduce, keepdim: true);
        GradientBuffers.Accumulate(Gamma, sumGradNormalized.reshape(-1));
        GradientBuffers.Accumulate(Beta, sumGrad.reshape(-1));
        if (!inputGradient)
        {
            return null;
        }

        var scale = Gamma is { } gamma ? inverse * gamma.reshape(broadcast) : inverse;
        Tensor dx;
        if (training)
        {
            double count = input.numel() / input.shape[resolvedAxis];
            dx = scale * (gradOutput - sumGrad / count - normalized * (sumGradNormalized / count));
        }
        else
        {
            dx = scale * gradOutput;
        }

        return dx;
    }

    private void UpdateMoving(Tensor moving, Tensor batch)
    {
        using var noGrad = no_grad();
        moving.mul_(Momentum).add_(batch.detach().reshape(-1).to_type(moving.dtype), alpha: 1 - Momentum);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["axis"] = Axis;
        config["momentum"] = Momentum;
        config["epsilon"] = Epsilon;
        config["center"] = Center;
        config["scale"] = Scale;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => Axis == -1;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // Inference: (x - mean) / sqrt(var + eps) * gamma + beta, folded into one scale and one shift on the last axis.
        using var scope = TorchSharp.torch.NewDisposeScope();
        var inverse = (LayerWeights.GetBuffer(this, "moving_variance") + Epsilon).rsqrt();
        var scale = Scale ? inverse * LayerWeights.Get(this, "gamma") : inverse;
        var shift = -LayerWeights.GetBuffer(this, "moving_mean") * scale;
        if (Center)
        {
            shift = shift + LayerWeights.Get(this, "beta");
        }

        return graph.Node("Add", [graph.Node("Mul", [input, graph.Initializer("scale", scale)]), graph.Initializer("shift", shift)]);
    }
}
