using StaticKeras.Layers.Initializers;
using StaticKeras.Export.Onnx;
using StaticKeras.Inference;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
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
    /// <param name="kernelInitializer">Keras' <c>kernel_initializer</c>; glorot_uniform by default.</param>
    /// <param name="biasInitializer">Keras' <c>bias_initializer</c>; zeros by default.</param>
    /// <param name="kernelRegularizer">Keras' <c>kernel_regularizer</c>: a penalty on the kernel added to the loss; none by default.</param>
    /// <param name="biasRegularizer">Keras' <c>bias_regularizer</c>; none by default.</param>
    /// <param name="activityRegularizer">Keras' <c>activity_regularizer</c>: a penalty on the output, divided by the batch size; none by default.</param>
    /// <param name="kernelConstraint">Keras' <c>kernel_constraint</c>: a projection of the kernel after every optimizer step; none by default.</param>
    /// <param name="biasConstraint">Keras' <c>bias_constraint</c>; none by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    public Dense(
        int units,
        Activation activation = Activation.Linear,
        bool useBias = true,
        Initializer kernelInitializer = Initializer.GlorotUniform,
        Initializer biasInitializer = Initializer.Zeros,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null,
        Constraint? biasConstraint = null)
        : base(nameof(Dense))
    {
        Regularize(activityRegularizer, ("kernel", kernelRegularizer), ("bias", biasRegularizer));
        Constrain(("kernel", kernelConstraint), ("bias", biasConstraint));
        (KernelInitializer, BiasInitializer) = (kernelInitializer, biasInitializer);
        _ = (WeightInitializers.For(kernelInitializer), WeightInitializers.For(biasInitializer));   // an undefined member throws here, naming the valid ones

        Units = units > 0
            ? units
            : throw new ArgumentOutOfRangeException(nameof(units), units, $"Dense needs units > 0; got {units}.");
        Activation = Enum.IsDefined(activation)
            ? activation
            : throw new ArgumentOutOfRangeException(nameof(activation), activation, $"unknown activation {activation}.");
        UseBias = useBias;
    }

    /// <summary>How the kernel is initialized (Keras' <c>kernel_initializer</c>, glorot_uniform by default).</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>How the bias is initialized (Keras' <c>bias_initializer</c>, zeros by default).</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The output size.</summary>
    public int Units { get; }

    /// <summary>The activation applied by <see cref="Call(Tensor, bool)"/>.</summary>
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
        CheckConstraint("kernel", [inputDim, Units]);
        CheckConstraint("bias", [Units]);
        builtInputDim = inputDim;
        // glorot_uniform: U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out)).
        var limit = Math.Sqrt(6.0 / (inputDim + Units));
        using (no_grad())
        {
            kernel = new Parameter(KernelInitializer == Initializer.GlorotUniform
                ? empty(inputDim, Units).uniform_(-limit, limit)
                : WeightInitializers.For(KernelInitializer).Create([inputDim, Units]));
            kernel.DetachFromDisposeScope();
            register_parameter("kernel", kernel);
            if (UseBias)
            {
                bias = new Parameter(BiasInitializer == Initializer.Zeros ? zeros(Units) : WeightInitializers.For(BiasInitializer).Create([Units]));
                bias.DetachFromDisposeScope();
                register_parameter("bias", bias);
            }
        }
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        if (FewUnitsManyRows(inputs))
        {
            return Activation == Activation.Softmax
                ? SoftmaxAcrossRows(inputs)
                : ActivationFunctions.ApplyInPlace(LinearFewUnits(inputs), Activation);
        }

        var linear = CallLinear(inputs);
        // Without autograd (Predict, evaluation) nothing keeps the matmul's fresh output for a
        // backward pass, so the activation may overwrite it instead of allocating another tensor.
        return is_grad_enabled() ? ActivationFunctions.Apply(linear, Activation) : ActivationFunctions.ApplyInPlace(linear, Activation);
    }

    /// <summary>
    /// <see cref="Call(Tensor, bool)"/> in training without autograd (a generated training step), writing
    /// the layer's output into <paramref name="into"/>, a buffer of the output's shape from the step's
    /// memory plan, instead of allocating it. Relu, sigmoid and tanh then act in place and the buffer is
    /// returned; the other activations return a new tensor computed from it.
    /// </summary>
    /// <param name="inputs">A tensor of shape <c>(batch, ..., input_dim)</c>.</param>
    /// <param name="training">Unused (Dense behaves the same in training); there so that <c>Call(x, training)</c>
    /// keeps meaning <see cref="Call(Tensor, bool)"/>.</param>
    /// <param name="into">A buffer of the output's shape whose contents may be overwritten, or null for a new tensor.
    /// Ignored while autograd records (it needs fresh tensors).</param>
    /// <exception cref="InvalidOperationException">The layer is not built.</exception>
    /// <exception cref="ArgumentException">The input's last axis is not input_dim, or <paramref name="into"/> has another shape.</exception>
    public Tensor Call(Tensor inputs, bool training, Tensor? into)
    {
        var linear = CallLinear(inputs, into);
        return is_grad_enabled() ? ActivationFunctions.Apply(linear, Activation) : ActivationFunctions.ApplyInPlace(linear, Activation);
    }

    /// <summary>
    /// <c>inputs @ kernel + bias</c>, before the activation: generated training steps pass this to a
    /// loss with <c>fromLogits: true</c> to fuse softmax or sigmoid with the cross-entropy.
    /// </summary>
    /// <param name="inputs">A tensor of shape <c>(batch, ..., input_dim)</c>.</param>
    /// <param name="into">A buffer of the output's shape to write the result into (a generated step's
    /// memory plan), or null for a new tensor. Ignored while autograd records (it needs fresh tensors).</param>
    /// <exception cref="InvalidOperationException">The layer is not built.</exception>
    /// <exception cref="ArgumentException">The input's last axis is not input_dim, or <paramref name="into"/> has another shape.</exception>
    public Tensor CallLinear(Tensor inputs, Tensor? into = null)
    {
        var weights = kernel ?? throw new InvalidOperationException(
            $"{Describe()} has no weights yet: call Build(inputShape) first (generated model constructors do).");
        var inputDim = builtInputDim;
        if (into is not null && !is_grad_enabled())
        {
            return LinearInto(inputs, weights, into);
        }

        if (FewUnitsManyRows(inputs))
        {
            return LinearFewUnits(inputs);
        }

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

    // The linear part written into a planned buffer, as libtorch's addmm computes it: the bias
    // broadcast into the result, then the product added (beta 1), so the values are the same bits
    // as the allocating path; without a bias, beta 0 ignores the buffer's stale contents.
    private Tensor LinearInto(Tensor inputs, Tensor weights, Tensor into)
    {
        var rank = inputs.dim();
        if (into.dim() != rank || into.size(0) != inputs.size(0) || into.size(-1) != Units || inputs.size(-1) != builtInputDim)
        {
            throw new ArgumentException(
                $"{Describe()}: the 'into' buffer has shape {ShapeText.Of(into.shape)}, expected the output's shape for inputs of shape {ShapeText.Of(inputs.shape)}.",
                nameof(into));
        }

        var (flatInputs, flatInto) = rank == 2 ? (inputs, into) : (inputs.reshape(-1, builtInputDim), into.view(-1, Units));
        if (bias is null)
        {
            flatInto.addmm_(flatInputs, weights, beta: 0, alpha: 1);
        }
        else
        {
            flatInto.copy_(bias).addmm_(flatInputs, weights, beta: 1, alpha: 1);
        }

        return into;
    }

    /// <summary>
    /// The explicit backward of <see cref="Call(Tensor, bool)"/>: returns dL/dinputs and adds the kernel's and the
    /// bias' gradients to their <c>.grad</c> in place (shared layers sum). Builds no autograd graph.
    /// </summary>
    /// <param name="gradOutput">dL/doutput, of the output's shape.</param>
    /// <param name="input">The input the forward call received.</param>
    /// <param name="output">What the forward call returned (its activation's output).</param>
    /// <param name="into">A buffer of the input's shape to write dL/dinputs into, or null for a new tensor.</param>
    /// <param name="scratch">A buffer of the output's shape for dL/d(inputs @ kernel + bias), the activation's gradient
    /// (a generated step's memory plan), or null for a new tensor. Honoured for relu, sigmoid and tanh on contiguous
    /// float32 or float64 CPU tensors without autograd; its contents may be overwritten.</param>
    /// <exception cref="InvalidOperationException">The layer is not built, or a weight has no gradient buffer (call <c>ZeroGradients</c> first).</exception>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null, Tensor? scratch = null) =>
        BackwardLinear(GradLinear(gradOutput, input, output, scratch), input, into);

    /// <summary>
    /// <see cref="Backward"/> for a call whose input needs no gradient (a model input): only the
    /// kernel's and the bias' gradients are added.
    /// </summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="input">The input the forward call received.</param>
    /// <param name="output">What the forward call returned.</param>
    /// <param name="scratch">A buffer of the output's shape for the activation's gradient, as <see cref="Backward"/> takes it, or null.</param>
    public void BackwardWeights(Tensor gradOutput, Tensor input, Tensor output, Tensor? scratch = null) =>
        BackwardLinearWeights(GradLinear(gradOutput, input, output, scratch), input);

    /// <summary>
    /// The backward of <see cref="CallLinear"/> (the layer before its activation, whose gradient a
    /// fused softmax/sigmoid cross-entropy gives): returns dL/dinputs, adds the weights' gradients.
    /// </summary>
    /// <param name="gradLinear">dL/d(inputs @ kernel + bias).</param>
    /// <param name="input">The input the forward call received.</param>
    /// <param name="into">A buffer of the input's shape to write dL/dinputs into, or null for a new tensor.</param>
    public Tensor BackwardLinear(Tensor gradLinear, Tensor input, Tensor? into = null)
    {
        var (gradient, flat) = Flat(gradLinear, input);
        AccumulateWeightGradients(gradient, flat);
        var weights = kernel!;
        var kernelT = is_grad_enabled() ? weights.t() : TransposedViews.Of(weights);
        if (into is null)
        {
            var gradInput = gradient.mm(kernelT);
            return input.dim() == 2 ? gradInput : gradInput.reshape(input.shape);
        }

        // beta 0: addmm_ ignores the buffer's old values, so it is written, not accumulated.
        (into.dim() == 2 ? into : into.view(-1, weights.shape[0])).addmm_(gradient, kernelT, beta: 0, alpha: 1);
        return into;
    }

    /// <summary><see cref="BackwardLinear"/> for a call whose input needs no gradient: only the weights' gradients are added.</summary>
    /// <param name="gradLinear">dL/d(inputs @ kernel + bias).</param>
    /// <param name="input">The input the forward call received.</param>
    public void BackwardLinearWeights(Tensor gradLinear, Tensor input)
    {
        var (gradient, flat) = Flat(gradLinear, input);
        AccumulateWeightGradients(gradient, flat);
    }

    // In inference mode on the CPU, a layer of few units (fewer than a 512-bit vector of floats)
    // over many rows avoids libtorch's slow paths for a short last axis: it computes the transposed
    // product, (units, rows) = kernelᵀ @ inputsᵀ + bias, with kernelᵀ a (units, input_dim) copy made
    // once per Predict or Evaluate call (Inference/InferenceWeights.cs; per call outside them, 1,280
    // floats for 10 units), and its softmax runs over the first axis of those transposed logits,
    // written into a buffer padded with zero columns to whole vectors so that every row takes the same
    // vector code whatever the batch size. Measured with one libtorch thread on this project's AVX-512
    // machine, 10 units after 128: product and softmax in 10-12 us instead of 16 (32 rows) and 42 (128
    // rows) for libtorch's product and softmax over the last axis. Sums are grouped differently, so
    // such outputs can differ from the training-mode forward pass in the last bit. Training never
    // takes this path.
    private bool FewUnitsManyRows(Tensor inputs) =>
        Units < FewUnits && inputs.dim() == 2 && inputs.size(0) >= ManyRows && inputs.size(1) == builtInputDim
        && kernel is not null && inputs.device_type == TorchSharp.DeviceType.CPU && is_inference_mode_enabled();

    private const int FewUnits = 16;
    private const long ManyRows = 16;
    private const long SoftmaxColumns = 64;

    // inputs @ kernel + bias, (rows, units), contiguous, from the transposed product.
    private Tensor LinearFewUnits(Tensor inputs) => TransposedLinear(inputs, inputs.size(0)).t().contiguous();

    // The transposed product kernelᵀ @ inputsᵀ + bias written into the first rows columns of a new
    // (units, columns) buffer whose other columns are zeros; returns the buffer. The bias is copied in
    // first and the product added (beta 1), as libtorch's addmm computes it.
    private Tensor TransposedLinear(Tensor inputs, long columns)
    {
        var rows = inputs.size(0);
        var kernelT = InferenceWeights.Get(kernel!, static k => k.t().contiguous());
        var buffer = columns == rows ? empty(Units, rows, inputs.dtype) : zeros(Units, columns, inputs.dtype);
        var product = columns == rows ? buffer : buffer.narrow(1, 0, rows);
        if (bias is null)
        {
            product.addmm_(kernelT, inputs.t(), beta: 0, alpha: 1);
        }
        else
        {
            product.copy_(InferenceWeights.Get(bias, static b => b.unsqueeze(1))).addmm_(kernelT, inputs.t(), beta: 1, alpha: 1);
        }

        return buffer;
    }

    // Softmax over the units of inputs @ kernel + bias, (rows, units), contiguous: over the first axis
    // of the transposed logits, padded with zero columns to whole vectors.
    private Tensor SoftmaxAcrossRows(Tensor inputs)
    {
        var rows = inputs.size(0);
        var columns = (rows + SoftmaxColumns - 1) / SoftmaxColumns * SoftmaxColumns;
        return TransposedLinear(inputs, columns).softmax(0).narrow(1, 0, rows).t().contiguous();
    }

    // The activation's backward; gelu and silu are not functions of their output, so their input
    // (the linear part) is recomputed: one matmul, cheaper than keeping it from every forward call.
    // Relu, sigmoid and tanh on CPU go into the step's scratch buffer in one C# pass (CpuPasses), the
    // same arithmetic as ActivationGradients' kernels without their new tensors.
    private Tensor GradLinear(Tensor gradOutput, Tensor input, Tensor output, Tensor? scratch)
    {
        if (scratch is not null && !is_grad_enabled() && CpuPasses.ActivationBackward(gradOutput, output, Activation, scratch))
        {
            return scratch;
        }

        return ActivationGradients.Backward(gradOutput, ActivationGradients.NeedsInput(Activation) ? CallLinear(input) : null, output, Activation);
    }

    private (Tensor Gradient, Tensor Input) Flat(Tensor gradLinear, Tensor input)
    {
        if (kernel is null)
        {
            throw new InvalidOperationException($"{Describe()} has no weights yet: call Build(inputShape) first (generated model constructors do).");
        }

        return input.dim() == 2 ? (gradLinear, input) : (gradLinear.reshape(-1, Units), input.reshape(-1, builtInputDim));
    }

    // kernel.grad += input^T @ gradient; bias.grad += sum over rows of gradient. Without autograd, the
    // transposed views of the planned buffers, the weights and their gradient views are made once
    // (TransposedViews): when the input is new each step (a batch's flatten view) but the gradient is a
    // planned buffer, the same product is written as kernel.gradᵀ += gradientᵀ @ input. The bias'
    // column sums go straight into its gradient on CPU (CpuPasses).
    private void AccumulateWeightGradients(Tensor gradient, Tensor input)
    {
        if (GradientBuffers.Of(kernel) is { } kernelGrad)
        {
            var planned = !is_grad_enabled();
            if (planned && TransposedViews.Find(input) is { } inputT)
            {
                kernelGrad.addmm_(inputT, gradient, beta: 1, alpha: 1);
            }
            else if (planned && TransposedViews.Find(gradient) is { } gradientT && TransposedViews.Find(kernelGrad) is { } kernelGradT)
            {
                kernelGradT.addmm_(gradientT, input, beta: 1, alpha: 1);
            }
            else
            {
                kernelGrad.addmm_(input.t(), gradient, beta: 1, alpha: 1);
            }
        }

        if (GradientBuffers.Of(bias) is { } biasGrad && !CpuPasses.AddColumnSums(gradient, biasGrad))
        {
            biasGrad.add_(gradient.sum(dim: 0L));
        }
    }

    private string Describe() => $"Dense(units={Units})";

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["units"] = Units;
        config["activation"] = KerasValues.Name(Activation);
        config["use_bias"] = UseBias;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        var y = graph.Node("MatMul", [input, graph.Initializer("kernel", Kernel!)]);
        if (Bias is { } b)
        {
            y = graph.Node("Add", [y, graph.Initializer("bias", b)]);
        }

        return OnnxActivations.Apply(graph, y, Activation);
    }
}
