using System;
using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>A functional model with two inputs and two named outputs: an image and summary statistics in, a class and a value out.</summary>
[Model]
[Compile(Optimizer.Adam, LearningRate = 0.01)]
[Output("cls", Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
[Output("value", Loss.MeanSquaredError, LossWeight = 0.5)]
public partial class TwoHeadNet
{
    readonly Conv2D conv = new(4, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense statsDense = new(4, Activation.Relu);
    readonly Concatenate join = new();
    readonly Dense classifier = new(3, Activation.Softmax);
    readonly Dense regressor = new(1);

    [Graph]
    (Tensor cls, Tensor value) Call([Input(8, 8, 1)] Tensor image, [Input(4)] Tensor stats)
    {
        var both = join.Call(flatten.Call(pool.Call(conv.Call(image))), statsDense.Call(stats));
        return (classifier.Call(both), regressor.Call(both));
    }
}

/// <summary>The typed inputs and outputs the generator writes for several inputs and outputs.</summary>
public sealed class MultiIoModelTests
{
    [Fact]
    public void TypedCallReturnsEachOutputWithItsShape()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadNet();

        var outputs = model.Call(new TwoHeadNet.Inputs(rand(5, 8, 8, 1), rand(5, 4)));

        Assert.Equal(new long[] { 5, 3 }, outputs.Cls.shape);
        Assert.Equal(new long[] { 5, 1 }, outputs.Value.shape);
        Assert.Equal(5.0, outputs.Cls.sum().item<float>(), 4);   // softmax rows
    }

    [Fact]
    public void WrongShapeNamesTheInputAndBothShapes()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Call(new TwoHeadNet.Inputs(rand(5, 8, 8, 1), rand(5, 3))));

        Assert.Equal("stats", error.ParamName);
        Assert.StartsWith("TwoHeadNet expects input 'stats' of shape (batch, 4) and dtype float32; got shape (5, 3) and dtype float32 (axis 1 is 3 instead of 4).", error.Message);
    }

    [Fact]
    public void PredictBatchesEveryInputAlikeAndMatchesCall()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadNet();
        var inputs = new TwoHeadNet.Inputs(rand(7, 8, 8, 1), rand(7, 4));

        var predicted = model.Predict(inputs, batchSize: 3);
        var called = model.Call(inputs);

        Assert.True(predicted.Cls.allclose(called.Cls, rtol: 1e-5, atol: 1e-6));
        Assert.True(predicted.Value.allclose(called.Value, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void PredictWithInputsOfDifferentLengthsSaysWhich()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Predict(new TwoHeadNet.Inputs(rand(7, 8, 8, 1), rand(6, 4))));

        Assert.StartsWith("input 'image' has 7 samples but input 'stats' has 6: they must have the same length (first dimension).", error.Message);
        Assert.Equal("stats", error.ParamName);
    }

    [Fact]
    public void OneTensorCallPointsAtTheTypedOne()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadNet();

        var error = Assert.Throws<NotSupportedException>(() => model.Call(rand(2, 8, 8, 1)));

        Assert.Equal("TwoHeadNet takes 2 inputs (image, stats) and returns 2 outputs (cls, value): call Call(new TwoHeadNet.Inputs(image, stats)).", error.Message);
    }

    [Fact]
    public void BothLossesFallAndHistoryKeysAreKeras()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var (x, y) = Synthetic(512);
        using var model = new TwoHeadNet();

        var history = model.Fit(x, y, epochs: 6, batchSize: 32, verbose: 0, validationSplit: 0.25);

        Assert.Equal(
            ["cls_accuracy", "cls_loss", "loss", "value_loss", "val_cls_accuracy", "val_cls_loss", "val_loss", "val_value_loss"],
            history.Logs.Keys);
        Assert.True(history.Logs["cls_loss"][^1] < 0.7 * history.Logs["cls_loss"][0], string.Join(", ", history.Logs["cls_loss"]));
        Assert.True(history.Logs["value_loss"][^1] < 0.7 * history.Logs["value_loss"][0], string.Join(", ", history.Logs["value_loss"]));
        var epoch = history.Logs["loss"].Count - 1;
        Assert.Equal(history.Logs["cls_loss"][epoch] + 0.5 * history.Logs["value_loss"][epoch], history.Logs["loss"][epoch], 4);

        var evaluated = model.Evaluate(x, y, verbose: 0);
        Assert.Equal(["loss", "cls_loss", "value_loss", "cls_accuracy"], evaluated.Select(p => p.Key));
    }

    [Fact]
    public void FitWithAWrongInputShapeNamesTheInput()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Synthetic(16);
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Fit(x with { Image = rand(16, 8, 9, 1) }, y, verbose: 0));

        Assert.Equal("image", error.ParamName);
        Assert.StartsWith("TwoHeadNet expects input 'image' of shape (batch, 8, 8, 1) and dtype float32; got shape (16, 8, 9, 1)", error.Message);
    }

    [Fact]
    public void FitWithTargetsOfAnotherLengthNamesThem()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Synthetic(16);
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y with { Value = rand(15, 1) }, verbose: 0));

        Assert.Equal("value", error.ParamName);
        Assert.StartsWith("input 'image' has 16 samples but target 'value' has 15: they must have the same length (first dimension).", error.Message);
    }

    [Fact]
    public void FloatClassTargetsAreRejectedNamingTheOutput()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Synthetic(16);
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y with { Cls = y.Cls.to_type(ScalarType.Float32) }, verbose: 0));

        Assert.Equal("cls", error.ParamName);
        Assert.StartsWith("SparseCategoricalCrossentropy expects integer class labels of shape (16,) or (16, 1) for TwoHeadNet's output (batch, 3); got target 'cls' of shape (16,) and dtype float32.", error.Message);
    }

    [Fact]
    public void ValidationDataIsEvaluatedAfterEachEpoch()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var (x, y) = Synthetic(64);
        var (vx, vy) = Synthetic(32);
        using var model = new TwoHeadNet();

        var history = model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0, validationData: (vx, vy));

        Assert.Equal(2, history.Logs["val_value_loss"].Count);
        Assert.Equal(model.Evaluate(vx, vy, verbose: 0).First(p => p.Key == "cls_loss").Value, history.Logs["val_cls_loss"][^1], 5);
    }

    // Images whose class is their brightest of the first three quadrants and whose value is their
    // mean; the statistics input is the four quadrant means, centred.
    internal static (TwoHeadNet.Inputs X, TwoHeadNet.Targets Y) Synthetic(int samples)
    {
        var image = rand(samples, 8, 8, 1);
        var quadrants = stack(
            [
                image[.., ..4, ..4].mean([1, 2, 3]), image[.., ..4, 4..].mean([1, 2, 3]),
                image[.., 4.., ..4].mean([1, 2, 3]), image[.., 4.., 4..].mean([1, 2, 3]),
            ], 1);
        var cls = quadrants[.., ..3].argmax(1);
        var value = image.mean([1, 2, 3]).unsqueeze(1);
        var stats = (quadrants - quadrants.mean([1], keepdim: true)) * 20;   // centred and scaled: the class is easy to read
        return (new TwoHeadNet.Inputs(image, stats), new TwoHeadNet.Targets(cls, value));
    }
}
