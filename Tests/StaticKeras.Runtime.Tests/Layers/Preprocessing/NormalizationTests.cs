using System;
using System.Linq;
using StaticKeras.Data;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Preprocessing;

public sealed class NormalizationTests
{
    // Keras' docstring data, plus a row: 5 samples of 3 features.
    private static readonly float[] s_data = [0, 7, 4, 2, 9, 6, 0, 7, 4, 2, 9, 6, 1, 3, -2];

    private static Tensor Data() => tensor(s_data).reshape(5, 3);

    // (2, 3, 4): (0..23)^1.5 / 10, as the Keras script made it.
    private static Tensor Cube() => (arange(24, ScalarType.Float32).pow(1.5) / 10).reshape(2, 3, 4);

    [Theory]
    [InlineData(null, new long[] { 4 }, false)]
    [InlineData(new[] { 1 }, new long[] { 3 }, false)]
    [InlineData(new[] { 1, 2 }, new long[] { 3, 4 }, true)]
    [InlineData(new int[0], new long[0], false)]
    public void ConformsWhenAdapted(int[]? axis, long[] kept, bool invert)
    {
        long size = kept.Aggregate(1L, (a, b) => a * b);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Normalization(axis, invert: invert),
            BuildShape = [3, 4],
            Shapes = [([2, 3, 4], [2, 3, 4]), ([1, 3, 4], [1, 3, 4])],
            Trainable = 0,
            NonTrainable = 2 * size + 1,
            WeightNames = ["mean", "variance", "count"],
            Perturb = layer =>
            {
                var norm = (Normalization)layer;
                Assert.Equal(kept, norm.Mean.shape);
                norm.Mean.uniform_(-1, 1);
                norm.Variance.uniform_(0.5, 2);
            },
            Reference = (layer, x) => Reference((Normalization)layer, x, kept, invert),
        });
    }

    [Fact]
    public void ConformsWithAGivenMeanAndVariance() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Normalization(mean: [1, -2, 0.5, 3], variance: [4, 0.25, 1, 9]),
        BuildShape = [3, 4],
        Shapes = [([2, 3, 4], [2, 3, 4])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => (x - Numerics.Doubles([1, -2, 0.5, 3], 4)) / Numerics.Doubles([2, 0.5, 1, 3], 4),
    });

    private static Tensor Reference(Normalization norm, Tensor x, long[] kept, bool invert)
    {
        // The statistics in the input's shape: kept axes [1] of (3, 4) → (1, 3, 1), [] → a scalar.
        long[] shape = kept.Length switch
        {
            0 => [1, 1, 1],
            1 when kept[0] == 3 => [1, 3, 1],
            1 => [1, 1, 4],
            _ => [1, 3, 4],
        };
        var mean = norm.Mean.reshape(shape);
        var deviation = norm.Variance.reshape(shape).sqrt();
        return invert ? mean + x * deviation : (x - mean) / deviation;
    }

    [Fact]
    public void AdaptsToATensorAsKeras()
    {
        // Keras 3.16: Normalization().adapt(data); mean [1, 7, 3.6], variance [0.8, 4.8, 8.64];
        // layer([[1, 2, 3]]) = [[0, -2.2821772, -0.20412412]].
        var norm = new Normalization();
        norm.Adapt(Data());
        Numerics.AssertClose(Numerics.Doubles([1, 7, 3.6], 3), norm.Mean, 1e-6, "mean");
        Numerics.AssertClose(Numerics.Doubles([0.8, 4.8, 8.64], 3), norm.Variance, 1e-6, "variance");
        Numerics.AssertClose(Numerics.Doubles([0, -2.2821772, -0.20412412], 1, 3), norm.Call(tensor(new float[] { 1, 2, 3 }).reshape(1, 3)), 1e-6, "output");
        Assert.Equal(0, norm.get_buffer("count")!.item<int>());   // Keras keeps count at 0 (old files only)

        // axis=None: one mean 3.8666666 and variance 10.782223; layer([[1, 2, 3]]) = [[-0.87301767, -0.5684766, -0.26393557]].
        var scalar = new Normalization(axis: []);
        scalar.Adapt(Data());
        Assert.Empty(scalar.Mean.shape);
        Numerics.AssertClose(Numerics.Doubles([-0.87301767, -0.5684766, -0.26393557], 1, 3), scalar.Call(tensor(new float[] { 1, 2, 3 }).reshape(1, 3)), 1e-6, "axis None");

        // invert: layer([[1, 2, 3]]) = [[1.8944272, 11.381781, 12.418163]].
        var inverse = new Normalization(invert: true);
        inverse.Adapt(Data());
        Numerics.AssertClose(Numerics.Doubles([1.8944272, 11.381781, 12.418163], 1, 3), inverse.Call(tensor(new float[] { 1, 2, 3 }).reshape(1, 3)), 1e-5, "invert");
    }

    [Fact]
    public void AdaptsOverSeveralAxesAsKeras()
    {
        // Keras 3.16: Normalization(axis=1).adapt(cube); mean [2.5992990, 4.3209620, 6.4612894], variance [5.8436451, 9.3892899, 12.8117399];
        // layer(cube[:1])[0, 0] = [-1.0752621, -1.0338948, -0.9582575, -0.8603109], [0, 2] = [-1.1729920, -1.0508306, -0.9216793, -0.7858977].
        var norm = new Normalization([1]);
        norm.Adapt(Cube());
        Numerics.AssertClose(Numerics.Doubles([2.5992990, 4.3209620, 6.4612894], 3), norm.Mean, 1e-6, "axis 1 mean");
        Numerics.AssertClose(Numerics.Doubles([5.8436451, 9.3892899, 12.8117399], 3), norm.Variance, 1e-5, "axis 1 variance");
        var y = norm.Call(Cube()[..1]);
        Numerics.AssertClose(Numerics.Doubles([-1.0752621, -1.0338948, -0.9582575, -0.8603109], 4), y[0, 0], 1e-6, "axis 1 output [0, 0]");
        Numerics.AssertClose(Numerics.Doubles([-1.1729920, -1.0508306, -0.9216793, -0.7858977], 4), y[0, 2], 1e-6, "axis 1 output [0, 2]");

        // axis=(1, 2): a mean and variance per cell, over the 2 samples; first row mean [2.0784612, 2.3936083, 2.7605815, 3.1645451],
        // variance [4.3200006, 5.2606397, 6.1391897, 6.9956541].
        var cells = new Normalization([1, 2]);
        cells.Adapt(Cube());
        Assert.Equal([3L, 4], cells.Mean.shape);
        Numerics.AssertClose(Numerics.Doubles([2.0784612, 2.3936083, 2.7605815, 3.1645451], 4), cells.Mean[0], 1e-6, "axes (1, 2) mean");
        Numerics.AssertClose(Numerics.Doubles([4.3200006, 5.2606397, 6.1391897, 6.9956541], 4), cells.Variance[0], 1e-5, "axes (1, 2) variance");
    }

    [Fact]
    public void AdaptsToBatchesWithKerasRunningUpdate()
    {
        // Keras 3.16: adapt([data[:2], data[2:]]) merges the batches' statistics in float32:
        // mean [1, 7, 3.6000001], variance [0.80000007, 4.8000007, 8.6400003]; axis=None: 3.8666666, 10.782222.
        var batches = new[] { Data()[..2], Data()[2..] };
        var norm = new Normalization();
        norm.Adapt(batches);
        Numerics.AssertClose(Numerics.Doubles([1, 7, 3.6000001], 3), norm.Mean, 1e-6, "mean");
        Numerics.AssertClose(Numerics.Doubles([0.80000007, 4.8000007, 8.6400003], 3), norm.Variance, 1e-6, "variance");
        Assert.False(batches[0].IsInvalid);   // the caller's tensors are left alone

        var dataset = new Normalization(axis: []);
        dataset.Adapt(Dataset.From(() => new[] { (Data()[..2], zeros(2)), (Data()[2..], zeros(3)) }));
        Numerics.AssertClose(Numerics.Doubles([3.8666666], 1), dataset.Mean.reshape(1), 1e-6, "dataset mean");
        Numerics.AssertClose(Numerics.Doubles([10.782222], 1), dataset.Variance.reshape(1), 1e-5, "dataset variance");
    }

    [Fact]
    public void GivenValuesBroadcastAndAZeroVarianceDividesByKerasEpsilon()
    {
        // Keras 3.16: Normalization(mean=[1, 2, 3], variance=[4, 0, 9])([[3, 2.5, 0]]) = [[1, 5e6, -1]] (max(sqrt(var), 1e-7));
        // invert=True on [[3, 2, 0], [1, 2, 6]] = [[7, 2.0000002, 3], [3, 2.0000002, 21]]; mean=[0.5], variance=[4] on [[1, 2, 3]] = [[0.25, 0.75, 1.25]].
        var norm = new Normalization(mean: [1, 2, 3], variance: [4, 0, 9]);
        Numerics.AssertClose(Numerics.Doubles([1, 5e6, -1], 1, 3), norm.Call(tensor(new float[] { 3, 2.5f, 0 }).reshape(1, 3)), 1e-6 * 5e6, "given");
        Assert.Empty(norm.state_dict());
        var inverse = new Normalization(mean: [1, 2, 3], variance: [4, 0, 9], invert: true);
        Numerics.AssertClose(Numerics.Doubles([7, 2.0000002, 3, 3, 2.0000002, 21], 2, 3), inverse.Call(tensor(new float[] { 3, 2, 0, 1, 2, 6 }).reshape(2, 3)), 1e-6, "invert");
        var single = new Normalization(mean: [0.5], variance: [4]);
        Numerics.AssertClose(Numerics.Doubles([0.25, 0.75, 1.25], 1, 3), single.Call(tensor(new[] { 1, 2, 3 }).reshape(1, 3)), 1e-7, "a single value, integer inputs");

        // axis=(1, 2) with 4 values: along the last kept axis (Keras: [0, -0.5, -0.6666667, -0.75] on every row of ones).
        var cells = new Normalization([1, 2], mean: [1, 2, 3, 4], variance: [1, 4, 9, 16]);
        var y = cells.Call(ones(1, 3, 4));
        Numerics.AssertClose(Numerics.Doubles([0, -0.5, -0.6666667, -0.75], 4), y[0, 2], 1e-6, "axes (1, 2) given");
    }

    [Fact]
    public void AdaptedStatisticsAreSavedAndLoaded()
    {
        var norm = new Normalization();
        norm.Adapt(Data());
        var copy = new Normalization();
        copy.Build(3);
        copy.load_state_dict(norm.state_dict());
        Numerics.AssertClose(norm.Call(Data()), copy.Call(Data()), 0, "after a state_dict round trip");
    }

    [Fact]
    public void RejectsInvalidArgumentsAndData()
    {
        Assert.Contains("both mean and variance must be set, found mean [1, 2] and variance null",
            Assert.Throws<ArgumentException>(() => new Normalization(mean: [1, 2])).Message);
        Assert.Contains("same length, at least 1, found 2 and 1", Assert.Throws<ArgumentException>(() => new Normalization(mean: [1, 2], variance: [1])).Message);
        Assert.Contains("must be single values, found 2 values", Assert.Throws<ArgumentException>(() => new Normalization([], [1, 2], [1, 1])).Message);
        Assert.Contains("axis 0 is the batch axis", Assert.Throws<ArgumentException>(() => new Normalization([0])).Message);
        Assert.Contains("do not broadcast to the kept axes' sizes (3)", Assert.Throws<ArgumentException>(() => new Normalization(mean: [1, 2], variance: [1, 1]).Build(3)).Message);
        Assert.Contains("must name distinct feature axes of an input of rank 2",
            Assert.Throws<ArgumentException>(() => new Normalization([2]).Build(3)).Message);
        Assert.Contains("must name distinct feature axes", Assert.Throws<ArgumentException>(() => new Normalization([-1, 1]).Build(3)).Message);
        Assert.Contains("needs the kept axis 1 dimension known", Assert.Throws<ArgumentException>(() => new Normalization([1]).Build(-1, 3)).Message);

        var norm = new Normalization();
        norm.Adapt(Data());
        Assert.Contains("built for inputs of shape (batch, 3) (kept axes [1]), found shape (2, 4)",
            Assert.Throws<ArgumentException>(() => norm.Adapt(zeros(2, 4))).Message);
        Assert.Contains("received no batches", Assert.Throws<ArgumentException>(() => new Normalization().Adapt(Array.Empty<Tensor>())).Message);
        Assert.Contains("created with mean and variance",
            Assert.Throws<InvalidOperationException>(() => new Normalization(mean: [0], variance: [1]).Adapt(Data())).Message);
    }
}
