using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>Stacked LSTM and GRU over a symbolic time axis, as the generator writes it.</summary>
[Sequential, Input("time", 16)]
[Compile(Optimizer.Adam, Loss.BinaryCrossentropy, LearningRate = 0.01)]
public partial class StackedRecurrent
{
    readonly LSTM encoder = new(32, returnSequences: true);
    readonly GRU summary = new(16);
    readonly Dense score = new(1, Activation.Sigmoid);
}

/// <summary>Embedding then LSTM over integer tokens.</summary>
[Sequential, Input(12)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, LearningRate = 0.01)]
public partial class TokenClassifier
{
    readonly Embedding embed = new(50, 8);
    readonly LSTM lstm = new(units: 12);
    readonly Dense classes = new(3, Activation.Softmax);
}

/// <summary>A small CNN with BatchNormalization: non-trainable statistics in the summary, training flag in Fit.</summary>
[Sequential, Input(8, 8, 1)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)]
public partial class NormalizedCnn
{
    readonly Conv2D conv = new(4, 3, padding: Padding.Same, useBias: false);
    readonly BatchNormalization norm = new();
    readonly GlobalAveragePooling2D pool = new();
    readonly Dense classes = new(2, Activation.Softmax);
}

/// <summary>The generated recurrent and normalized models build with Keras' parameter counts and train.</summary>
public sealed class SequenceModelTests
{
    [Fact]
    public void StackedRecurrentAcceptsAnyLengthAndTrains()
    {
        manual_seed(0);
        var model = new StackedRecurrent();
        var x = randn(32, 7, 16);
        var y = (x.mean([1, 2]) > 0).to_type(ScalarType.Float32).unsqueeze(1);

        var history = model.Fit(x, y, epochs: 3, batchSize: 8, verbose: 0);

        Assert.Equal(6_272 + 2_400 + 17, model.parameters().Sum(p => p.numel()));
        Assert.True(history.Logs["loss"][2] < history.Logs["loss"][0], $"loss {history.Logs["loss"][0]} -> {history.Logs["loss"][2]}");
        Assert.Equal([2L, 1L], model.Predict(randn(2, 11, 16)).shape);
    }

    [Fact]
    public void EmbeddingThenLstmTrainsOnTokens()
    {
        manual_seed(1);
        var model = new TokenClassifier();
        var x = randint(0, 50, [30, 12]).to_type(ScalarType.Float32);
        var y = (x[TensorIndex.Colon, 0] % 3).to_type(ScalarType.Int64);

        var history = model.Fit(x, y, epochs: 3, batchSize: 10, verbose: 0);

        Assert.Equal(400 + 1_008 + 39, model.parameters().Sum(p => p.numel()));
        Assert.True(history.Logs["loss"][2] < history.Logs["loss"][0], $"loss {history.Logs["loss"][0]} -> {history.Logs["loss"][2]}");
    }

    [Fact]
    public void BatchNormalizationStatisticsAreNonTrainableAndUpdateInFit()
    {
        manual_seed(2);
        var model = new NormalizedCnn();
        var summary = new System.Collections.Generic.List<string>();
        model.Summary(summary.Add);

        model.Fit(randn(16, 8, 8, 1) * 3 + 1, randint(0, 2, [16]), epochs: 1, batchSize: 8, verbose: 0);

        // conv 3·3·1·4 = 36; BatchNormalization 4·4 = 16, 8 of them moving statistics; dense 4·2 + 2 = 10.
        Assert.Equal(
            [" Total params: 62 (248.00 B)", " Trainable params: 54 (216.00 B)", " Non-trainable params: 8 (32.00 B)"],
            summary.TakeLast(3));
        Assert.Equal(36 + 8 + 10, model.parameters().Sum(p => p.numel()));
        var movingMean = model.named_buffers().Single(b => b.name == "norm.moving_mean").buffer;
        Assert.True(movingMean.abs().sum().item<float>() > 0, "moving_mean was not updated by training");
    }
}
