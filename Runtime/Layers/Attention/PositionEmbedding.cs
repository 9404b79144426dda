using StaticKeras.Export.Onnx;
using System;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// KerasHub's <c>keras_hub.layers.PositionEmbedding</c>: a learned embedding per position. Input
/// <c>(batch, steps, features)</c> with <c>steps ≤ sequenceLength</c>; output of the same shape, the
/// first <c>steps</c> rows of <c>embeddings</c> for every sample (add it to a token embedding:
/// <c>add.Call(x, positions.Call(x))</c>). A mask on the input passes on.
/// </summary>
/// <remarks>Weight: <c>embeddings (sequenceLength, features)</c>, glorot_uniform as KerasHub's default.</remarks>
public sealed class PositionEmbedding : Layer
{
    private const string Layout = "(batch, steps, features)";
    private bool built;
    private long features;

    /// <summary>Creates the layer.</summary>
    /// <param name="sequenceLength">The longest sequence it embeds positions for; positive.</param>
    public PositionEmbedding(int sequenceLength) : base(nameof(PositionEmbedding))
    {
        LayerChecks.Positive(nameof(PositionEmbedding), nameof(sequenceLength), sequenceLength);
        SequenceLength = sequenceLength;
    }

    /// <summary>The longest sequence the layer embeds.</summary>
    public int SequenceLength { get; }

    /// <summary>The learned position embeddings, <c>(sequenceLength, features)</c>.</summary>
    public Parameter Embeddings => LayerWeights.Get(this, "embeddings");

    /// <summary>Creates <c>embeddings</c> for an input <c>(steps, features)</c>; features known, a known length at most <see cref="SequenceLength"/>.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(nameof(PositionEmbedding), inputShape, 2, Layout);
        features = LayerChecks.Known(nameof(PositionEmbedding), inputShape, 1, "features");
        CheckLength(inputShape[0]);
        LayerWeights.Add(this, "embeddings", [SequenceLength, features], new GlorotUniform());
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

        LayerChecks.Rank(nameof(PositionEmbedding), inputs, 3, Layout);
        CheckLength(inputs.shape[1]);
        if (inputs.shape[2] != features)
        {
            throw new ArgumentException($"PositionEmbedding was built for {features} features, found inputs of shape {LayerChecks.Describe(inputs)}.", nameof(inputs));
        }

        return Embeddings.narrow(0, 0, inputs.shape[1]).unsqueeze(0).expand(inputs.shape);
    }

    private void CheckLength(long steps)
    {
        if (steps > SequenceLength)
        {
            throw new ArgumentException($"PositionEmbedding: inputs of {steps} steps are longer than sequenceLength {SequenceLength}.", "inputs");
        }
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    // The first `steps` rows of the embeddings, broadcast to the input's shape: the step count is read
    // from the input at run time (Shape, Slice), so any length up to SequenceLength works.
    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        var shape = graph.Node("Shape", [input]);
        var steps = graph.Node("Slice", [shape, graph.Ints("one", 1), graph.Ints("two", 2)]);
        var rows = graph.Node("Slice", [graph.Initializer("embeddings", Embeddings), graph.Ints("zero", 0), steps, graph.Ints("axes", 0)]);
        return graph.Node("Expand", [rows, shape]);
    }
}
