using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>SeparableConv2D</c>: a depthwise convolution (each input channel on its own, with
/// <c>depthMultiplier</c> filters) followed by a 1×1 pointwise convolution to <c>filters</c> channels.
/// Input <c>(batch, height, width, channels)</c>; output <c>(batch, new_height, new_width, filters)</c>,
/// new sizes as <see cref="Conv2D"/>; <c>(batch, channels, height, width)</c> in and
/// <c>(batch, filters, new_height, new_width)</c> out with <see cref="DataFormat.ChannelsFirst"/>.
/// </summary>
/// <remarks>
/// Weights, as Keras names and lays them out: <c>depthwise_kernel</c> <c>(kh, kw, channels, depthMultiplier)</c>
/// and <c>pointwise_kernel</c> <c>(1, 1, channels · depthMultiplier, filters)</c>, both glorot_uniform;
/// <c>bias</c> <c>(filters)</c>, zeros, added after the pointwise step. Strides, padding and dilation
/// apply to the depthwise step; strides and dilation above 1 may be combined, as Keras 3 allows.
/// </remarks>
public sealed class SeparableConv2D : Layer
{
    private readonly WindowSpec window;
    private bool built;

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="filters">The number of output channels.</param>
    /// <param name="kernelSize">The depthwise window (height, width); one number for both.</param>
    /// <param name="activation">Applied to the output; <see cref="Activation.Linear"/> by default.</param>
    /// <param name="strides">The depthwise step (height, width); (1, 1) by default.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> (default) or <see cref="Padding.Same"/>.</param>
    /// <param name="dilationRate">The depthwise dilation (height, width); (1, 1) by default.</param>
    /// <param name="depthMultiplier">Keras' <c>depth_multiplier</c>: depthwise channels per input channel; 1 by default.</param>
    /// <param name="useBias">Whether the layer adds a bias.</param>
    /// <param name="depthwiseInitializer">Keras' <c>depthwise_initializer</c>; glorot_uniform by default.</param>
    /// <param name="pointwiseInitializer">Keras' <c>pointwise_initializer</c>; glorot_uniform by default.</param>
    /// <param name="biasInitializer">Keras' <c>bias_initializer</c>; zeros by default.</param>
    /// <param name="depthwiseRegularizer">Keras' <c>depthwise_regularizer</c>; none by default.</param>
    /// <param name="pointwiseRegularizer">Keras' <c>pointwise_regularizer</c>; none by default.</param>
    /// <param name="biasRegularizer">Keras' <c>bias_regularizer</c>; none by default.</param>
    /// <param name="activityRegularizer">Keras' <c>activity_regularizer</c>: a penalty on the output, divided by the batch size; none by default.</param>
    /// <param name="depthwiseConstraint">Keras' <c>depthwise_constraint</c>, applied after every optimizer step; none by default.</param>
    /// <param name="pointwiseConstraint">Keras' <c>pointwise_constraint</c>; none by default.</param>
    /// <param name="biasConstraint">Keras' <c>bias_constraint</c>; none by default.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/> for <c>(batch, channels, height, width)</c>.</param>
    public SeparableConv2D(
        int filters,
        Size2D kernelSize,
        Activation activation = Activation.Linear,
        Size2D? strides = null,
        Padding padding = Padding.Valid,
        Size2D? dilationRate = null,
        int depthMultiplier = 1,
        bool useBias = true,
        Initializer depthwiseInitializer = Initializer.GlorotUniform,
        Initializer pointwiseInitializer = Initializer.GlorotUniform,
        Initializer biasInitializer = Initializer.Zeros,
        Regularizer? depthwiseRegularizer = null,
        Regularizer? pointwiseRegularizer = null,
        Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null,
        Constraint? depthwiseConstraint = null,
        Constraint? pointwiseConstraint = null,
        Constraint? biasConstraint = null,
        DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(SeparableConv2D))
    {
        Platform.OneDnnConvolutionCheck.EnsureChecked();   // before any convolution runs: oneDNN is wrong on some CPUs
        DataFormats.Defined(nameof(SeparableConv2D), dataFormat);
        DataFormat = dataFormat;
        Regularize(activityRegularizer, ("depthwise_kernel", depthwiseRegularizer), ("pointwise_kernel", pointwiseRegularizer), ("bias", biasRegularizer));
        Constrain(("depthwise_kernel", depthwiseConstraint), ("pointwise_kernel", pointwiseConstraint), ("bias", biasConstraint));
        (DepthwiseInitializer, PointwiseInitializer, BiasInitializer) = (depthwiseInitializer, pointwiseInitializer, biasInitializer);
        _ = (WeightInitializers.For(depthwiseInitializer), WeightInitializers.For(pointwiseInitializer), WeightInitializers.For(biasInitializer));
        LayerChecks.Positive(nameof(SeparableConv2D), nameof(filters), filters);
        LayerChecks.Positive(nameof(SeparableConv2D), nameof(depthMultiplier), depthMultiplier);
        LayerChecks.Defined(nameof(SeparableConv2D), nameof(activation), activation);
        Filters = filters;
        KernelSize = kernelSize;
        Strides = strides ?? 1;
        DilationRate = dilationRate ?? 1;
        DepthMultiplier = depthMultiplier;
        Activation = activation;
        UseBias = useBias;
        window = WindowSpec.Create(
            nameof(SeparableConv2D), nameof(kernelSize), [kernelSize.Height, kernelSize.Width], [Strides.Height, Strides.Width],
            [DilationRate.Height, DilationRate.Width], padding, allowCausal: false, allowStridesWithDilation: true);
    }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    private string Layout => DataFormats.Layout(DataFormat, "height", "width");

    /// <summary>How the depthwise kernel is initialized (Keras' <c>depthwise_initializer</c>, glorot_uniform by default).</summary>
    public Initializer DepthwiseInitializer { get; }

    /// <summary>How the pointwise kernel is initialized (Keras' <c>pointwise_initializer</c>, glorot_uniform by default).</summary>
    public Initializer PointwiseInitializer { get; }

    /// <summary>How the bias is initialized (Keras' <c>bias_initializer</c>, zeros by default).</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The depthwise window size.</summary>
    public Size2D KernelSize { get; }

    /// <summary>The depthwise step size.</summary>
    public Size2D Strides { get; }

    /// <summary>The padding mode.</summary>
    public Padding Padding => window.Padding;

    /// <summary>The depthwise dilation.</summary>
    public Size2D DilationRate { get; }

    /// <summary>Depthwise channels per input channel.</summary>
    public int DepthMultiplier { get; }

    /// <summary>The activation applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>The depthwise kernel <c>(kh, kw, channels, depthMultiplier)</c>.</summary>
    public Parameter DepthwiseKernel => LayerWeights.Get(this, "depthwise_kernel");

    /// <summary>The pointwise kernel <c>(1, 1, channels · depthMultiplier, filters)</c>.</summary>
    public Parameter PointwiseKernel => LayerWeights.Get(this, "pointwise_kernel");

    /// <summary>The bias <c>(filters)</c>, or null when <see cref="UseBias"/> is false.</summary>
    public Parameter? Bias => LayerWeights.Find(this, "bias");

    /// <summary>Creates the kernels and bias for an input <c>(height, width, channels)</c> (<c>(channels, height, width)</c> channels first); channels must be known.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(nameof(SeparableConv2D), inputShape, 3, Layout);
        long channels = LayerChecks.Known(nameof(SeparableConv2D), inputShape, DataFormats.ChannelAxis(DataFormat, 3), "channels");
        window.CheckSpatial(inputShape, DataFormat);
        LayerWeights.Add(
            this, "depthwise_kernel", [KernelSize.Height, KernelSize.Width, channels, DepthMultiplier], WeightInitializers.For(DepthwiseInitializer));
        LayerWeights.Add(this, "pointwise_kernel", [1, 1, channels * DepthMultiplier, Filters], WeightInitializers.For(PointwiseInitializer));
        if (UseBias)
        {
            LayerWeights.Add(this, "bias", [Filters], WeightInitializers.For(BiasInitializer));
        }

        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(nameof(SeparableConv2D), inputs, 4, Layout);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        LayerChecks.Size(nameof(SeparableConv2D), inputs, 1 + DataFormats.ChannelAxis(DataFormat, 3), DepthwiseKernel.shape[2], "channels");
        window.CheckSpatial(LayerChecks.WithoutBatch(inputs), DataFormat);
        var depthwise = DepthwiseConvolution.ChannelsFirst(inputs, DepthwiseKernel, window, DataFormat);
        return ActivationFunctions.Apply(DataFormats.FromChannelsFirst(Pointwise(depthwise), DataFormat), Activation);
    }

    // The 1x1 step on the channels-first depthwise result: (1, 1, c·m, filters) -> TorchSharp's (filters, c·m, 1, 1).
    private Tensor Pointwise(Tensor depthwise) => nn.functional.conv2d(depthwise, PointwiseKernel.permute(3, 2, 0, 1), Bias);

    /// <summary>
    /// The backward pass of <see cref="Call"/>: returns dL/dinputs in the input's layout (written into
    /// <paramref name="into"/> when given) and adds dL/d of both kernels and of the bias into the weights'
    /// <c>.grad</c> in place. Builds no autograd graph; the depthwise step runs again (the pointwise
    /// kernel's gradient reads its result).
    /// </summary>
    /// <param name="gradOutput">dL/doutput, laid out as the output.</param>
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
        var padded = DepthwiseConvolution.Padded(input, window, DataFormat);
        var depthwise = DepthwiseConvolution.OnPadded(padded, DepthwiseKernel, window);   // (batch, c·m, h', w')
        var preActivation = ActivationGradients.NeedsInput(Activation) ? DataFormats.FromChannelsFirst(Pointwise(depthwise), DataFormat) : null;
        var gz = DataFormats.ToChannelsFirst(ActivationGradients.Backward(gradOutput, preActivation, output, Activation), DataFormat);   // (batch, filters, h', w')
        GradientBuffers.Accumulate(Bias, gz.sum([0, 2, 3]));
        // The pointwise step is a matrix product per cell: y[f] = sum_j d[j] P[j, f].
        var pointwise = PointwiseKernel.reshape(PointwiseKernel.shape[2], Filters);
        GradientBuffers.Accumulate(PointwiseKernel, einsum("njhw,nfhw->jf", depthwise, gz).reshape(PointwiseKernel.shape));
        var gradDepthwise = einsum("nfhw,jf->njhw", gz, pointwise);
        var start = 1 + DataFormats.SpatialStart(DataFormat);
        return DepthwiseConvolution.Backward(padded, DepthwiseKernel, gradDepthwise, window, [input.shape[start], input.shape[start + 1]], DataFormat, inputGradient);
    }

    /// <summary>Keras' <c>get_config()</c> entries (the initializers and regularizers are added by the writer).</summary>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        KerasValues.DepthwiseConvolution(config, DepthMultiplier, Filters, window, Activation, UseBias, DataFormat);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => Export.Onnx.OnnxWindows.HasForm(window.Strides, window.Dilation, window.Padding);

    /// <inheritdoc/>
    internal override string ExportOnnx(Export.Onnx.OnnxGraph graph, string input) =>
        Export.Onnx.OnnxActivations.Apply(graph, graph.ChannelsFirst(input, 2, DataFormat, x =>
        {
            // The depthwise step (group = channels), then the pointwise 1x1 Conv with the bias: (1, 1, c·m, filters) -> (filters, c·m, 1, 1).
            var depthwise = DepthwiseConvolution.ExportOnnx(graph, x, DepthwiseKernel, window, "depthwise_kernel");
            var pointwise = graph.Initializer("pointwise_kernel", PointwiseKernel.permute(3, 2, 0, 1));
            return graph.Node("Conv", Bias is { } b ? [depthwise, pointwise, graph.Initializer("bias", b)] : [depthwise, pointwise]);
        }), Activation);
}
