using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class GlobalPoolingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GlobalAveragePooling2DConforms(bool keepdims) => Check(
        () => new GlobalAveragePooling2D(keepdims), [5, 6, 4], keepdims ? [1, 1, 4] : [4], x => x.sum([1, 2], keepdims) / 30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GlobalMaxPooling2DConforms(bool keepdims) => Check(
        () => new GlobalMaxPooling2D(keepdims), [5, 6, 4], keepdims ? [1, 1, 4] : [4],
        x => x.reshape(x.shape[0], 30, 4).max(1).values.reshape(keepdims ? [x.shape[0], 1, 1, 4] : [x.shape[0], 4]));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GlobalAveragePooling1DConforms(bool keepdims) => Check(
        () => new GlobalAveragePooling1D(keepdims), [7, 3], keepdims ? [1, 3] : [3], x => x.sum(1, keepdims) / 7);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GlobalMaxPooling1DConforms(bool keepdims) => Check(
        () => new GlobalMaxPooling1D(keepdims), [7, 3], keepdims ? [1, 3] : [3], x => x.max(1, keepdims).values);

    [Fact]
    public void RejectsWrongRank()
    {
        Assert.Contains("GlobalAveragePooling2D expects inputs of rank 4 (batch, height, width, channels), found shape (2, 5, 3)",
            Assert.Throws<ArgumentException>(() => new GlobalAveragePooling2D().Call(zeros(2, 5, 3))).Message);
        Assert.Contains("GlobalMaxPooling1D expects inputs of rank 3 (batch, steps, channels), found input shape (batch, 5)",
            Assert.Throws<ArgumentException>(() => new GlobalMaxPooling1D().Build(5)).Message);
    }

    private static void Check(Func<Layer> create, long[] input, long[] output, Func<Tensor, Tensor> reference) =>
        LayerConformance.Check(new LayerSpec
        {
            Create = create,
            BuildShape = input,
            Shapes = [([2, .. input], [2, .. output]), ([5, .. input], [5, .. output])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => reference(x),
        });
}
