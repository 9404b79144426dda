using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>DepthwiseConv2D</c>: each input channel convolved on its own with <c>depthMultiplier</c>
/// filters. Input <c>(batch, height, width, channels)</c>; output
/// <c>(batch, new_height, new_width, channels · depthMultiplier)</c>, new sizes as <see cref="Conv2D"/>
/// (<c>floor((n - (k - 1) d - 1) / s) + 1</c> for "valid", <c>ceil(n / s)</c> for "same");
/// <c>(batch, channels, height, width)</c> in and <c>(batch, channels · depthMultiplier, new_height, new_width)</c>
/// out with <see cref="DataFormat.ChannelsFirst"/>.
/// </summary>
/// <remarks>
/// Weights, as Keras names and lays them out: <c>kernel</c> <c>(kh, kw, channels, depthMultiplier)</c>,
/// glorot_uniform (fans <c>kh·kw·channels</c> and <c>kh·kw·depthMultiplier</c>); <c>bias</c>
/// <c>(channels · depthMultiplier)</c>, zeros. Output channel <c>c · depthMultiplier + m</c> comes from
/// input channel <c>c</c> and <c>kernel[:, :, c, m]</c>. Runs as a TorchSharp convolution with
/// <c>groups = channels</c>. Unlike <see cref="Conv2D"/>, strides and dilation above 1 may be combined, as
/// Keras 3 allows for depthwise convolutions. The activation comes second, as in this library's other
/// convolutions; pass the rest by name.
/// </remarks>
public sealed class DepthwiseConv2D : Layer
{
    private readonly WindowSpec window;
    private bool built;

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="kernelSize">The window (height, width); one number for both.</param>
    /// <param name="activation">Applied to the output; <see cref="Activation.Linear"/> by default.</param>
    /// <param name="strides">The step (height, width); (1, 1) by default.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> (default) or <see cref="Padding.Same"/>.</param>
    /// <param name="depthMultiplier">Keras' <c>depth_multiplier</c>: output channels per input channel; 1 by default.</param>
    /// <param name="dilationRate">The dilation (height, width); (1, 1) by default.</param>
    /// <param name="useBias">Whether the layer adds a bias.</param>
    /// <param name="depthwiseInitializer">Keras' <c>depthwise_initializer</c>; glorot_uniform by default.</param>
    /// <param name="biasInitializer">Keras' <c>bias_initializer</c>; zeros by default.</param>
    /// <param name="depthwiseRegularizer">Keras' <c>depthwise_regularizer</c>: a penalty on the kernel added to the loss; none by default.</param>
    /// <param name="biasRegularizer">Keras' <c>bias_regularizer</c>; none by default.</param>
    /// <param name="activityRegularizer">Keras' <c>activity_regularizer</c>: a penalty on the output, divided by the batch size; none by default.</param>
    /// <param name="depthwiseConstraint">Keras' <c>depthwise_constraint</c> (on <c>kernel</c>), applied after every optimizer step; none by default.</param>
    /// <param name="biasConstraint">Keras' <c>bias_constraint</c>; none by default.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/> for <c>(batch, channels, height, width)</c>.</param>
    public DepthwiseConv2D(
        Size2D kernelSize,
        Activation activation = Activation.Linear,
        Size2D? strides = null,
        Padding padding = Padding.Valid,
        int depthMultiplier = 1,
        Size2D? dilationRate = null,
        bool useBias = true,
        Initializer depthwiseInitializer = Initializer.GlorotUniform,
        Initializer biasInitializer = Initializer.Zeros,
        Regularizer? depthwiseRegularizer = null,
        Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null,
        Constraint? depthwiseConstraint = null,
        Constraint? biasConstraint = null,
        DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(DepthwiseConv2D))
    {
        Platform.OneDnnConvolutionCheck.EnsureChecked();   // before any convolution runs: oneDNN is wrong on some CPUs
        DataFormats.Defined(nameof(DepthwiseConv2D), dataFormat);
        DataFormat = dataFormat;
        Regularize(activityRegularizer, ("kernel", depthwiseRegularizer), ("bias", biasRegularizer));
        Constrain(("kernel", depthwiseConstraint), ("bias", biasConstraint));
        (DepthwiseInitializer, BiasInitializer) = (depthwiseInitializer, biasInitializer);
        _ = (WeightInitializers.For(depthwiseInitializer), WeightInitializers.For(biasInitializer));   // an undefined member throws here, naming the valid ones
        LayerChecks.Positive(nameof(DepthwiseConv2D), nameof(depthMultiplier), depthMultiplier);
        LayerChecks.Defined(nameof(DepthwiseConv2D), nameof(activation), activation);
        KernelSize = kernelSize;
        Strides = strides ?? 1;
        DilationRate = dilationRate ?? 1;
        DepthMultiplier = depthMultiplier;
        Activation = activation;
        UseBias = useBias;
        window = WindowSpec.Create(
            nameof(DepthwiseConv2D), nameof(kernelSize), [kernelSize.Height, kernelSize.Width], [Strides.Height, Strides.Width],
            [DilationRate.Height, DilationRate.Width], padding, allowCausal: false, allowStridesWithDilation: true);
    }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    private string Layout => DataFormats.Layout(DataFormat, "height", "width");

    /// <summary>How the kernel is initialized (Keras' <c>depthwise_initializer</c>, glorot_uniform by default).</summary>
    public Initializer DepthwiseInitializer { get; }

    /// <summary>How the bias is initialized (Keras' <c>bias_initializer</c>, zeros by default).</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The window size.</summary>
    public Size2D KernelSize { get; }

    /// <summary>The step size.</summary>
    public Size2D Strides { get; }

    /// <summary>The padding mode.</summary>
    public Padding Padding => window.Padding;

    /// <summary>The dilation.</summary>
    public Size2D DilationRate { get; }

    /// <summary>Output channels per input channel.</summary>
    public int DepthMultiplier { get; }

    /// <summary>The activation applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>The kernel <c>(kh, kw, channels, depthMultiplier)</c>.</summary>
    public Parameter Kernel => LayerWeights.Get(this, "kernel");

    /// <summary>The bias <c>(channels · depthMultiplier)</c>, or null when <see cref="UseBias"/> is false.</summary>
    public Parameter? Bias => LayerWeights.Find(this, "bias");

    /// <summary>Creates <c>kernel</c> and <c>bias</c> for an input <c>(height, width, channels)</c> (<c>(channels, height, width)</c> channels first); channels must be known.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(nameof(DepthwiseConv2D), inputShape, 3, Layout);
        long channels = LayerChecks.Known(nameof(DepthwiseConv2D), inputShape, DataFormats.ChannelAxis(DataFormat, 3), "channels");
        window.CheckSpatial(inputShape, DataFormat);
        LayerWeights.Add(this, "kernel", [KernelSize.Height, KernelSize.Width, channels, DepthMultiplier], WeightInitializers.For(DepthwiseInitializer));
        if (UseBias)
        {
            LayerWeights.Add(this, "bias", [channels * DepthMultiplier], WeightInitializers.For(BiasInitializer));
        }

        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(nameof(DepthwiseConv2D), inputs, 4, Layout);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        var kernel = Kernel;
        LayerChecks.Size(nameof(DepthwiseConv2D), inputs, 1 + DataFormats.ChannelAxis(DataFormat, 3), kernel.shape[2], "channels");
        window.CheckSpatial(LayerChecks.WithoutBatch(inputs), DataFormat);
        var y = DepthwiseConvolution.ChannelsFirst(inputs, kernel, window, DataFormat, Bias);
        return ActivationFunctions.Apply(DataFormats.FromChannelsFirst(y, DataFormat), Activation);
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: returns dL/dinputs in the input's layout (written into
    /// <paramref name="into"/> when given) and adds dL/dkernel and dL/dbias into the weights' <c>.grad</c>
    /// in place. Builds no autograd graph.
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
        // gelu and silu read the pre-activation: the convolution runs again for them only.
        var preActivation = ActivationGradients.NeedsInput(Activation)
            ? DataFormats.FromChannelsFirst(DepthwiseConvolution.OnPadded(padded, Kernel, window, Bias), DataFormat)
            : null;
        var gz = DataFormats.ToChannelsFirst(ActivationGradients.Backward(gradOutput, preActivation, output, Activation), DataFormat);
        GradientBuffers.Accumulate(Bias, gz.sum([0, 2, 3]));
        var start = 1 + DataFormats.SpatialStart(DataFormat);
        return DepthwiseConvolution.Backward(padded, Kernel, gz, window, [input.shape[start], input.shape[start + 1]], DataFormat, inputGradient);
    }

    /// <summary>Keras' <c>get_config()</c> entries (the initializers and regularizers are added by the writer).</summary>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        KerasValues.DepthwiseConvolution(config, DepthMultiplier, filters: null, window, Activation, UseBias, DataFormat);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => Export.Onnx.OnnxWindows.HasForm(window.Strides, window.Dilation, window.Padding);

    /// <inheritdoc/>
    internal override string ExportOnnx(Export.Onnx.OnnxGraph graph, string input) =>
        Export.Onnx.OnnxActivations.Apply(graph, graph.ChannelsFirst(input, 2, DataFormat, x => DepthwiseConvolution.ExportOnnx(graph, x, Kernel, window, "kernel", Bias)), Activation);
}
