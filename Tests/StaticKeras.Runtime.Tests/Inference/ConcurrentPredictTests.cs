using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.EndToEnd;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Inference;

/// <summary>A model whose layers behave differently in training: Dropout and BatchNormalization.</summary>
[Sequential, Input(12)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, LearningRate = 0.01)]
public partial class ServedNet
{
    readonly Dense hidden = new(32, Activation.Relu);
    readonly BatchNormalization norm = new();
    readonly Dropout drop = new(0.5);
    readonly Dense classifier = new(4, Activation.Softmax);
}

/// <summary>
/// One trained model serves Predict from many threads at once: thousands of concurrent calls with
/// different inputs and batch sizes, every answer compared with a sequential run on the same input.
/// </summary>
public sealed class ConcurrentPredictTests
{
    private const int Inputs = 64;
    private const int Calls = 3000;

    [Fact]
    public void ThousandsOfConcurrentCallsEachGetTheirOwnSequentialAnswer()
    {
        manual_seed(70);
        using var model = new ServedNet();
        var (x, y) = Separable(600, seed: 71);
        model.Fit(x, y, epochs: 2, batchSize: 32, verbose: 0);   // moving statistics that differ from 0 and 1
        var requests = Enumerable.Range(0, Inputs).Select(i => Separable(1 + i % 9, seed: 100 + i).X).ToArray();
        var expected = requests.Select(r => model.Predict(r, batchSize: 4).data<float>().ToArray()).ToArray();
        var movingMean = model.GetWeights()["norm.moving_mean"].data<float>().ToArray();

        var mismatches = 0;
        var done = 0;
        Parallel.For(0, Calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, call =>
        {
            var i = (call * 7) % Inputs;
            using var scope = NewDisposeScope();
            var answer = model.Predict(requests[i], batchSize: 1 + call % 5).data<float>().ToArray();
            if (!Close(expected[i], answer))
            {
                Interlocked.Increment(ref mismatches);
            }

            Interlocked.Increment(ref done);
        });

        Assert.Equal(Calls, done);
        Assert.Equal(0, mismatches);
        Assert.False(model.training);
        Assert.Equal(movingMean, model.GetWeights()["norm.moving_mean"].data<float>().ToArray());
    }

    [Fact]
    public void ConcurrentCallsOnAModelWithSeveralInputsAndOutputsStayUnmixed()
    {
        manual_seed(72);
        using var model = new TwoHeadNet();
        var requests = Enumerable.Range(0, 16).Select(i => new TwoHeadNet.Inputs(rand(1 + i % 4, 8, 8, 1), rand(1 + i % 4, 4))).ToArray();
        var expected = requests.Select(r => model.Predict(r)).Select(o => (Cls: o.Cls.data<float>().ToArray(), Value: o.Value.data<float>().ToArray())).ToArray();

        var mismatches = 0;
        Parallel.For(0, 800, new ParallelOptions { MaxDegreeOfParallelism = 8 }, call =>
        {
            var i = call % requests.Length;
            using var scope = NewDisposeScope();
            var answer = model.Predict(requests[i], batchSize: 1 + call % 3);
            if (!Close(expected[i].Cls, answer.Cls.data<float>().ToArray()) || !Close(expected[i].Value, answer.Value.data<float>().ToArray()))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    // Four well-separated classes in 12 features.
    private static (Tensor X, Tensor Y) Separable(int samples, int seed)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var y = randint(0, 4, [samples], dtype: ScalarType.Int64, generator: generator);
        var x = nn.functional.one_hot(y, 12).to_type(ScalarType.Float32) * 3 + randn([samples, 12], generator: generator);
        return (x.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }

    // The same input gives the same numbers whatever ran beside it; batch sizes differ, so allow
    // the last bits a different matrix-multiply blocking may change.
    private static bool Close(float[] expected, float[] actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= 1e-5f);
}
