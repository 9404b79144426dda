using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Inference;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Inference;

/// <summary>
/// Predict and Evaluate keep weight copies in a faster layout (a few-unit Dense kernel transposed)
/// for one call: the answers must be those of the forward pass on each batch, bit for bit, and a
/// weight change must be seen by the next call, or by the next batch when a callback makes it.
/// </summary>
public sealed class InferenceWeightsTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(100)]
    [InlineData(128)]
    public void PredictGivesTheForwardPassOfEachBatchBitForBit(int batchSize)
    {
        // BlobMlp ends in Dense(3, softmax): batches of 16 rows or more take the transposed product.
        manual_seed(90);
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(300, seed: 91);
        using var predictions = model.Predict(x, batchSize);
        using var mode = inference_mode();
        for (var start = 0L; start < 300; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var rows = System.Math.Min(batchSize, 300 - start);
            var expected = model.Call(x.narrow(0, start, rows));
            Assert.True(predictions.narrow(0, start, rows).eq(expected).all().item<bool>(), $"rows {start} to {start + rows}");
        }
    }

    [Fact]
    public void ANewCallSeesWeightsChangedSinceTheLast()
    {
        manual_seed(92);
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(200, seed: 93);
        model.Predict(x, batchSize: 64).Dispose();
        using (var weights = model.GetWeights())
        {
            weights["output.kernel"].mul_(-3f);
            model.SetWeights(weights);
        }

        using var predictions = model.Predict(x, batchSize: 64);
        using var mode = inference_mode();
        using var expected = model.Call(x.narrow(0, 0, 64));
        Assert.True(predictions.narrow(0, 0, 64).eq(expected).all().item<bool>());
    }

    [Fact]
    public void ACallbackThatChangesTheWeightsBetweenBatchesIsSeenByTheNextBatch()
    {
        manual_seed(94);
        var model = new BlobMlp();
        var (x, _) = Blobs.Make(128, seed: 95);
        using var original = model.GetWeights();
        using var predictions = model.Predict(x, batchSize: 64, callbacks: [new NegateOutputKernel(model)]);

        // The first batch ran with the original kernel, the second with its negation.
        using var mode = inference_mode();
        model.SetWeights(original);
        using var first = model.Call(x.narrow(0, 0, 64));
        new NegateOutputKernel(model).OnPredictBatchEnd(0, new Dictionary<string, double>());
        using var second = model.Call(x.narrow(0, 64, 64));
        Assert.True(predictions.narrow(0, 0, 64).eq(first).all().item<bool>());
        Assert.True(predictions.narrow(0, 64, 64).eq(second).all().item<bool>());
    }

    [Fact]
    public void EvaluateGivesTheSameWithAndWithoutCopiesAndAsEachBatchsLoss()
    {
        // A user callback turns the copies off: the values must not depend on them.
        manual_seed(96);
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(200, seed: 97);
        var plain = model.Evaluate(x, y, batchSize: 50, verbose: 0);
        var listened = model.Evaluate(x, y, batchSize: 50, verbose: 0, callbacks: [new Listener()]);
        Assert.Equal(plain.Loss, listened.Loss);
        Assert.Equal(plain["accuracy"], listened["accuracy"]);

        using var mode = inference_mode();
        var loss = 0.0;
        var correct = 0L;
        for (var start = 0L; start < 200; start += 50)
        {
            using var scope = NewDisposeScope();
            var (rows, labels) = (x.narrow(0, start, 50), y.narrow(0, start, 50));
            var probabilities = model.Call(rows);
            loss += -probabilities.clamp(1e-7, 1 - 1e-7).log().gather(1, labels.unsqueeze(1)).mean().item<float>() * 50;
            correct += probabilities.argmax(1).eq(labels).sum().item<long>();
        }

        Assert.Equal(loss / 200, plain.Loss, 1e-5);
        Assert.Equal(correct / 200.0, plain["accuracy"]);
    }

    [Fact]
    public void ACopyLastsForItsCallOnItsThreadAndOutsideOneIsMadeEachTime()
    {
        using var weight = randn(4, 3);
        using var outside = InferenceWeights.Get(weight, static w => w.t().contiguous());
        using var again = InferenceWeights.Get(weight, static w => w.t().contiguous());
        Assert.NotSame(outside, again);

        Tensor kept;
        using (InferenceWeights.Enter())
        {
            kept = InferenceWeights.Get(weight, static w => w.t().contiguous());
            Assert.Same(kept, InferenceWeights.Get(weight, static w => w.t().contiguous()));
            using (InferenceWeights.Enter())
            {
                Assert.NotSame(kept, InferenceWeights.Get(weight, static w => w.t().contiguous()));
            }

            Assert.Same(kept, InferenceWeights.Get(weight, static w => w.t().contiguous()));
            Tensor? other = null;
            var thread = new System.Threading.Thread(() => other = InferenceWeights.Get(weight, static w => w.t().contiguous()));
            thread.Start();
            thread.Join();
            Assert.NotSame(kept, other);
            Assert.True(kept.eq(weight.t()).all().item<bool>());
        }

        Assert.True(kept.IsInvalid);
        Assert.NotSame(kept, InferenceWeights.Get(weight, static w => w.t().contiguous()));
    }

    // A user callback that changes nothing.
    private sealed class Listener : Callback
    {
    }

    // Negates the output layer's kernel after every predict batch.
    private sealed class NegateOutputKernel(Model model) : Callback
    {
        public override void OnPredictBatchEnd(int batch, IDictionary<string, double> logs)
        {
            using var weights = model.GetWeights();
            weights["output.kernel"].neg_();
            model.SetWeights(weights);
        }
    }
}
