using System;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Merging;

public sealed class MergeBadInputTests
{
    private static string Message(Action call) => Assert.Throws<ArgumentException>(call).Message;

    [Fact]
    public void NoInputs()
    {
        Assert.Equal("Add needs at least 1 inputs, found 0. (Parameter 'inputs')", Message(() => new Add().Call()));
        Assert.Equal("Concatenate needs at least 1 inputs, found 0. (Parameter 'inputs')", Message(() => new Concatenate().Call()));
        Assert.Equal("Subtract needs exactly 2 inputs, found 1. (Parameter 'inputs')", Message(() => new Subtract().Call(zeros(2, 3))));
        Assert.Throws<ArgumentNullException>(() => new Maximum().Call(null!));
        Assert.Throws<ArgumentNullException>(() => new Maximum().Call(zeros(2, 3), null!));
    }

    [Fact]
    public void ASingleInputIsReturnedUnchangedAsInKeras()
    {
        // Keras 3: layers.Add()([x]) and layers.Concatenate()([x]) return x.
        using var x = randn(2, 3);
        MergeLayer[] merges = [new Add(), new Multiply(), new Average(), new Maximum(), new Minimum(), new Concatenate()];
        foreach (var merge in merges)
        {
            Assert.Equal(x.data<float>().ToArray(), merge.Call(x).data<float>().ToArray());
        }
    }

    [Fact]
    public void InputsWithoutABatchAxisOrOfDifferentBatchSizes()
    {
        Assert.Equal("Multiply: every input needs a batch axis, found input 1 of shape (). (Parameter 'inputs')",
            Message(() => new Multiply().Call(zeros(2, 3), tensor(1f))));
        Assert.Equal("Average: inputs must have the same batch size, found shapes (32, 10) and (16, 10). (Parameter 'inputs')",
            Message(() => new Average().Call(zeros(32, 10), zeros(32, 10), zeros(16, 10))));
        Assert.Equal("Concatenate: inputs must have the same batch size, found shapes (32,) and (16,). (Parameter 'inputs')",
            Message(() => new Concatenate().Call(zeros(32), zeros(16))));
    }

    [Fact]
    public void ShapesThatDoNotBroadcast()
    {
        Assert.Equal(
            "Add: inputs of shapes (32, 26, 26, 32) and (32, 28, 28, 1) differ in axes 1, 2; sizes must be equal or 1 " +
            "(shapes align from the last axis). (Parameter 'inputs')",
            Message(() => new Add().Call(zeros(32, 26, 26, 32), zeros(32, 28, 28, 1))));
        Assert.Contains("inputs of shapes (2, 3, 4) and (2, 5) differ in axis 2;", Message(() => new Minimum().Call(zeros(2, 3, 4), zeros(2, 5))));
        Assert.Contains("inputs of shapes (2, 4) and (2, 6) differ in axis 1;", Message(() => new Subtract().Call(zeros(2, 4), zeros(2, 6))));
    }

    [Fact]
    public void ConcatenateAxisOutsideTheInputs()
    {
        Assert.Equal(
            "Concatenate: axis 3 must name a non-batch axis of inputs of rank 3 (batch included), found shape (2, 10, 16). (Parameter 'inputs')",
            Message(() => new Concatenate(axis: 3).Call(zeros(2, 10, 16), zeros(2, 10, 16))));
        Assert.Contains("axis -3 must name a non-batch axis of inputs of rank 2", Message(() => new Concatenate(axis: -3).Call(zeros(2, 4), zeros(2, 4))));
        Assert.Contains("axis -2 must name a non-batch axis of inputs of rank 2", Message(() => new Concatenate(axis: -2).Call(zeros(2, 4), zeros(2, 4))));
        var batch = Assert.Throws<ArgumentOutOfRangeException>(() => new Concatenate(axis: 0));
        Assert.Equal("axis", batch.ParamName);
    }

    [Fact]
    public void ConcatenateInputsThatDifferOutsideTheAxis()
    {
        Assert.Equal(
            "Concatenate: inputs of shapes (2, 28, 28, 3) and (2, 14, 14, 8) must match except on the concatenation axis -1, " +
            "found different sizes in axes 1, 2. (Parameter 'inputs')",
            Message(() => new Concatenate().Call(zeros(2, 28, 28, 3), zeros(2, 14, 14, 8))));
        Assert.Contains("shapes (2, 28, 3) and (2, 28, 28, 3) must match except on the concatenation axis -1, found different ranks 3 and 4",
            Message(() => new Concatenate().Call(zeros(2, 28, 3), zeros(2, 28, 28, 3))));
        // No broadcasting: a size of 1 must match too.
        Assert.Contains("found different sizes in axis 1.", Message(() => new Concatenate(axis: 2).Call(zeros(2, 4, 5), zeros(2, 4, 5), zeros(2, 1, 5))));
    }
}
