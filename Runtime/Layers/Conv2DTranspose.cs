using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Conv2DTranspose</c> (a "deconvolution"): the adjoint of <see cref="Conv2D"/>, used to
/// upsample channels-last images. Input <c>(batch, height, width, channels)</c>; output
/// <c>(batch, new_height, new_width, filters)</c> with Keras' arithmetic per axis (k dilated):
/// "valid" <c>n s + max(k - s, 0)</c>, "same" <c>n s</c>, and with an output padding p
/// <c>(n - 1) s + k - 2 pad + p</c> where pad is <c>k / 2</c> for "same" and 0 for "valid".
/// </summary>
/// <remarks>
/// Weights: <c>kernel</c> <c>(kh, kw, filters, channels)</c> (Keras' transposed layout),
/// glorot_uniform; <c>bias</c> <c>(filters)</c>, zeros. Cropping follows TensorFlow: the full
/// transposed convolution is cut by <c>floor(P / 2)</c> cells at the start (P the padding the
/// matching forward convolution would use), and filled with zeros past its end.
/// </remarks>
public sealed class Conv2DTranspose : Layer
{
    private readonly WindowSpec window;
    private bool built;

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="filters">The number of output channels.</param>
    /// <param name="kernelSize">The window (height, width); one number for both.</param>
    /// <param name="activation">Applied to the output; <see cref="Activation.Linear"/> by default.</param>
    /// <param name="strides">The upsampling step (height, width); (1, 1) by default.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> (default) or <see cref="Padding.Same"/>.</param>
    /// <param name="outputPadding">Extra cells per axis (each below its stride); null (default) lets Keras infer the size.</param>
    /// <param name="dilationRate">The dilation (height, width); (1, 1) by default. Above 1 needs strides 1.</param>
    /// <param name="useBias">Whether the layer adds a bias.</param>
    /// <param name="kernelInitializer">Keras' <c>kernel_initializer</c>; glorot_uniform by default.</param>
    /// <param name="biasInitializer">Keras' <c>bias_initializer</c>; zeros by default.</param>
    /// <param name="kernelRegularizer">Keras' <c>kernel_regularizer</c>: a penalty on the kernel added to the loss; none by default.</param>
    /// <param name="biasRegularizer">Keras' <c>bias_regularizer</c>; none by default.</param>
    /// <param name="activityRegularizer">Keras' <c>activity_regularizer</c>: a penalty on the output, divided by the batch size; none by default.</param>
    /// <param name="kernelConstraint">Keras' <c>kernel_constraint</c>: a projection of the kernel after every optimizer step; none by default.</param>
    /// <param name="biasConstraint">Keras' <c>bias_constraint</c>; none by default.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/> for <c>(batch, channels, height, width)</c>.</param>
    public Conv2DTranspose(
        int filters,
        Size2D kernelSize,
        Activation activation = Activation.Linear,
        Size2D? strides = null,
        Padding padding = Padding.Valid,
        Size2D? outputPadding = null,
        Size2D? dilationRate = null,
        bool useBias = true,
        Initializer kernelInitializer = Initializer.GlorotUniform,
        Initializer biasInitializer = Initializer.Zeros,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null,
        Constraint? biasConstraint = null,
        DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(Conv2DTranspose))
    {
        Platform.OneDnnConvolutionCheck.EnsureChecked();   // before any convolution runs: oneDNN is wrong on some CPUs
        Regularize(activityRegularizer, ("kernel", kernelRegularizer), ("bias", biasRegularizer));
        Constrain(("kernel", kernelConstraint), ("bias", biasConstraint));
        DataFormats.Defined(nameof(Conv2DTranspose), dataFormat);
        DataFormat = dataFormat;
        (KernelInitializer, BiasInitializer) = (kernelInitializer, biasInitializer);
        _ = (WeightInitializers.For(kernelInitializer), WeightInitializers.For(biasInitializer));   // an undefined member throws here, naming the valid ones
        Filters = filters;
        KernelSize = kernelSize;
        Strides = strides ?? 1;
        DilationRate = dilationRate ?? 1;
        OutputPadding = outputPadding;
        Activation = activation;
        UseBias = useBias;
        LayerChecks.Positive(nameof(Conv2DTranspose), nameof(filters), filters);
        LayerChecks.Defined(nameof(Conv2DTranspose), nameof(activation), activation);
        window = WindowSpec.Create(
            nameof(Conv2DTranspose), nameof(kernelSize), [kernelSize.Height, kernelSize.Width], [Strides.Height, Strides.Width],
            [DilationRate.Height, DilationRate.Width], padding, allowCausal: false);
        if (outputPadding is { } extra)
        {
            CheckOutputPadding(extra.Height, Strides.Height);
            CheckOutputPadding(extra.Width, Strides.Width);
        }
    }

    /// <summary>How the kernel is initialized (Keras' <c>kernel_initializer</c>, glorot_uniform by default).</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>How the bias is initialized (Keras' <c>bias_initializer</c>, zeros by default).</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    private string Layout => DataFormats.Layout(DataFormat, "height", "width");

    private int SpatialStart => DataFormats.SpatialStart(DataFormat);

    /// <summary>The window size.</summary>
    public Size2D KernelSize { get; }

    /// <summary>The upsampling step.</summary>
    public Size2D Strides { get; }

    /// <summary>The padding mode.</summary>
    public Padding Padding => window.Padding;

    /// <summary>The output padding, or null when Keras infers the output size.</summary>
    public Size2D? OutputPadding { get; }

    /// <summary>The dilation.</summary>
    public Size2D DilationRate { get; }

    /// <summary>The activation applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>The kernel <c>(kh, kw, filters, channels)</c>.</summary>
    public Parameter Kernel => LayerWeights.Get(this, "kernel");

    /// <summary>The bias <c>(filters)</c>, or null when <see cref="UseBias"/> is false.</summary>
    public Parameter? Bias => LayerWeights.Find(this, "bias");

    /// <summary>Keras' output length along one axis for an input length <paramref name="length"/> (-1 stays unknown).</summary>
    /// <param name="length">The input length, or -1.</param>
    /// <param name="axis">0 for height, 1 for width.</param>
    public long OutputLength(long length, int axis)
    {
        if (length < 0)
        {
            return -1;
        }

        long stride = window.Strides[axis];
        long kernel = ConvArithmetic.EffectiveSize(window.Kernel[axis], window.Dilation[axis]);
        if (OutputPadding is not { } extra)
        {
            return Padding == Padding.Valid ? length * stride + Math.Max(kernel - stride, 0) : length * stride;
        }

        long pad = Padding == Padding.Same ? kernel / 2 : 0;
        return (length - 1) * stride + kernel - 2 * pad + (axis == 0 ? extra.Height : extra.Width);
    }

    /// <summary>Creates <c>kernel</c> and <c>bias</c> for an input <c>(height, width, channels)</c>; channels must be known.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(nameof(Conv2DTranspose), inputShape, 3, Layout);
        long channels = LayerChecks.Known(nameof(Conv2DTranspose), inputShape, DataFormats.ChannelAxis(DataFormat, 3), "channels");
        CheckOutputSize(inputShape);
        LayerWeights.Add(this, "kernel", [KernelSize.Height, KernelSize.Width, Filters, channels], WeightInitializers.For(KernelInitializer));
        if (UseBias)
        {
            LayerWeights.Add(this, "bias", [Filters], WeightInitializers.For(BiasInitializer));
        }

        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(nameof(Conv2DTranspose), inputs, 4, Layout);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        var kernel = Kernel;
        LayerChecks.Size(nameof(Conv2DTranspose), inputs, 1 + DataFormats.ChannelAxis(DataFormat, 3), kernel.shape[3], "channels");
        CheckOutputSize(LayerChecks.WithoutBatch(inputs));

        // (kh, kw, filters, in) -> TorchSharp's (in, filters, kh, kw); the full result has (n - 1) s + k per axis.
        var full = nn.functional.conv_transpose2d(
            DataFormats.ToChannelsFirst(inputs, DataFormat), kernel.permute(3, 2, 0, 1), strides: window.Strides, dilation: window.Dilation);
        var (top, bottom) = Crop(full.shape[2], OutputLength(inputs.shape[1 + SpatialStart], 0));
        var (left, right) = Crop(full.shape[3], OutputLength(inputs.shape[2 + SpatialStart], 1));
        var y = DataFormats.FromChannelsFirst(nn.functional.pad(full, [-left, right, -top, bottom]), DataFormat);
        return ActivationFunctions.Apply(AddBias(y), Activation);
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: returns dL/dinputs <c>(batch, height, width, channels)</c>
    /// (written into <paramref name="into"/> when given) and adds dL/dkernel and dL/dbias into the
    /// weights' <c>.grad</c> in place. Builds no autograd graph.
    /// </summary>
    /// <param name="gradOutput">dL/doutput <c>(batch, new_height, new_width, filters)</c>.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned (the activation's derivative reads it).</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null) =>
        GradientBuffers.Into(BackwardCore(gradOutput, input, output, inputGradient: true)!, into);

    /// <summary>
    /// <see cref="Backward"/> without dL/dinputs, for a layer that reads a model input: only the
    /// weights' gradients are accumulated.
    /// </summary>
    public void BackwardWeights(Tensor gradOutput, Tensor input, Tensor output) =>
        BackwardCore(gradOutput, input, output, inputGradient: false);

    private Tensor? BackwardCore(Tensor gradOutput, Tensor input, Tensor output, bool inputGradient)
    {
        using var noGrad = no_grad();
        var kernel = Kernel.permute(3, 2, 0, 1);
        var x = DataFormats.ToChannelsFirst(input, DataFormat);
        long height = input.shape[1 + SpatialStart], width = input.shape[2 + SpatialStart];
        long fullHeight = (height - 1) * window.Strides[0] + ConvArithmetic.EffectiveSize(window.Kernel[0], window.Dilation[0]);
        long fullWidth = (width - 1) * window.Strides[1] + ConvArithmetic.EffectiveSize(window.Kernel[1], window.Dilation[1]);
        var (top, bottom) = Crop(fullHeight, OutputLength(height, 0));
        var (left, right) = Crop(fullWidth, OutputLength(width, 1));
        // gelu and silu read the pre-activation: the transposed convolution runs again for them only.
        Tensor? preActivation = null;
        if (ActivationGradients.NeedsInput(Activation))
        {
            var full = nn.functional.conv_transpose2d(x, kernel, strides: window.Strides, dilation: window.Dilation);
            preActivation = AddBias(DataFormats.FromChannelsFirst(nn.functional.pad(full, [-left, right, -top, bottom]), DataFormat));
        }

        var gz = ActivationGradients.Backward(gradOutput, preActivation, output, Activation);
        GradientBuffers.Accumulate(Bias, DataFormat == DataFormat.ChannelsFirst ? gz.sum([0, 2, 3]) : gz.sum([0, 1, 2]));

        // The forward cut (top, left) cells and added (bottom, right) zero cells: undo both on the gradient.
        var gFull = nn.functional.pad(DataFormats.ToChannelsFirst(gz, DataFormat), [left, -right, top, -bottom]);

        // conv_transpose2d(x, w) is the adjoint of conv2d(., w): dx = conv2d(g, w), and dw is conv2d's
        // weight gradient with g as its input and x as its output gradient.
        var (_, dw) = ConvolutionGradients.Backward(gFull, kernel, x, window.Strides, window.Dilation, 1, inputGradient: false);
        GradientBuffers.Accumulate(Kernel, dw.permute(2, 3, 1, 0));
        return inputGradient
            ? DataFormats.FromChannelsFirst(nn.functional.conv2d(gFull, kernel, strides: window.Strides, padding: [0, 0], dilation: window.Dilation), DataFormat)
            : null;
    }

    // The bias on the channel axis: last, or first after the batch.
    private Tensor AddBias(Tensor y) => Bias is not { } b ? y : DataFormat == DataFormat.ChannelsFirst ? y + b.view(-1, 1, 1) : y + b;

    /// <summary>Cells to cut at the start, and cells to add (negative: cut) at the end, to go from the full length to Keras' length.</summary>
    private (long Start, long End) Crop(long fullLength, long length)
    {
        long start = Padding == Padding.Same ? Math.Max(fullLength - length, 0) / 2 : 0;
        return (start, length - (fullLength - start));
    }

    private void CheckOutputSize(long[] inputShape)
    {
        for (int axis = 0; axis < 2; axis++)
        {
            long length = inputShape[SpatialStart + axis];
            if (length >= 0 && OutputLength(length, axis) < 1)
            {
                throw new ArgumentException(
                    $"Conv2DTranspose: input shape {LayerChecks.Describe(inputShape)} gives an empty output along " +
                    $"{(axis == 0 ? "height" : "width")} with outputPadding {OutputPadding}.", nameof(inputShape));
            }
        }
    }

    private static void CheckOutputPadding(int outputPadding, int stride)
    {
        if (outputPadding < 0 || outputPadding >= stride)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputPadding), outputPadding,
                $"Conv2DTranspose: each outputPadding must be zero or more and below its stride, found outputPadding {outputPadding} with strides {stride}.");
        }
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["filters"] = Filters;
        config["kernel_size"] = KerasValues.Pair(KernelSize);
        config["strides"] = KerasValues.Pair(Strides);
        config["padding"] = KerasValues.Name(Padding);
        config["output_padding"] = OutputPadding is { } extra ? KerasValues.Pair(extra) : null;
        config["data_format"] = DataFormats.KerasName(DataFormat);
        config["dilation_rate"] = KerasValues.Pair(DilationRate);
        config["activation"] = KerasValues.Name(Activation);
        config["use_bias"] = UseBias;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // ConvTranspose's full result has (n - 1) s + k cells per axis (k dilated); Keras' output
        // differs from it by a crop at the start (same padding) and a crop or zero cells at the end,
        // the same for every n. Crops are ONNX pads; cells added at the end are its output_padding.
        var pads = new long[4];
        var extra = new long[2];
        for (var axis = 0; axis < 2; axis++)
        {
            const long n = 16;
            var full = (n - 1) * window.Strides[axis] + ConvArithmetic.EffectiveSize(window.Kernel[axis], window.Dilation[axis]);
            var (start, end) = Crop(full, OutputLength(n, axis));
            pads[axis] = start;
            (pads[axis + 2], extra[axis]) = end >= 0 ? (0L, end) : (-end, 0L);   // Crop's end: cells to add (> 0) or cut (< 0)
        }

        // Keras kernel (kh, kw, filters, in) -> ONNX (in, filters, kh, kw).
        var kernel = graph.Initializer("kernel", Kernel.permute(3, 2, 0, 1));
        string[] inputs(string x) => Bias is { } b ? [x, kernel, graph.Initializer("bias", b)] : [x, kernel];
        return OnnxActivations.Apply(graph, graph.ChannelsFirst(input, 2, DataFormat, x => graph.Node("ConvTranspose", inputs(x),
            OnnxAttribute.Ints("kernel_shape", KernelSize.Height, KernelSize.Width),
            OnnxAttribute.Ints("strides", window.Strides),
            OnnxAttribute.Ints("dilations", window.Dilation),
            OnnxAttribute.Ints("pads", pads),
            OnnxAttribute.Ints("output_padding", extra))), Activation);
    }
}
