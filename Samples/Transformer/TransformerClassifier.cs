using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace Samples.Transformer;

/// <summary>
/// Keras' "text classification with Transformer" model, small: token and position embeddings, one
/// self-attention block with residuals and LayerNormalization, a feed-forward block, a masked average
/// over the unpadded tokens and a sigmoid head. Token 0 is padding (<c>maskZero</c>).
/// </summary>
[Model]
[Compile(Optimizer.Adam, Loss.BinaryCrossentropy, LearningRate = 0.003, Metrics = [Metric.Accuracy])]
public partial class TransformerClassifier
{
    readonly Embedding tokens = new(17, 32, maskZero: true);
    readonly PositionEmbedding positions = new(16);
    readonly Add embed = new();
    readonly MultiHeadAttention attention = new(numHeads: 2, keyDim: 16, dropout: 0.1);
    readonly Add residual1 = new();
    readonly LayerNormalization norm1 = new();
    readonly Dense feedForward = new(64, Activation.Relu);
    readonly Dense project = new(32);
    readonly Add residual2 = new();
    readonly LayerNormalization norm2 = new();
    readonly GlobalAveragePooling1D pool = new();
    readonly Dense mostlyHigh = new(1, Activation.Sigmoid);

    [Graph]
    Tensor Call([Input("time")] Tensor ids)
    {
        var x = tokens.Call(ids);
        x = embed.Call(x, positions.Call(x));
        x = norm1.Call(residual1.Call(x, attention.Call(x, x)));
        x = norm2.Call(residual2.Call(x, project.Call(feedForward.Call(x))));
        return mostlyHigh.Call(pool.Call(x));
    }
}
