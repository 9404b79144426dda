using StaticKeras.Layers;
using StaticKeras.Layers.Initializers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class LSTMLearningTests
{
    private const int Steps = 16;

    [Fact]
    public void LearnsTheSignOfASum()
    {
        // Task: is the sum of 16 values drawn from U(-1, 1) positive? The answer needs every step,
        // so an LSTM must learn to integrate (forget gate near 1); an untrained one is near chance.
        random.manual_seed(2024);
        var lstm = new LSTM(8);
        lstm.Build(Steps, 1);
        // The Dense(1) head written out, Keras' initializers: logits = h @ kernel + bias.
        var kernel = new TorchSharp.Modules.Parameter(new GlorotUniform().Create([8, 1]));
        var bias = new TorchSharp.Modules.Parameter(zeros(1));
        Tensor Logits(Tensor x, bool training) => lstm.Call(x, training).matmul(kernel) + bias;

        var (testX, testY) = Batch(500);
        var (lossBefore, _) = Evaluate(Logits(testX, false), testY);

        var optimizer = optim.Adam([.. lstm.parameters(), kernel, bias], lr: 0.03);
        for (int step = 0; step < 250; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = Batch(64);
            var loss = nn.functional.binary_cross_entropy_with_logits(Logits(x, true), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        using var noGrad = no_grad();
        var (lossAfter, accuracy) = Evaluate(Logits(testX, false), testY);
        Assert.InRange(accuracy, 0.9, 1.0);
        Assert.InRange(lossAfter, 0, 0.5 * lossBefore);
    }

    private static (Tensor X, Tensor Y) Batch(long size)
    {
        var x = rand(size, Steps, 1) * 2 - 1;
        return (x, (x.sum(1) > 0).to_type(ScalarType.Float32));
    }

    private static (double Loss, double Accuracy) Evaluate(Tensor logits, Tensor labels) =>
        (nn.functional.binary_cross_entropy_with_logits(logits, labels).item<float>(),
         ((logits > 0).to_type(ScalarType.Float32) == labels).to_type(ScalarType.Float32).mean().item<float>());
}
