using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Inference;

/// <summary>What Predict's inference mode must not leak: its result is an ordinary tensor, and the model's mode.</summary>
public sealed class PredictInferenceModeTests
{
    [Fact]
    public void PredictionsCanBeUsedWithAutogradLater()
    {
        // Tensors made under torch.inference_mode cannot be saved for backward; Predict's result must
        // work as, say, a distillation target in a training step.
        manual_seed(73);
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(10, seed: 74);
        using var predictions = model.Predict(x, batchSize: 4);
        using var weight = ones([10, 3], requires_grad: true);
        (predictions * weight).sum().backward();
        Approx.Equal(predictions, weight.grad!, 0);
    }

    [Fact]
    public void LeavesAModelInTrainingModeInInferenceModeAndAnInferenceModelUntouched()
    {
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(5, seed: 75);
        model.train();
        model.Predict(x).Dispose();
        Assert.False(model.training);
        model.Predict(x).Dispose();
        Assert.False(model.training);
    }

    [Fact]
    public void ChecksTheInputsOnceBeforeTheFirstBatch()
    {
        var model = new BlobMlp();
        using var wrong = zeros(40, 2, 3);
        var error = Assert.Throws<System.ArgumentException>(() => model.Predict(wrong, batchSize: 8));
        Assert.Contains("BlobMlp expects", error.Message);
        Assert.Contains("(40, 2, 3)", error.Message);
    }
}
