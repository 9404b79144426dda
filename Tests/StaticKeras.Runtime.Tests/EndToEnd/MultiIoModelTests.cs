using System;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>A functional model with two inputs and two named outputs: an image and summary statistics in, a class and a value out.</summary>
[Model]
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

        Assert.StartsWith("Predict needs as many samples in every tensor; 'image' has 7 but 'stats' has 6.", error.Message);
    }

    [Fact]
    public void OneTensorCallPointsAtTheTypedOne()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadNet();

        var error = Assert.Throws<NotSupportedException>(() => model.Call(rand(2, 8, 8, 1)));

        Assert.Equal("TwoHeadNet takes 2 inputs (image, stats) and returns 2 outputs (cls, value): call Call(new TwoHeadNet.Inputs(image, stats)).", error.Message);
    }
}
