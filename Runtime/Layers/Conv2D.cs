using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Conv2D</c>: a 2-D convolution over channels-last images.
/// Input <c>(batch, height, width, channels)</c>; output <c>(batch, new_height, new_width, filters)</c>
/// with new sizes <c>floor((n - (k - 1) d - 1) / s) + 1</c> for "valid" and <c>ceil(n / s)</c> for "same".
/// </summary>
/// <remarks>
/// Weights: <c>kernel</c> <c>(kh, kw, channels / groups, filters)</c>, glorot_uniform; <c>bias</c>
/// <c>(filters)</c>, zeros. "same" pads as TensorFlow does (the odd cell at the bottom/right), then
/// runs a "valid" convolution. The activation comes third, so the common
/// <c>new Conv2D(32, 3, Activation.Relu)</c> reads naturally; pass the rest by name as in Keras.
/// </remarks>
public sealed class Conv2D : Layer
{
    private readonly WindowSpec window;
    private bool built;

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="filters">The number of output channels.</param>
    /// <param name="kernelSize">The window (height, width); one number for both.</param>
    /// <param name="activation">Applied to the output; <see cref="Activation.Linear"/> by default.</param>
    /// <param name="strides">The step (height, width); (1, 1) by default.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> (default) or <see cref="Padding.Same"/>.</param>
    /// <param name="dilationRate">The dilation (height, width); (1, 1) by default. Above 1 needs strides 1.</param>
    /// <param name="groups">Splits channels into this many independent groups; must divide filters and input channels.</param>
    /// <param name="useBias">Whether the layer adds a bias.</param>
    /// <param name="kernelInitializer">Keras' <c>kernel_initializer</c>; glorot_uniform by default.</param>
    /// <param name="biasInitializer">Keras' <c>bias_initializer</c>; zeros by default.</param>
    /// <param name="kernelRegularizer">Keras' <c>kernel_regularizer</c>: a penalty on the kernel added to the loss; none by default.</param>
    /// <param name="biasRegularizer">Keras' <c>bias_regularizer</c>; none by default.</param>
    /// <param name="activityRegularizer">Keras' <c>activity_regularizer</c>: a penalty on the output, divided by the batch size; none by default.</param>
    /// <param name="kernelConstraint">Keras' <c>kernel_constraint</c>: a projection of the kernel after every optimizer step; none by default.</param>
    /// <param name="biasConstraint">Keras' <c>bias_constraint</c>; none by default.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/> for <c>(batch, channels, height, width)</c>.</param>
    public Conv2D(
        int filters,
        Size2D kernelSize,
        Activation activation = Activation.Linear,
        Size2D? strides = null,
        Padding padding = Padding.Valid,
        Size2D? dilationRate = null,
        int groups = 1,
        bool useBias = true,
        Initializer kernelInitializer = Initializer.GlorotUniform,
        Initializer biasInitializer = Initializer.Zeros,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null,
        Constraint? biasConstraint = null,
        DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(Conv2D))
    {
        Platform.OneDnnConvolutionCheck.EnsureChecked();   // before any convolution runs: oneDNN is wrong on some CPUs
        DataFormats.Defined(nameof(Conv2D), dataFormat);
        DataFormat = dataFormat;
        Regularize(activityRegularizer, ("kernel", kernelRegularizer), ("bias", biasRegularizer));
        Constrain(("kernel", kernelConstraint), ("bias", biasConstraint));
        (KernelInitializer, BiasInitializer) = (kernelInitializer, biasInitializer);
        _ = (WeightInitializers.For(kernelInitializer), WeightInitializers.For(biasInitializer));   // an undefined member throws here, naming the valid ones
        Filters = filters;
        KernelSize = kernelSize;
        Strides = strides ?? 1;
        DilationRate = dilationRate ?? 1;
        Groups = groups;
        Activation = activation;
        UseBias = useBias;
        ConvChecks.FiltersAndGroups(nameof(Conv2D), filters, groups);
        LayerChecks.Defined(nameof(Conv2D), nameof(activation), activation);
        window = WindowSpec.Create(
            nameof(Conv2D), nameof(kernelSize), [kernelSize.Height, kernelSize.Width], [Strides.Height, Strides.Width],
            [DilationRate.Height, DilationRate.Width], padding, allowCausal: false);
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

    /// <summary>The window size.</summary>
    public Size2D KernelSize { get; }

    /// <summary>The step size.</summary>
    public Size2D Strides { get; }

    /// <summary>The padding mode.</summary>
    public Padding Padding => window.Padding;

    /// <summary>The dilation.</summary>
    public Size2D DilationRate { get; }

    /// <summary>The number of channel groups.</summary>
    public int Groups { get; }

    /// <summary>The activation applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>The kernel <c>(kh, kw, channels / groups, filters)</c>.</summary>
    public Parameter Kernel => LayerWeights.Get(this, "kernel");

    /// <summary>The bias <c>(filters)</c>, or null when <see cref="UseBias"/> is false.</summary>
    public Parameter? Bias => LayerWeights.Find(this, "bias");

    /// <summary>Creates <c>kernel</c> and <c>bias</c> for an input <c>(height, width, channels)</c> (<c>(channels, height, width)</c> channels first); channels must be known.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(nameof(Conv2D), inputShape, 3, Layout);
        long channels = LayerChecks.Known(nameof(Conv2D), inputShape, DataFormats.ChannelAxis(DataFormat, 3), "channels");
        ConvChecks.ChannelsDivisible(nameof(Conv2D), channels, Groups, inputShape);
        window.CheckSpatial(inputShape, DataFormat);
        LayerWeights.Add(this, "kernel", [KernelSize.Height, KernelSize.Width, channels / Groups, Filters], WeightInitializers.For(KernelInitializer));
        if (UseBias)
        {
            LayerWeights.Add(this, "bias", [Filters], WeightInitializers.For(BiasInitializer));
        }

        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(nameof(Conv2D), inputs, 4, Layout);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        var kernel = Kernel;
        LayerChecks.Size(nameof(Conv2D), inputs, 1 + DataFormats.ChannelAxis(DataFormat, 3), kernel.shape[2] * Groups, "channels");
        window.CheckSpatial(LayerChecks.WithoutBatch(inputs), DataFormat);

        var x = window.PadChannelsFirst(DataFormats.ToChannelsFirst(inputs, DataFormat));
        // (kh, kw, in/g, filters) -> TorchSharp's (filters, in/g, kh, kw)
        var y = nn.functional.conv2d(
            x, kernel.permute(3, 2, 0, 1), Bias, strides: window.Strides, padding: [0, 0], dilation: window.Dilation, groups: Groups);
        return ActivationFunctions.Apply(DataFormats.FromChannelsFirst(y, DataFormat), Activation);
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
        var x = window.PadChannelsFirst(DataFormats.ToChannelsFirst(input, DataFormat));
        // gelu and silu read the pre-activation: the convolution runs again for them only.
        var preActivation = ActivationGradients.NeedsInput(Activation)
            ? nn.functional.conv2d(x, kernel, Bias, strides: window.Strides, padding: [0, 0], dilation: window.Dilation, groups: Groups)
            : null;
        preActivation = preActivation is null ? null : DataFormats.FromChannelsFirst(preActivation, DataFormat);
        var gz = ActivationGradients.Backward(gradOutput, preActivation, output, Activation);
        var (dx, dw) = ConvolutionGradients.Backward(x, kernel, DataFormats.ToChannelsFirst(gz, DataFormat), window.Strides, window.Dilation, Groups, inputGradient);
        GradientBuffers.Accumulate(Kernel, dw.permute(2, 3, 1, 0));
        GradientBuffers.Accumulate(Bias, DataFormat == DataFormat.ChannelsFirst ? gz.sum([0, 2, 3]) : gz.sum([0, 1, 2]));
        var spatial = DataFormat == DataFormat.ChannelsFirst ? new[] { input.shape[2], input.shape[3] } : [input.shape[1], input.shape[2]];
        return dx is null ? null : DataFormats.FromChannelsFirst(window.CropChannelsFirst(dx, spatial), DataFormat);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        KerasValues.Convolution(config, Filters, window, Groups, Activation, UseBias, DataFormat);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // Keras kernel (kh, kw, in/groups, out) -> ONNX (out, in/groups, kh, kw).
        return OnnxActivations.Apply(graph, graph.ChannelsFirst(input, 2, DataFormat, x => graph.Node("Conv",
            Bias is { } b ? [x, graph.Initializer("kernel", Kernel.permute(3, 2, 0, 1)), graph.Initializer("bias", b)] : [x, graph.Initializer("kernel", Kernel.permute(3, 2, 0, 1))],
            [.. OnnxWindows.Attributes([KernelSize.Height, KernelSize.Width], [Strides.Height, Strides.Width], [DilationRate.Height, DilationRate.Width], Padding),
             OnnxAttribute.Int("group", Groups)])), Activation);
    }
}
