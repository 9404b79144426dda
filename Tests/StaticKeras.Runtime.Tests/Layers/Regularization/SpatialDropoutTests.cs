using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Regularization;

public sealed class SpatialDropoutTests
{
    [Fact]
    public void ConformsAtRateZero()
    {
        // Shapes, no weights and a state_dict round trip; the random training behaviour is tested below.
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new SpatialDropout2D(0),
            BuildShape = [3, 3, 4],
            Shapes = [([2, 3, 3, 4], [2, 3, 3, 4])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => x,
        });
    }

    [Fact]
    public void SpatialDropout1DAndChannelsFirst2DConformAtRateZero()
    {
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new SpatialDropout1D(0),
            BuildShape = [5, 4],
            Shapes = [([2, 5, 4], [2, 5, 4]), ([1, 7, 4], [1, 7, 4])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => x,
        });
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new SpatialDropout2D(0, DataFormat.ChannelsFirst),
            BuildShape = [4, 3, 3],
            Shapes = [([2, 4, 3, 3], [2, 4, 3, 3])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => x,
        });
    }

    [Theory]
    [InlineData(1, DataFormat.ChannelsLast)]
    [InlineData(2, DataFormat.ChannelsLast)]
    [InlineData(2, DataFormat.ChannelsFirst)]
    public void TrainingDropsWholeChannelsAndScalesTheRest(int spatialRank, DataFormat format)
    {
        manual_seed(3);
        Layer layer = spatialRank == 1 ? new SpatialDropout1D(0.25) : new SpatialDropout2D(0.25, format);
        long[] shape = spatialRank == 1 ? [400, 5, 50] : format == DataFormat.ChannelsFirst ? [400, 50, 3, 2] : [400, 3, 2, 50];
        var x = ones(shape, ScalarType.Float64);
        Numerics.AssertClose(x, layer.Call(x), 0, "inference is the identity");

        var y = layer.Call(x, training: true);
        // Each (sample, channel) is one draw: all of its positions are 0 or all are 1 / 0.75.
        var perChannel = format == DataFormat.ChannelsFirst ? y.reshape(400, 50, -1).transpose(1, 2) : y.reshape(400, -1, 50);
        Numerics.AssertClose(perChannel.amax(1), perChannel.amin(1), 0, "one value per sample and channel");
        var values = perChannel[.., 0, ..].data<double>().ToArray();
        Assert.All(values, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.75) < 1e-12, $"value {v}"));
        Assert.InRange(values.Count(v => v == 0) / (double)values.Length, 0.23, 0.27);   // 20,000 draws: sd 0.003

        // The gradient is the same mask: y = x · mask / (1 − rate).
        var input = randn(shape, ScalarType.Float64).requires_grad_();
        manual_seed(9);
        var output = layer.Call(input, training: true);
        output.sum().backward();
        manual_seed(9);
        var again = layer.Call(ones(shape, ScalarType.Float64), training: true);
        Numerics.AssertClose(again, input.grad!, 1e-12, "gradient = mask / (1 - rate)");
    }

    [Fact]
    public void RejectsRatesOutsideZeroToOneAndTheWrongRank()
    {
        Assert.Contains("SpatialDropout1D needs a rate in [0, 1]; got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialDropout1D(1.5)).Message);
        Numerics.AssertClose(zeros(2, 3, 4), new SpatialDropout1D(1).Call(ones(2, 3, 4), training: true), 0, "rate 1 drops everything, as Keras");
        Assert.Contains("expects inputs of rank 4", Assert.Throws<ArgumentException>(() => new SpatialDropout2D(0.5).Call(zeros(2, 3, 4))).Message);
        Assert.Contains("expects inputs of rank 3", Assert.Throws<ArgumentException>(() => new SpatialDropout1D(0.5).Build(3, 4, 5)).Message);
        Assert.Contains("(batch, channels, height, width)",
            Assert.Throws<ArgumentException>(() => new SpatialDropout2D(0.5, DataFormat.ChannelsFirst).Call(zeros(2, 3, 4))).Message);
    }

    [Fact]
    public void KerasConfigWritesTheDataFormatOf2DOnly()
    {
        var first = new System.Text.Json.Nodes.JsonObject();
        Assert.True(new SpatialDropout2D(0.2, DataFormat.ChannelsFirst).TryDescribeKeras(first));
        Assert.Equal("""{"rate":0.2,"seed":null,"data_format":"channels_first"}""", first.ToJsonString());
        var sequence = new System.Text.Json.Nodes.JsonObject();
        Assert.True(new SpatialDropout1D(0.2).TryDescribeKeras(sequence));
        Assert.Equal("""{"rate":0.2,"seed":null}""", sequence.ToJsonString());
    }
}
