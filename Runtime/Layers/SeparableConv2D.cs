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
/// new sizes as <see cref="Conv2D"/>.
/// </summary>
/// <remarks>
/// Weights, as Keras names and lays them out: <c>depthwise_kernel</c> <c>(kh, kw, channels, depthMultiplier)</c>
/// and <c>pointwise_kernel</c> <c>(1, 1, channels · depthMultiplier, filters)</c>, both glorot_uniform;
/// <c>bias</c> <c>(filters)</c>, zeros, added after the pointwise step. Strides, padding and dilation
/// apply to the depthwise step; strides and dilation above 1 may be combined, as Keras 3 allows.
/// </remarks>
public sealed class SeparableConv2D : Layer
{
    private const string Layout = "(batch, height, width, channels)";
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
        Constraint? biasConstraint = null)
        : base(nameof(SeparableConv2D))
    {
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

    /// <summary>Creates the kernels and bias for an input <c>(height, width, channels)</c>; channels must be known.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(nameof(SeparableConv2D), inputShape, 3, Layout);
        long channels = LayerChecks.Known(nameof(SeparableConv2D), inputShape, 2, "channels");
        window.CheckSpatial(inputShape);
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

        LayerChecks.Size(nameof(SeparableConv2D), inputs, 3, DepthwiseKernel.shape[2], "channels");
        window.CheckSpatial(LayerChecks.WithoutBatch(inputs));
        var depthwise = DepthwiseConvolution.ChannelsFirst(inputs, DepthwiseKernel, window);
        // (1, 1, c·m, filters) -> TorchSharp's (filters, c·m, 1, 1).
        var y = nn.functional.conv2d(depthwise, PointwiseKernel.permute(3, 2, 0, 1), Bias);
        return ActivationFunctions.Apply(y.permute(0, 2, 3, 1), Activation);
    }

    /// <summary>Keras' <c>get_config()</c> entries (the initializers and regularizers are added by the writer).</summary>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        KerasValues.DepthwiseConvolution(config, DepthMultiplier, Filters, window, Activation, UseBias);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => Export.Onnx.OnnxWindows.HasForm(window.Strides, window.Dilation, window.Padding);

    /// <inheritdoc/>
    internal override string ExportOnnx(Export.Onnx.OnnxGraph graph, string input) =>
        Export.Onnx.OnnxActivations.Apply(graph, graph.ChannelsFirst(input, 2, x =>
        {
            // The depthwise step (group = channels), then the pointwise 1x1 Conv with the bias: (1, 1, c·m, filters) -> (filters, c·m, 1, 1).
            var depthwise = DepthwiseConvolution.ExportOnnx(graph, x, DepthwiseKernel, window, "depthwise_kernel");
            var pointwise = graph.Initializer("pointwise_kernel", PointwiseKernel.permute(3, 2, 0, 1));
            return graph.Node("Conv", Bias is { } b ? [depthwise, pointwise, graph.Initializer("bias", b)] : [depthwise, pointwise]);
        }), Activation);
}
