using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

public class ModelPredictTests
{
    [Fact]
    public void ConcatenatesTheInferenceOutputOfEveryBatch()
    {
        manual_seed(30);
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(45, seed: 31);
        using var predictions = model.Predict(x, batchSize: 8);
        Assert.Equal([45L, 3], predictions.shape);
        using var expected = model.Call(x);
        Approx.Equal(expected, predictions, 1e-6);
        Approx.Equal(ones(45), predictions.sum(-1), 1e-6);   // softmax rows
        Assert.False(predictions.requires_grad);
    }

    [Fact]
    public void NeverAliasesTheInputs()
    {
        var model = new IdentityModel();
        using var x = ones(3, 2);
        using var y = model.Predict(x);
        y.add_(1);
        Approx.Equal(ones(3, 2), x, 0);
    }

    [Fact]
    public void VerboseOnePrintsABarWithoutValues()
    {
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(4, seed: 32);
        var writer = new System.IO.StringWriter();
        model.Predict(x, batchSize: 4, verbose: 1, callbacks: [new global::StaticKeras.Callbacks.ProgbarLogger(writer, new StepClock(0.01))]).Dispose();
        Assert.Equal("\r1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 10ms/step\r1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 20ms/step\n", writer.ToString());
    }

    // The smallest model: Call returns its input, so only Predict's own copy separates x and y.
    private sealed class IdentityModel() : Model("IdentityModel")
    {
        protected override ModelInfo Info { get; } = new("IdentityModel", [new("inputs", [2], [null])], [new("output", [2], [null])], null, "");

        public override Tensor Call(Tensor inputs, bool training = false)
        {
            GuardInput(inputs);
            return inputs;
        }

        protected override StepOutput TrainStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw new System.NotSupportedException();

        protected override StepOutput TestStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw new System.NotSupportedException();
    }
}
