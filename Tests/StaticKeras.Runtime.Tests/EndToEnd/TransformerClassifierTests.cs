using System;
using System.Diagnostics;
using System.Linq;
using Samples.Transformer;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>
/// The Transformer sample's model (Samples/Transformer: Keras' "text classification with Transformer" example)
/// learns a sequence task, and the padding mask keeps padding from changing its answers.
/// </summary>
public sealed class TransformerClassifierTests(ITestOutputHelper output)
{
    /// <summary>
    /// Sequences of an odd length from 3 to 9 of tokens 1..16, padded with 0 to 10 steps; the label says
    /// whether most of the tokens are high (9..16). Unmasked padding would count as tokens and shift the
    /// average the model reads.
    /// </summary>
    internal static (Tensor X, Tensor Y) Sequences(int count, int seed)
    {
        var random = new Random(seed);
        var x = new float[count * 10];
        var y = new float[count];
        for (var i = 0; i < count; i++)
        {
            var length = 3 + 2 * random.Next(4);
            var high = 0;
            for (var t = 0; t < length; t++)
            {
                var token = random.Next(1, 17);
                x[i * 10 + t] = token;
                high += token > 8 ? 1 : 0;
            }

            y[i] = 2 * high > length ? 1 : 0;
        }

        return (tensor(x).reshape(count, 10), tensor(y).reshape(count, 1));
    }

    [Fact]
    public void LearnsWhetherMostTokensAreHighAndIgnoresPadding()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        var (xTrain, yTrain) = Sequences(2048, 1);
        var (xTest, yTest) = Sequences(512, 2);
        var model = new TransformerClassifier();
        var clock = Stopwatch.StartNew();
        var (lossBefore, _) = model.Evaluate(xTest, yTest, verbose: 0);

        model.Fit(xTrain, yTrain, epochs: 8, batchSize: 32, verbose: 0);
        var (loss, accuracy) = model.Evaluate(xTest, yTest, verbose: 0);

        output.WriteLine($"test loss {lossBefore:F4} -> {loss:F4}, accuracy {accuracy:F4}, trained in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(accuracy, 0.95, 1.0);
        Assert.InRange(loss, 0.0, 0.3 * lossBefore);

        // The padding mask: more padding after the tokens changes no prediction.
        var padded = cat([xTest[..32], zeros(32, 6)], 1);
        var plain = model.Predict(xTest[..32]).data<float>().ToArray();
        Assert.All(plain.Zip(model.Predict(padded).data<float>().ToArray()), p => Assert.Equal(p.First, p.Second, 5));
    }
}
