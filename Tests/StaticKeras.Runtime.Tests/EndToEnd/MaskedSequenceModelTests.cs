using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>Keras' padded-sequence classifier: index 0 is padding, masked out by the Embedding.</summary>
[Sequential, Input("time")]
[Compile(Optimizer.Adam, Loss.BinaryCrossentropy, LearningRate = 0.02, Metrics = [Metric.Accuracy])]
public partial class MaskedLstmClassifier
{
    internal readonly Embedding embed = new(10, 8, maskZero: true);
    readonly LSTM lstm = new(16);
    readonly Dense score = new(1, Activation.Sigmoid);
}

/// <summary>A bag of embeddings averaged over the unpadded steps only, after a sequence-returning GRU.</summary>
[Sequential, Input("time")]
[Compile(Optimizer.Adam, Loss.BinaryCrossentropy, LearningRate = 0.02)]
public partial class MaskedAverageClassifier
{
    readonly Embedding embed = new(10, 8, maskZero: true);
    readonly Dropout drop = new(0.1);
    readonly GRU gru = new(8, returnSequences: true);
    readonly GlobalAveragePooling1D mean = new();
    readonly Dense score = new(1, Activation.Sigmoid);
}

/// <summary>Readings with missing steps marked -1, masked by a Masking layer.</summary>
[Sequential, Input("time", 2)]
[Compile(Optimizer.Adam, Loss.MeanSquaredError)]
public partial class MaskedReadings
{
    readonly Masking missing = new(maskValue: -1.0);
    readonly SimpleRNN rnn = new(4);
    readonly Dense value = new(1);
}

/// <summary>A masked model gives the same result however much padding surrounds a sequence, and trains.</summary>
public sealed class MaskedSequenceModelTests
{
    // Sequences of tokens 1..9 of length 3 to 6, padded with 0 after their end to 6 steps; the label says whether token 7 occurs.
    private static (Tensor X, Tensor Y) Tokens(int count, long seed)
    {
        var generator = new TorchSharp.torch.Generator((ulong)seed);
        var tokens = randint(1, 10, [count, 6], generator: generator).to_type(ScalarType.Float32);
        var lengths = randint(3, 7, [count], generator: generator);
        var steps = arange(6).unsqueeze(0);
        var x = tokens * (steps < lengths.unsqueeze(1)).to_type(ScalarType.Float32);
        var y = x.eq(7).any(1).to_type(ScalarType.Float32).unsqueeze(1);
        return (x, y);
    }

    private static Tensor Pad(Tensor x, int before, int after) => cat([zeros(x.shape[0], before), x, zeros(x.shape[0], after)], 1);

    [Fact]
    public void TheMaskedLstmsResultDoesNotChangeWhenPaddingIsAdded()
    {
        manual_seed(7);
        var model = new MaskedLstmClassifier();
        var (x, y) = Tokens(256, 1);

        var history = model.Fit(x, y, epochs: 8, batchSize: 32, verbose: 0);

        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0] * 0.7, $"loss {history.Logs["loss"][0]} -> {history.Logs["loss"][^1]}");
        var plain = model.Predict(x[..16]);
        Assert.Equal(plain.data<float>().ToArray(), model.Predict(Pad(x[..16], 0, 5)).data<float>().ToArray());
        Assert.Equal(plain.data<float>().ToArray(), model.Predict(Pad(x[..16], 4, 3)).data<float>().ToArray());
        // Without the mask the padding would change the result: the padded steps are real zeros to an unmasked LSTM.
        var unmasked = new LSTM(16);
        unmasked.Build(-1, 8);
        Assert.False(unmasked.Call(model.embed.Call(Pad(x[..16], 0, 5))).allclose(unmasked.Call(model.embed.Call(x[..16]))));
    }

    [Fact]
    public void TheMaskedAverageIgnoresPaddingAndTrains()
    {
        manual_seed(8);
        var model = new MaskedAverageClassifier();
        var (x, y) = Tokens(128, 2);

        var history = model.Fit(x, y, epochs: 4, batchSize: 32, verbose: 0);

        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0], $"loss {history.Logs["loss"][0]} -> {history.Logs["loss"][^1]}");
        var plain = model.Predict(x[..8]).data<float>().ToArray();
        var padded = model.Predict(Pad(x[..8], 0, 7)).data<float>().ToArray();
        Assert.Equal(plain.Length, padded.Length);
        Assert.All(plain.Zip(padded), p => Assert.Equal(p.First, p.Second, 6));
    }

    [Fact]
    public void MaskingSkipsMissingReadings()
    {
        manual_seed(9);
        var model = new MaskedReadings();
        var x = randn(4, 5, 2);
        var withGaps = cat([x[.., ..2], full(4, 3, 2, -1f), x[.., 2..]], 1);   // three missing steps in the middle

        Assert.Equal(model.Predict(x).data<float>().ToArray(), model.Predict(withGaps).data<float>().ToArray());
        model.Fit(withGaps, x.sum([1, 2]).unsqueeze(1), epochs: 2, batchSize: 2, verbose: 0);
    }
}
