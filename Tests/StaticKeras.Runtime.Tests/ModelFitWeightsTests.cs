using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.EndToEnd;
using StaticKeras.Training;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

public class ModelFitWeightsTests
{
    private static (Tensor X, Tensor Y) Data() => NoisyData.Make(10, 8, 3, seed: 1);

    [Fact]
    public void SampleWeightOfTheWrongLengthIsRejected()
    {
        var (x, y) = Data();
        var e = Assert.Throws<ArgumentException>(() => new OverfittingMlp().Fit(x, y, verbose: 0, sampleWeight: ones(9)));
        Assert.Equal("sampleWeight must hold one number per sample of x, shape (10,); got shape (9,) and dtype float32. (Parameter 'sampleWeight')", e.Message);
    }

    [Fact]
    public void NegativeSampleWeightIsRejected()
    {
        var (x, y) = Data();
        var weights = ones(10);
        weights[3] = tensor(-1f);
        var e = Assert.Throws<ArgumentException>(() => new OverfittingMlp().Fit(x, y, verbose: 0, sampleWeight: weights));
        Assert.Equal("sampleWeight must be finite and >= 0; it has -1 at sample 3. (Parameter 'sampleWeight')", e.Message);
    }

    [Fact]
    public void ClassWeightKeyOutsideTheClassesIsRejected()
    {
        var (x, y) = Data();
        var e = Assert.Throws<ArgumentException>(() => new OverfittingMlp().Fit(x, y, verbose: 0, classWeight: new Dictionary<int, double> { [3] = 2 }));
        Assert.Equal("classWeight keys must be class indices in [0, 3) for OverfittingMlp's output (batch, 3); got key 3. (Parameter 'classWeight')", e.Message);
    }

    [Fact]
    public void ClassWeightAndSampleWeightTogetherAreRejected()
    {
        var (x, y) = Data();
        var e = Assert.Throws<ArgumentException>(() => new OverfittingMlp().Fit(x, y, verbose: 0, sampleWeight: ones(10),
            classWeight: new Dictionary<int, double> { [0] = 2 }));
        Assert.StartsWith("Fit got both sampleWeight and classWeight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationFreqBelowOneIsRejected()
    {
        var (x, y) = Data();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new OverfittingMlp().Fit(x, y, verbose: 0, validationFreq: 0));
        Assert.StartsWith("validationFreq must be >= 1 (validate every N epochs); got 0.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, new[] { 0, 1, 2, 3 })]
    [InlineData(3, new[] { 2 })]
    public void EveryNValidatesAfterOneBasedMultiples(int every, int[] expected)
    {
        ValidationFrequency frequency = every;
        Assert.Equal(expected, Array.FindAll([0, 1, 2, 3], frequency.ShouldValidate));
        Assert.True(default(ValidationFrequency).ShouldValidate(0));
    }

    [Fact]
    public void InitialEpochNumbersEpochsFromItAndPrintsThemOutOfTheTotal()
    {
        manual_seed(2);
        var (x, y) = Data();
        var output = new StringWriter();
        var history = new OverfittingMlp().Fit(x, y, epochs: 4, initialEpoch: 2, batchSize: 10, verbose: 2,
            callbacks: [new ProgbarLogger(output, color: false)]);
        Assert.Equal([2, 3], history.Epoch);
        Assert.StartsWith("Epoch 3/4\n", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Epoch 4/4\n", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Epoch 1/4", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WeightedStepsLeaveNoTensorsBehind()
    {
        manual_seed(5);
        var model = new OverfittingMlp();
        var (x, y) = NoisyData.Make(50, 8, 3, seed: 6);
        var weights = rand(50);
        model.Fit(x, y, epochs: 1, verbose: 0, sampleWeight: weights);   // creates the optimizer and its state once
        var counts = new List<long>();
        var counter = new LambdaCallback(onTrainBatchEnd: (_, _) => counts.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount));

        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        model.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0, validationSplit: 0.2, sampleWeight: weights, callbacks: [counter]);

        Assert.Equal(10, counts.Count);
        Assert.All(counts, c => Assert.Equal(counts[0], c));
        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
