using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Embedding</c>: turns integer indices into dense vectors by row lookup.
/// Input <c>(batch, ...)</c> of indices in <c>[0, inputDim)</c>; output <c>(batch, ..., outputDim)</c>.
/// </summary>
/// <remarks>
/// Weights: <c>embeddings</c> <c>(inputDim, outputDim)</c>, U(-0.05, 0.05) as Keras (PyTorch uses
/// N(0, 1)). Floating-point inputs are truncated to integers, as Keras casts them.
/// </remarks>
public sealed class Embedding : Layer
{
    private bool built;

    /// <summary>Creates the layer with Keras' arguments.</summary>
    /// <param name="inputDim">The vocabulary size: indices run from 0 to inputDim - 1.</param>
    /// <param name="outputDim">The size of each vector.</param>
    /// <param name="maskZero">
    /// Whether index 0 is padding (Keras' <c>mask_zero</c>, false by default): <see cref="ComputeMask"/>
    /// then marks the non-zero indices, and generated models pass that mask to the layers that skip
    /// masked steps. Index 0 still has a row, so <paramref name="inputDim"/> counts it, as in Keras.
    /// </param>
    /// <param name="embeddingsRegularizer">Keras' <c>embeddings_regularizer</c>: a penalty on the table added to the loss; none by default.</param>
    /// <param name="activityRegularizer">Keras' <c>activity_regularizer</c> (on the output, divided by the batch size); none by default.</param>
    /// <param name="embeddingsInitializer">Keras' <c>embeddings_initializer</c>; "uniform" (RandomUniform(-0.05, 0.05)) by default.</param>
    /// <param name="embeddingsConstraint">Keras' <c>embeddings_constraint</c>: a projection of the table after every optimizer step; none by default.</param>
    public Embedding(
        int inputDim,
        int outputDim,
        bool maskZero = false,
        Regularizer? embeddingsRegularizer = null,
        Regularizer? activityRegularizer = null,
        Initializer embeddingsInitializer = Initializer.RandomUniform,
        Constraint? embeddingsConstraint = null)
        : base(nameof(Embedding))
    {
        EmbeddingsInitializer = embeddingsInitializer;
        _ = WeightInitializers.For(embeddingsInitializer);   // an undefined member throws here
        Regularize(activityRegularizer, ("embeddings", embeddingsRegularizer));
        Constrain(("embeddings", embeddingsConstraint));
        LayerChecks.Positive(nameof(Embedding), nameof(inputDim), inputDim);
        LayerChecks.Positive(nameof(Embedding), nameof(outputDim), outputDim);
        (InputDim, OutputDim, MaskZero) = (inputDim, outputDim, maskZero);
    }

    /// <summary>How the table is initialized (Keras' <c>embeddings_initializer</c>, "uniform" by default).</summary>
    public Initializer EmbeddingsInitializer { get; }

    /// <summary>Whether index 0 is padding that <see cref="ComputeMask"/> masks out.</summary>
    public bool MaskZero { get; }

    /// <summary>Keras' <c>compute_mask</c>: true where the index is not 0, with the indices' shape.</summary>
    /// <param name="inputs">The indices the layer is called on.</param>
    /// <exception cref="InvalidOperationException">The layer was created without <c>maskZero</c>.</exception>
    public Tensor ComputeMask(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return MaskZero
            ? inputs.ne(0)
            : throw new InvalidOperationException("Embedding: ComputeMask needs an Embedding created with maskZero: true.");
    }

    /// <summary>The vocabulary size.</summary>
    public int InputDim { get; }

    /// <summary>The size of each vector.</summary>
    public int OutputDim { get; }

    /// <summary>The lookup table <c>(inputDim, outputDim)</c>.</summary>
    public Parameter Embeddings => LayerWeights.Get(this, "embeddings");

    /// <summary>Creates <c>embeddings</c>; any input shape of indices is accepted.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Dimensions(nameof(Embedding), inputShape);
        LayerWeights.Add(this, "embeddings", [InputDim, OutputDim], WeightInitializers.For(EmbeddingsInitializer));
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

        if (inputs.dtype == ScalarType.Bool || inputs.is_complex())
        {
            throw new ArgumentException($"Embedding expects integer indices, found {inputs.dtype} of shape {LayerChecks.Describe(inputs)}.", nameof(inputs));
        }

        var indices = inputs.dtype == ScalarType.Int64 ? inputs : inputs.to_type(ScalarType.Int64);
        if (indices.numel() > 0)
        {
            long low = indices.min().item<long>(), high = indices.max().item<long>();
            if (low < 0 || high >= InputDim)
            {
                throw new ArgumentException(
                    $"Embedding: indices must lie in [0, {InputDim - 1}] (inputDim {InputDim}), found values from {low} to {high}.",
                    nameof(inputs));
            }
        }

        return Embeddings.index_select(0, indices.reshape(-1)).reshape([.. indices.shape, OutputDim]);
    }

    // index_add_'s alpha, held once instead of a Scalar per call.
    private static readonly TorchSharp.Scalar One = 1.0;

    /// <summary>
    /// The backward pass of <see cref="Call"/>: adds each output row's gradient into the row of
    /// <c>embeddings.grad</c> its index selected (repeated indices sum), in place. Integer indices have
    /// no gradient: returns null, and <paramref name="into"/> is not used. Builds no autograd graph.
    /// </summary>
    /// <param name="gradOutput">dL/doutput <c>(*input_shape, output_dim)</c>.</param>
    /// <param name="input">The indices <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">Ignored: there is no input gradient.</param>
    public Tensor? Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        BackwardWeights(gradOutput, input, output);
        return null;
    }

    /// <summary>
    /// The weight gradient of <see cref="Call"/> (the whole of its backward: indices have no gradient):
    /// each output row's gradient is added into the row of <c>embeddings.grad</c> its index selected.
    /// </summary>
    /// <param name="gradOutput">dL/doutput <c>(*input_shape, output_dim)</c>.</param>
    /// <param name="input">The indices <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    public void BackwardWeights(Tensor gradOutput, Tensor input, Tensor output)
    {
        using var noGrad = no_grad();
        var indices = input.dtype == ScalarType.Int64 ? input : input.to_type(ScalarType.Int64);
        GradientBuffers.Of(Embeddings)?.index_add_(0, indices.reshape(-1), gradOutput.reshape(-1, OutputDim).to_type(Embeddings.dtype), One);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["input_dim"] = InputDim;
        config["output_dim"] = OutputDim;
        config["mask_zero"] = MaskZero;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // Ids arrive as floats, as Call takes them; Gather wants integers.
        var ids = graph.Node("Cast", [input], OnnxAttribute.Int("to", OnnxTypes.Int64));
        return graph.Node("Gather", [graph.Initializer("embeddings", LayerWeights.Get(this, "embeddings")), ids]);
    }

    /// <inheritdoc/>
    internal override string ExportOnnxMask(OnnxGraph graph, string input) =>
        MaskZero
            ? graph.Node("Not", [graph.Node("Equal", [input, graph.Scalar("padding_id", 0f)])])   // ComputeMask: ids != 0
            : base.ExportOnnxMask(graph, input);
}
