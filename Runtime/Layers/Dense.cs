using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// A densely-connected layer (Keras <c>Dense</c>): <c>activation(inputs @ kernel + bias)</c> on the
/// last axis. Weights use Keras' layout and initializers: kernel <c>(input_dim, units)</c>
/// glorot_uniform, bias <c>(units,)</c> zeros, registered as <c>kernel</c> and <c>bias</c>.
/// </summary>
/// <remarks>
/// Input shape: N-D tensor of shape <c>(batch, ..., input_dim)</c>, N ≥ 2; the most common is a
/// 2-D input of shape <c>(batch, input_dim)</c>.<br/>
/// Output shape: N-D tensor of shape <c>(batch, ..., units)</c>.
/// </remarks>
public sealed class Dense : Layer
{
    // Named as registered: TorchSharp's Module.to(dtype/device) replaces parameters and updates the
    // fields whose names match, so these stay valid after model.to(...).
    private Parameter? kernel;
    private Parameter? bias;
    private long builtInputDim;

    /// <summary>Creates the layer; <see cref="Build"/> allocates its weights.</summary>
    /// <param name="units">The output size, > 0.</param>
    /// <param name="activation">The activation (default linear).</param>
    /// <param name="useBias">Whether the layer adds a bias.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    public Dense(int units, Activation activation = Activation.Linear, bool useBias = true) : base(nameof(Dense))
    {
        Units = units > 0
            ? units
            : throw new ArgumentOutOfRangeException(nameof(units), units, $"Dense needs units > 0; got {units}.");
        Activation = Enum.IsDefined(activation)
            ? activation
            : throw new ArgumentOutOfRangeException(nameof(activation), activation, $"unknown activation {activation}.");
        UseBias = useBias;
    }

    /// <summary>The output size.</summary>
    public int Units { get; }

    /// <summary>The activation applied by <see cref="Call"/>.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer adds a bias.</summary>
    public bool UseBias { get; }

    /// <summary>The kernel, <c>(input_dim, units)</c>; <see langword="null"/> before <see cref="Build"/>.</summary>
    public Parameter? Kernel => kernel;

    /// <summary>The bias, <c>(units,)</c>; <see langword="null"/> before <see cref="Build"/> or without a bias.</summary>
    public Parameter? Bias => bias;

    /// <summary>
    /// Allocates the kernel <c>(inputShape[^1], units)</c> with glorot_uniform and the bias
    /// <c>(units,)</c> with zeros. The weights belong to the layer, not to any dispose scope.
    /// </summary>
    /// <param name="inputShape">The input shape without batch; its last axis must be known.</param>
    /// <exception cref="ArgumentException">The shape is empty or its last axis unknown.</exception>
    /// <exception cref="InvalidOperationException">The layer is already built.</exception>
    public override void Build(params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (kernel is not null)
        {
            throw new InvalidOperationException($"{Describe()} is already built with input_dim {kernel.shape[0]}.");
        }

        if (inputShape.Length == 0 || inputShape[^1] <= 0)
        {
            throw new ArgumentException(
                $"{Describe()} needs an input of shape (batch, ..., input_dim) with a known input_dim; got {ShapeText.WithBatch(inputShape)}.",
                nameof(inputShape));
        }

        var inputDim = inputShape[^1];
        builtInputDim = inputDim;
        // glorot_uniform: U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out)).
        var limit = Math.Sqrt(6.0 / (inputDim + Units));
        using (no_grad())
        {
            kernel = new Parameter(empty(inputDim, Units).uniform_(-limit, limit));
            kernel.DetachFromDisposeScope();
            register_parameter("kernel", kernel);
            if (UseBias)
            {
                bias = new Parameter(zeros(Units));
                bias.DetachFromDisposeScope();
                register_parameter("bias", bias);
            }
        }
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        var linear = CallLinear(inputs);
        // Without autograd (Predict, evaluation) nothing keeps the matmul's fresh output for a
        // backward pass, so the activation may overwrite it instead of allocating another tensor.
        return is_grad_enabled() ? ActivationFunctions.Apply(linear, Activation) : ActivationFunctions.ApplyInPlace(linear, Activation);
    }

    /// <summary>
    /// <c>inputs @ kernel + bias</c>, before the activation: generated training steps pass this to a
    /// loss with <c>fromLogits: true</c> to fuse softmax or sigmoid with the cross-entropy.
    /// </summary>
    /// <param name="inputs">A tensor of shape <c>(batch, ..., input_dim)</c>.</param>
    /// <exception cref="InvalidOperationException">The layer is not built.</exception>
    /// <exception cref="ArgumentException">The input's last axis is not input_dim.</exception>
    public Tensor CallLinear(Tensor inputs)
    {
        var weights = kernel ?? throw new InvalidOperationException(
            $"{Describe()} has no weights yet: call Build(inputShape) first (generated model constructors do).");
        var inputDim = builtInputDim;
        if (inputs.dim() == 2 && inputs.size(1) == inputDim)
        {
            // The common case, with the fewest calls into libtorch (it matters at batch 1).
            return bias is null ? inputs.mm(weights) : addmm(bias, inputs, weights, beta: 1, alpha: 1);
        }

        var shape = inputs.shape;
        if (shape.Length < 2 || shape[^1] != inputDim)
        {
            throw new ArgumentException(
                $"{Describe()} expects inputs of shape (batch, ..., {inputDim}); got {ShapeText.Of(shape)}.", nameof(inputs));
        }

        // Higher ranks: one fused matmul over all leading axes, then the leading axes back.
        var outputShape = (long[])shape.Clone();
        outputShape[^1] = Units;
        var flat = inputs.reshape(-1, inputDim);
        var output = bias is null ? flat.mm(weights) : addmm(bias, flat, weights, beta: 1, alpha: 1);
        return output.reshape(outputShape);
    }

    private string Describe() => $"Dense(units={Units})";
}
