using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

public sealed class EmbeddingBackwardTests
{
    [Fact]
    public void EmbeddingMatchesAutogradWithRepeatedIndices()
    {
        random.manual_seed(51);
        var embedding = new Embedding(7, 4);
        embedding.Build(-1);
        embedding.to(ScalarType.Float64);
        // 30 indices from 7 rows: rows repeat, and their gradients must sum.
        BackwardCheck.Layer(embedding, randint(0, 7, [3, 10]), embedding.Backward);
        BackwardCheck.Layer(embedding, randint(0, 7, [2, 2, 5]), embedding.Backward);
    }

    [Fact]
    public void EmbeddingTakesFloatIndicesAsCallDoes()
    {
        random.manual_seed(52);
        var embedding = new Embedding(5, 3);
        embedding.Build(4);
        embedding.to(ScalarType.Float64);
        var ids = tensor(new float[] { 0, 4, 4, 1, 2, 2, 2, 3 }).reshape(2, 4);
        var y = embedding.Call(ids);
        var g = randn_like(y);
        Assert.Null(embedding.Backward(g, ids, y));
        var expected = zeros(5, 3, ScalarType.Float64).index_add_(0, ids.to_type(ScalarType.Int64).reshape(-1), g.reshape(-1, 3), 1.0);
        BackwardCheck.AssertRelative(expected, embedding.Embeddings.grad!, "embeddings");
    }
}
