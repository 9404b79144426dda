using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>A tagger: token ids with padding 0 to a class per step; the mask reaches the output.</summary>
[Sequential, Input(5)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class MaskedTagger
{
    readonly Embedding embed = new(6, 4, maskZero: true);
    readonly Dense tags = new(3, Activation.Softmax);
}

/// <summary>A per-step regressor over padded token ids.</summary>
[Sequential, Input(5)]
[Compile(Optimizer.Sgd, Loss.MeanSquaredError)]
public partial class MaskedStepRegressor
{
    readonly Embedding embed = new(6, 4, maskZero: true);
    readonly Dense value = new(1);
}

/// <summary>
/// Keras weighs the loss and metrics of an output that carries a mask by it: the masked steps are left out
/// and the mean is over the unmasked ones. Reference numbers from Keras 3.16 (numpy backend): the same models,
/// weight j (in order) 0.5 · sin(0.37 i + j), evaluated on the batches below.
/// </summary>
public sealed class MaskedLossTests
{
    private static readonly Tensor Ids = tensor(new float[] { 1, 2, 3, 0, 0, 4, 5, 0, 0, 0, 2, 2, 2, 2, 1 }).reshape(3, 5);

    private static T Filled<T>(T model) where T : Model
    {
        using var noGrad = no_grad();
        var j = 0;
        foreach (var (_, parameter) in model.named_parameters())
        {
            parameter.copy_(((arange(parameter.numel(), ScalarType.Float64) * 0.37 + j++).sin() * 0.5).reshape(parameter.shape));
        }

        return model;
    }

    [Fact]
    public void LossAndAccuracyAverageOverTheUnmaskedStepsAsKeras()
    {
        // Keras 3.16: evaluate(x, y, batch_size=3) = {loss: 1.1191517, accuracy: 0.2}; on the first two samples
        // (batch_size=2) {loss: 1.0884106, accuracy: 0.2}. Without the mask, every padded step would count.
        var labels = tensor(new long[] { 0, 1, 2, 0, 0, 2, 1, 0, 0, 0, 1, 1, 0, 2, 2 }).reshape(3, 5);
        var model = Filled(new MaskedTagger());
        var all = model.Evaluate(Ids, labels, batchSize: 3, verbose: 0);
        Assert.Equal(1.1191517, all.Loss, 6);
        Assert.Equal(0.2, all["accuracy"], 6);
        var two = model.Evaluate(Ids[..2], labels[..2], batchSize: 2, verbose: 0);
        Assert.Equal(1.0884106, two.Loss, 6);

        // Padding labels change nothing: their steps are masked.
        var otherPadding = labels.clone();
        otherPadding[0, 4] = tensor(2L);
        otherPadding[1, 3] = tensor(1L);
        Assert.Equal(all.Loss, model.Evaluate(Ids, otherPadding, batchSize: 3, verbose: 0).Loss, 10);
    }

    [Fact]
    public void MeanSquaredErrorOfAMaskedSequenceAsKerasAndTrainingLowersIt()
    {
        // Keras 3.16: evaluate(x, sin(arange(15)).reshape(3, 5, 1), batch_size=3) = {loss: 1.0879167}.
        var targets = arange(15, ScalarType.Float32).sin().reshape(3, 5, 1);
        var model = Filled(new MaskedStepRegressor());
        Assert.Equal(1.0879167, model.Evaluate(Ids, targets, batchSize: 3, verbose: 0).Loss, 6);
        var history = model.Fit(Ids, targets, epochs: 20, batchSize: 3, verbose: 0);
        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0]);
    }
}
