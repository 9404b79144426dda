using System;
using System.Linq;
using StaticKeras.Runtime.Tests.TestSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.CustomLayers;

public sealed class CustomLayerTests
{
    [Fact]
    public void BuildAllocatesTheDeclaredWeightsUnderTheirPropertyNames()
    {
        manual_seed(0);
        var layer = new MyCustomLayer(64);

        layer.Build(28, 784);

        Assert.Equal(["W", "B"], layer.named_parameters().Select(p => p.name));
        Assert.Equal([784L, 64L], layer.Kernel.shape);
        Assert.Equal([64L], layer.Bias.shape);
        Assert.True(layer.IsBuilt);
        Assert.Equal("MyCustomLayer", layer.GetName());
    }

    [Fact]
    public void WeightsFollowTheirInitializers()
    {
        manual_seed(1);
        var layer = new MyCustomLayer(64);
        layer.Build(784);

        // RandomNormal: N(0, 0.05^2); 50,176 samples put the sample std within 0.0005 of 0.05.
        var kernel = layer.Kernel.detach().to_type(ScalarType.Float64);
        Assert.InRange(kernel.mean().item<double>(), -0.001, 0.001);
        Assert.InRange(kernel.std().item<double>(), 0.0495, 0.0505);
        Assert.Equal(0.0, layer.Bias.detach().abs().sum().item<float>());
    }

    [Fact]
    public void ArithmeticSignatureAndPublicWeight()
    {
        var layer = new PairSum();
        layer.Build(5, 8);
        var x = arange(2 * 5 * 8, ScalarType.Float32).reshape(2, 5, 8);

        var y = layer.Call(x);

        Assert.Equal([4L], layer.Scale.shape);
        Assert.Equal([2L, 5L, 4L], y.shape);
        Assert.Equal(0 + 1, y[0, 0, 0].item<float>());
        Assert.Equal(6 + 7, y[0, 0, 3].item<float>());
        Assert.Equal([4L], layer.ExpectedOutputShape([5, 8]).Skip(1));
    }

    [Fact]
    public void InexactDivisionIsRejectedAtBuild()
    {
        var exception = Assert.Throws<ArgumentException>(() => new PairSum().Build(5, 7));

        Assert.Equal("PairSum: 'd / 2' must divide exactly, found 7 / 2.", exception.Message);
    }

    [Fact]
    public void BuildChecksTheInputRank()
    {
        var exception = Assert.Throws<ArgumentException>(() => new PairSum().Build(8));

        Assert.Equal("PairSum expects an input (batch, t, d) (rank 3, batch included), found (batch, 8). (Parameter 'shape')", exception.Message);
    }

    [Fact]
    public void WeightsNeedKnownSizes()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new MyCustomLayer(4).Build(-1));

        Assert.Equal("MyCustomLayer needs 'd' known to build weight 'W', found an unknown size; declare it in the model's [Input].", exception.Message);
    }

    [Fact]
    public void BuildRunsOnce()
    {
        var layer = new MyCustomLayer(4);
        layer.Build(3);

        var exception = Assert.Throws<InvalidOperationException>(() => layer.Build(3));

        Assert.Equal("MyCustomLayer is already built; Build is called once, before the first Call (found a second Build for input shape (batch, 3)).", exception.Message);
    }

    // forward and Call(inputs, training) are the checked entry points; Call(inputs) is the user's own computation.
    [Fact]
    public void FirstCallChecksTheOutputAgainstTheContract()
    {
        var layer = new Liar(3);
        layer.Build(8);

        var exception = Assert.Throws<InvalidOperationException>(() => layer.forward(ones(4, 8)));

        Assert.Equal(
            "Liar.Call broke its [Layer] contract: for input (4, 8) the declared output (batch, ..., units) is (4, 3), found (4, 8).",
            exception.Message);
        Assert.False(layer.IsOutputChecked);
    }

    [Fact]
    public void ContractIsCheckedOnceThenTrusted()
    {
        var layer = new MyCustomLayer(3);
        layer.Build(8);

        Assert.Equal([4L, 3L], layer.Call(ones(4, 8), training: false).shape);
        Assert.True(layer.IsOutputChecked);
        Assert.Equal([2L, 5L, 3L], layer.forward(ones(2, 5, 8)).shape);
    }

    [Fact]
    public void GradientsEqualAutogradOfTheHandWrittenComputationInFloat64()
    {
        manual_seed(3);
        var layer = new MyCustomLayer(4);
        layer.Build(3, 6);

        CustomLayerGradientCheck.AgainstReference(layer, randn(5, 3, 6), (x, w) => x.matmul(w["W"]) + w["B"]);
    }

    [Fact]
    public void GradientsOfAnArithmeticSignatureLayer()
    {
        manual_seed(4);
        var layer = new PairSum();
        layer.Build(3, 8);
        using (no_grad())
        {
            layer.Scale.uniform_(0.5, 1.5);
        }

        CustomLayerGradientCheck.AgainstReference(
            layer, randn(2, 3, 8), (x, w) => (x[.., .., TensorIndex.Slice(0, null, 2)] + x[.., .., TensorIndex.Slice(1, null, 2)]) * w["Scale"]);
    }

    [Fact]
    public void SequentialModelWithACustomLayerLearnsBlobs()
    {
        manual_seed(0);
        var model = new BlobCustomMlp();
        var (x, y) = Blobs.Make(300, seed: 1);

        var history = model.Fit(x, y, epochs: 8, batchSize: 32, verbose: 0);

        Assert.Equal(["custom.W", "custom.B", "output.kernel", "output.bias"], model.named_parameters().Select(p => p.name));
        Assert.True(history.Logs["accuracy"][^1] > 0.95, $"train accuracy {history.Logs["accuracy"][^1]}");
        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0] / 3, $"loss {history.Logs["loss"][0]} -> {history.Logs["loss"][^1]}");
    }
}
