using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// The peer: an idiomatic hand-written TorchSharp training loop for the seed MLP (nn.Module,
/// torch.optim.Adam, CrossEntropyLoss, one DisposeScope per step, the epoch loss accumulated).
/// </summary>
internal sealed class HandWrittenMlp
{
    private readonly Sequential model = nn.Sequential(
        ("flatten", nn.Flatten()),
        ("hidden", nn.Linear(784, 128)),
        ("relu", nn.ReLU()),
        ("output", nn.Linear(128, 10)));

    private readonly optim.Optimizer optimizer;
    private readonly CrossEntropyLoss lossFunction = nn.CrossEntropyLoss();

    public HandWrittenMlp() => optimizer = optim.Adam(model.parameters(), lr: 1e-3, eps: 1e-7);

    /// <summary>Trains one epoch over shuffled batches and returns the mean loss.</summary>
    public double TrainEpoch(Tensor x, Tensor y, int batchSize)
    {
        model.train();
        var n = x.shape[0];
        using var order = randperm(n);
        double lossSum = 0;
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var index = order.narrow(0, start, System.Math.Min(batchSize, n - start));
            var xb = x.index_select(0, index);
            var yb = y.index_select(0, index);
            optimizer.zero_grad();
            var loss = lossFunction.call(model.call(xb), yb);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * xb.shape[0];
        }

        return lossSum / n;
    }
}
