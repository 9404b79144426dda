using System.Linq;
using StaticKeras.Losses;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

public class ModelEvaluateTests
{
    [Fact]
    public void LossAndAccuracyAreThoseOfTheWholeDataset()
    {
        manual_seed(20);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(100, seed: 21);
        model.Fit(x, y, epochs: 2, verbose: 0);

        var result = model.Evaluate(x, y, batchSize: 32, verbose: 0);   // batches of 32, 32, 32, 4

        using var probabilities = model.Predict(x);
        var loss = LossFunctions.SparseCategoricalCrossentropy(y, probabilities, fromLogits: false).item<float>();
        var accuracy = probabilities.argmax(-1).eq(y).to_type(ScalarType.Float64).mean().item<double>();
        Assert.Equal(["loss", "accuracy"], result.Keys);
        Assert.Equal(loss, result.Loss, 5);
        Assert.Equal(accuracy, result["accuracy"], 12);
    }

    [Fact]
    public void SampleWeightWeighsTheLossAsKerasEvaluateDoes()
    {
        manual_seed(24);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(40, seed: 25);
        var weights = arange(40, dtype: ScalarType.Float32) % 3;

        var result = model.Evaluate(x, y, batchSize: 40, verbose: 0, sampleWeight: weights);

        using var probabilities = model.Predict(x);
        var expected = LossFunctions.SparseCategoricalCrossentropy(y, probabilities, false, weights).item<float>();
        Assert.Equal(expected, result.Loss, 5);
        Assert.Equal(model.Evaluate(x, y, verbose: 0)["accuracy"], result["accuracy"]);   // metrics count every sample once
    }

    [Fact]
    public void TheResultDoesNotDependOnBatchSize()
    {
        manual_seed(22);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(50, seed: 23);
        var whole = model.Evaluate(x, y, batchSize: 50, verbose: 0);
        var pieces = model.Evaluate(x, y, batchSize: 7, verbose: 0);
        Assert.Equal(whole.Loss, pieces.Loss, 6);
        Assert.Equal(whole["accuracy"], pieces["accuracy"], 12);
    }

    [Fact]
    public void RunsTestStepsOnlyAndChangesNoWeight()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var (x, y) = Blobs.Numbered(9);
        var weights = model.parameters().Select(p => p.clone()).ToArray();
        model.Evaluate(x, y, batchSize: 4, verbose: 0);
        Assert.Equal(["test", "test", "test"], model.Steps.Select(s => s.Phase));
        foreach (var (before, after) in weights.Zip(model.parameters()))
        {
            Approx.Equal(before, after, 0);
        }
    }

    [Fact]
    public void AModelWithoutMetricsReturnsTheLossOnly()
    {
        var model = new TestMlp(TestMlp.Compiled(accuracy: false));
        var (x, y) = Blobs.Numbered(4);
        var result = model.Evaluate(x, y, verbose: 0);
        Assert.Equal(["loss"], result.Keys);
        Assert.True(result.Loss > 0);
    }

    [Fact]
    public void VerboseOnePrintsAFinishedBar()
    {
        manual_seed(25);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(10, seed: 24);
        var writer = new System.IO.StringWriter();
        model.Evaluate(x, y, batchSize: 5, verbose: 1, callbacks: [new global::StaticKeras.Callbacks.ProgbarLogger(writer, new StepClock(0.01))]);
        var output = writer.ToString();
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output,
            @"^\r1/2 ━━━━━━━━━━           0s 10ms/step - accuracy: \S+ - loss: \d\.\d{4}" +
            @"\r2/2 ━━━━━━━━━━━━━━━━━━━━ 0s 20ms/step - accuracy: \S+ - loss: \d\.\d{4}\n$"), output.Replace("\r", "<CR>"));
    }
}
