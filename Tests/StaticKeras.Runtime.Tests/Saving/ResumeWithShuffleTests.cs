using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Optimizers;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>
/// Fit's defaults (shuffle on) and a Dropout layer draw from torch's generator: the weight file keeps
/// its state at the end of the epoch, so resuming after LoadWeights still reproduces the
/// uninterrupted run bit for bit on CPU.
/// </summary>
public class ResumeWithShuffleTests
{
    // With use_ema, Fit ends by writing the moving average into the weights (as Keras does), so only
    // an epoch checkpoint, saved before that, holds the weights an uninterrupted run goes on with.
    private static TestMlp NewModel(int seed, bool ema = false)
    {
        manual_seed(seed);
        var model = new TestMlp(TestMlp.Compiled(), dropoutRate: 0.5);
        model.Compile(ema ? new Adam(0.05) { UseEma = true, EmaMomentum = 0.5 } : new Adam(0.05) { ClipNorm = 1.0 });
        return model;
    }

    [Fact]
    public void ResumingFromSavedWeightsWithShuffleAndDropoutMatchesTheUninterruptedRun()
    {
        var (x, y) = Blobs.Make(40, seed: 160);
        var uninterrupted = NewModel(161);
        uninterrupted.Fit(x, y, epochs: 3, batchSize: 10, verbose: 0);

        var first = NewModel(161);
        first.Fit(x, y, epochs: 2, batchSize: 10, verbose: 0);
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "resume.weights.safetensors");
        first.SaveWeights(path);
        randn(100);                                  // draws after saving change nothing

        var resumed = NewModel(999);                 // other weights and generator state: all must come from the file
        resumed.LoadWeights(path);
        resumed.Fit(x, y, epochs: 3, batchSize: 10, verbose: 0, initialEpoch: 2);

        AssertSameWeights(uninterrupted, resumed);
    }

    [Fact]
    public void ResumingFromAnEpochCheckpointMatchesTheRunThatWroteIt()
    {
        var (x, y) = Blobs.Make(40, seed: 162);
        using var directory = new TempDirectory();
        var pattern = Path.Combine(directory.Path, "epoch{epoch}.weights.safetensors");
        var uninterrupted = NewModel(163, ema: true);
        uninterrupted.Fit(x, y, epochs: 4, batchSize: 10, verbose: 0, callbacks: [new ModelCheckpoint(pattern, saveWeightsOnly: true)]);

        var resumed = NewModel(998, ema: true);
        resumed.LoadWeights(Path.Combine(directory.Path, "epoch2.weights.safetensors"));     // after epochs 0 and 1
        resumed.Fit(x, y, epochs: 4, batchSize: 10, verbose: 0, initialEpoch: 2);

        AssertSameWeights(uninterrupted, resumed);
    }

    [Fact]
    public void TheGeneratorIsRestoredOnlyWhenFitResumesAtTheSavedEpoch()
    {
        var (x, y) = Blobs.Make(20, seed: 164);
        var model = NewModel(165);
        model.Fit(x, y, epochs: 1, batchSize: 10, verbose: 0);
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "one.weights.safetensors");
        model.SaveWeights(path);
        var afterEpoch = get_rng_state();

        // Fit from epoch 0 after loading is a new run: the generator is left alone.
        var fresh = NewModel(166);
        fresh.LoadWeights(path);
        var before = get_rng_state();
        fresh.Fit(x, y, epochs: 0, batchSize: 10, verbose: 0);
        Assert.True(Same(get_rng_state(), before));

        // Resuming at epoch 1 restores it, once.
        fresh.LoadWeights(path);
        fresh.Fit(x, y, epochs: 1, batchSize: 10, verbose: 0, initialEpoch: 1);
        Assert.True(Same(get_rng_state(), afterEpoch));
        randn(10);
        var moved = get_rng_state();
        fresh.Fit(x, y, epochs: 1, batchSize: 10, verbose: 0, initialEpoch: 1);
        Assert.True(Same(get_rng_state(), moved));
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static void AssertSameWeights(Model expected, Model actual)
    {
        foreach (var (key, weight) in expected.state_dict())
        {
            Assert.True(weight.eq(actual.state_dict()[key]).all().item<bool>(), $"{key} differs from the uninterrupted run");
        }
    }
}
