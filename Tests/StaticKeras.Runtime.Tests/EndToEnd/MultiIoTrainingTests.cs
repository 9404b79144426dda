using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Saving;
using StaticKeras.Saving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>Two inputs and one output, trained by one [Compile] for its one output.</summary>
[Model]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.01)]
public partial class PairClassifier
{
    readonly Dense left = new(4, Activation.Relu);
    readonly Dense right = new(4, Activation.Relu);
    readonly Concatenate join = new();
    readonly Dense head = new(3, Activation.Softmax);

    [Graph]
    Tensor Call([Input(2)] Tensor a, [Input(3)] Tensor b)
    {
        return head.Call(join.Call(left.Call(a), right.Call(b)));
    }
}

/// <summary>
/// Everything the one-tensor Fit and Evaluate offer works for several inputs and outputs, through
/// the same loop: sample weights per output, class weights, initialEpoch, validationFreq, callbacks,
/// the progress bar, Keras' log names, Info, saving, loading and checkpoints.
/// </summary>
public sealed class MultiIoTrainingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EvaluateWeighsEachOutputsLossByItsOwnSampleWeights()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var (x, y) = MultiIoModelTests.Synthetic(40);
        using var model = new TwoHeadNet();

        var plain = model.Evaluate(x, y, batchSize: 16, verbose: 0);
        var weighted = model.Evaluate(x, y, batchSize: 16, verbose: 0, sampleWeight: new(Value: full(40, 2f)));

        Assert.Equal(plain["cls_loss"], weighted["cls_loss"], 6);
        Assert.Equal(2 * plain["value_loss"], weighted["value_loss"], 5);
        Assert.Equal(weighted["cls_loss"] + 0.5 * weighted["value_loss"], weighted.Loss, 5);
        Assert.Equal(plain["cls_accuracy"], weighted["cls_accuracy"]);   // weights change losses, not metrics (Keras' metrics, not weighted_metrics)
    }

    [Fact]
    public void ZeroWeightsOnAnOutputLeaveTheLayerOnlyItFeedsUntouched()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var (x, y) = MultiIoModelTests.Synthetic(48);
        using var model = new TwoHeadNet();
        var before = Snapshot(model);

        model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0, sampleWeight: new(Value: zeros(48)));

        var after = Snapshot(model);
        Assert.True(Same(before["regressor.kernel"], after["regressor.kernel"]));
        Assert.True(Same(before["regressor.bias"], after["regressor.bias"]));
        Assert.False(Same(before["classifier.kernel"], after["classifier.kernel"]));
    }

    [Fact]
    public void SampleWeightsOfTheWrongLengthNameTheirOutput()
    {
        using var scope = NewDisposeScope();
        var (x, y) = MultiIoModelTests.Synthetic(16);
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: 0, sampleWeight: new(Cls: ones(15))));

        Assert.Equal("sampleWeight", error.ParamName);
        Assert.StartsWith("sampleWeight of output 'cls' must hold one number per sample of input 'image', shape (16,); got shape (15,) and dtype float32.", error.Message);
    }

    [Fact]
    public void ClassWeightNeedsAModelWithOneOutputAsInKeras()
    {
        using var scope = NewDisposeScope();
        var (x, y) = MultiIoModelTests.Synthetic(16);
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y, verbose: 0, classWeight: new Dictionary<int, double> { [0] = 2 }));

        Assert.StartsWith("classWeight is only supported for models with a single output (as in Keras); TwoHeadNet has 2 (cls, value).", error.Message);
    }

    [Fact]
    public void ClassWeightWeighsTheOneOutputOfAModelWithSeveralInputs()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var (x, y) = Pairs(30);
        using var model = new PairClassifier();

        var unweighted = model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0, shuffle: false);
        var silenced = model.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0, classWeight: new Dictionary<int, double> { [0] = 0, [1] = 0, [2] = 0 });

        Assert.Equal(["accuracy", "loss"], unweighted.Logs.Keys.Order(StringComparer.Ordinal));
        Assert.True(unweighted.Logs["loss"][0] > 0.1);
        Assert.Equal([0.0, 0.0], silenced.Logs["loss"]);
    }

    [Fact]
    public void InitialEpochValidationFreqAndCallbacksWorkAcrossOutputs()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var (x, y) = MultiIoModelTests.Synthetic(64);
        using var model = new TwoHeadNet();
        var begun = new List<int>();
        var trainBatches = 0;

        var history = model.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0, validationSplit: 0.25, initialEpoch: 1, validationFreq: 2,
            callbacks: [new LambdaCallback(onEpochBegin: (epoch, _) => begun.Add(epoch), onTrainBatchEnd: (_, _) => trainBatches++)]);

        Assert.Equal([1, 2, 3], begun);
        Assert.Equal(3 * 3, trainBatches);   // 48 training samples in batches of 16
        Assert.Equal(3, history.Logs["cls_loss"].Count);
        Assert.Equal(2, history.Logs["val_value_loss"].Count);   // after epochs 2 and 4 (one-based)
    }

    [Fact]
    public void TheProgressBarShowsEveryOutputsLogs()
    {
        using var scope = NewDisposeScope();
        var (x, y) = MultiIoModelTests.Synthetic(32);
        using var model = new TwoHeadNet();
        var output = new StringWriter();

        model.Fit(x, y, epochs: 1, batchSize: 16, verbose: 2, validationSplit: 0.5, callbacks: [new ProgbarLogger(output, color: false)]);

        var text = output.ToString();
        Assert.StartsWith("1/1 - ", text);
        foreach (var key in new[] { "cls_accuracy", "cls_loss", "loss", "value_loss", "val_cls_accuracy", "val_cls_loss", "val_loss", "val_value_loss" })
        {
            Assert.Contains($" - {key}: ", text);
        }
    }

    [Fact]
    public void TheOneTensorFitAndEvaluateNameTheTypedOnes()
    {
        using var scope = NewDisposeScope();
        using var model = new PairClassifier();

        var fit = Assert.Throws<NotSupportedException>(() => model.Fit(zeros(4, 2), zeros(4, dtype: ScalarType.Int64), verbose: 0));
        var evaluate = Assert.Throws<NotSupportedException>(() => model.Evaluate(zeros(4, 2), zeros(4, dtype: ScalarType.Int64), verbose: 0));

        Assert.Equal("PairClassifier takes 2 inputs (a, b) and returns 1 output (head): call Fit(PairClassifier.Inputs, PairClassifier.Targets).", fit.Message);
        Assert.Equal("PairClassifier takes 2 inputs (a, b) and returns 1 output (head): call Evaluate(PairClassifier.Inputs, PairClassifier.Targets).", evaluate.Message);
    }

    [Fact]
    public void InfoDescribesEveryInputAndOutput()
    {
        using var model = new TwoHeadNet();
        var info = model.BuildInfo;

        Assert.Equal(["image", "stats"], info.Inputs.Select(i => i.Name));
        Assert.Equal(["(batch, 8, 8, 1)", "(batch, 4)"], info.Inputs.Select(i => i.Display));
        Assert.Equal(["cls", "value"], info.Outputs.Select(o => o.Name));
        Assert.Equal(["(batch, 3)", "(batch, 1)"], info.Outputs.Select(o => o.Display));
        Assert.Equal(info.Inputs[0], info.Input);
        Assert.Equal(info.Outputs[0], info.Output);
        var compile = info.Compile!;
        Assert.True(compile.PerOutput);
        Assert.Equal((Optimizer.Adam, 0.01), (compile.Optimizer, compile.LearningRate));
        Assert.Equal([Loss.SparseCategoricalCrossentropy, Loss.MeanSquaredError], compile.Outputs.Select(o => o.Loss));
        Assert.Equal([1.0, 0.5], compile.Outputs.Select(o => o.LossWeight));
        Assert.Equal([Metric.Accuracy], compile.Outputs[0].Metrics);
        Assert.Empty(compile.Outputs[1].Metrics);
        Assert.True(MetricDirection.HigherIsBetter(model, "val_cls_accuracy"));
    }

    [Fact]
    public void SavedWeightsLoadIntoANewModelThatPredictsTheSame()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var (x, y) = MultiIoModelTests.Synthetic(32);
        using var trained = new TwoHeadNet();
        trained.Fit(x, y, epochs: 1, batchSize: 16, verbose: 0);
        var path = _dir.File("two-head.weights.safetensors");

        trained.SaveWeights(path);
        using var loaded = new TwoHeadNet();
        loaded.LoadWeights(path);

        AssertSamePredictions(trained, loaded, x);
    }

    [Fact]
    public void ACheckpointOfTheBestEpochRestoresItsPredictions()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var (x, y) = MultiIoModelTests.Synthetic(64);
        var path = _dir.File("best.safetensors");
        using var model = new TwoHeadNet();
        var bestAccuracy = double.NegativeInfinity;
        TwoHeadNet.Outputs? bestPredictions = null;
        var probe = new LambdaCallback(onEpochEnd: (_, logs) =>
        {
            if (logs["val_cls_accuracy"] > bestAccuracy)
            {
                bestAccuracy = logs["val_cls_accuracy"];
                var predicted = model.Predict(x);
                bestPredictions = new(predicted.Cls.MoveToOuterDisposeScope(), predicted.Value.MoveToOuterDisposeScope());
            }
        });

        model.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0, validationSplit: 0.25,
            callbacks: [new ModelCheckpoint(path, monitor: "val_cls_accuracy", saveBestOnly: true), probe]);

        using var restored = new TwoHeadNet();
        restored.LoadWeights(path);
        var again = restored.Predict(x);
        Assert.True(Same(again.Cls, bestPredictions!.Cls));
        Assert.True(Same(again.Value, bestPredictions.Value));
        using var file = SafeTensorsFile.Open(path);
        Assert.Equal("(batch, 8, 8, 1), (batch, 4)", file.Metadata["input"]);
        Assert.Equal("(batch, 3), (batch, 1)", file.Metadata["output"]);
        Assert.Equal(
            "{\"optimizer\":\"Adam\",\"loss\":{\"cls\":\"SparseCategoricalCrossentropy\",\"value\":\"MeanSquaredError\"}," +
            "\"metrics\":{\"cls\":[\"Accuracy\"],\"value\":[]},\"from_logits\":{\"cls\":false,\"value\":false}," +
            "\"loss_weights\":{\"cls\":1,\"value\":0.5},\"learning_rate\":0.01}",
            file.Metadata["compile"]);
    }

    private static void AssertSamePredictions(TwoHeadNet expected, TwoHeadNet actual, TwoHeadNet.Inputs x)
    {
        var a = expected.Predict(x);
        var b = actual.Predict(x);
        Assert.True(Same(a.Cls, b.Cls));
        Assert.True(Same(a.Value, b.Value));
    }

    private static bool Same(Tensor a, Tensor b) => a.allclose(b, rtol: 0, atol: 0);

    private static Dictionary<string, Tensor> Snapshot(Model model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

    // The class is which of the first three features of a is largest; b is noise.
    private static (PairClassifier.Inputs X, PairClassifier.Targets Y) Pairs(int samples)
    {
        var a = rand(samples, 2);
        var b = rand(samples, 3);
        var head = cat([a, full(samples, 1, 0.5f)], 1).argmax(1);
        return (new PairClassifier.Inputs(a, b), new PairClassifier.Targets(head));
    }
}
