using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class EmbeddingTests
{
    [Fact]
    public void Conforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Embedding(11, 4),
        BuildShape = [6],
        Shapes = [([3, 6], [3, 6, 4]), ([2, 6], [2, 6, 4]), ([2, 3, 5], [2, 3, 5, 4])],
        Trainable = 11 * 4,
        WeightNames = ["embeddings"],
        MakeInput = (shape, _) => randint(0, 11, shape, ScalarType.Int64),
        InputHasGradient = false,
        // A lookup is a one-hot row times the table.
        Reference = (layer, x) => nn.functional.one_hot(x, 11).to_type(ScalarType.Float64).matmul(((Embedding)layer).Embeddings),
    });

    [Fact]
    public void InitializesUniformlyInKerasRange()
    {
        random.manual_seed(11);
        var embedding = new Embedding(1000, 64);
        embedding.Build(10);
        Assert.Equal([1000L, 64], embedding.Embeddings.shape);
        Assert.True(embedding.Embeddings.abs().max().item<float>() <= 0.05f);
        // U(-0.05, 0.05) has standard deviation 0.05 / sqrt(3); N(0, 1) (PyTorch's default) would be 1.
        Assert.InRange(embedding.Embeddings.std().item<float>(), 0.0285, 0.0293);
    }

    [Fact]
    public void AcceptsInt32AndTruncatesFloatIndicesAsKeras()
    {
        var embedding = new Embedding(5, 2);
        var expected = embedding.Call(tensor(new long[] { 1, 4, 0 }).reshape(1, 3));
        Numerics.AssertClose(expected, embedding.Call(tensor(new int[] { 1, 4, 0 }).reshape(1, 3)), 0, "int32 indices");
        Numerics.AssertClose(expected, embedding.Call(tensor(new float[] { 1.7f, 4f, 0.2f }).reshape(1, 3)), 0, "float indices");
    }

    [Fact]
    public void RejectsInvalidArgumentsAndIndices()
    {
        Assert.Contains("inputDim must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(0, 3)).Message);
        Assert.Contains("outputDim must be a positive integer, found -2", Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(3, -2)).Message);
        var embedding = new Embedding(10, 3);
        Assert.Contains("indices must lie in [0, 9] (inputDim 10), found values from 2 to 10",
            Assert.Throws<ArgumentException>(() => embedding.Call(tensor(new long[] { 2, 10 }).reshape(1, 2))).Message);
        Assert.Contains("found values from -1 to 3",
            Assert.Throws<ArgumentException>(() => embedding.Call(tensor(new long[] { -1, 3 }).reshape(2, 1))).Message);
        Assert.Contains("expects integer indices, found Bool", Assert.Throws<ArgumentException>(() => embedding.Call(ones(2, 2, ScalarType.Bool))).Message);
    }
}
