using System.Linq;
using Samples.FashionMnist;
using Samples.FashionMnist.Models;
using StaticKeras.Data;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Samples;

// The FashionMnist sample's --stream data on the bundled subset: Keras' validation split (the last
// fraction, before shuffling), batches read by index, and the seed MLP learning from them.
public class StreamingDataTests
{
    [Fact]
    public void TheSampleStreamsASplitShuffledTrainingSetThatTheMlpLearnsFrom()
    {
        using var scope = NewDisposeScope();
        using var data = StreamingData.Open(FashionMnist.BundledSubsetDirectory, limit: 1000, batchSize: 32, validationSplit: 0.2, channelAxis: false, seed: 42);

        Assert.Equal((25L, 7L, 32L), (data.Train.Count, data.Validation!.Count, data.Test.Count));   // 800, 200 and 1,000 images
        var validationLabels = data.Validation.SelectMany(b => b.Y.data<long>().ToArray()).ToArray();
        var subset = FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory);
        Assert.Equal(subset.Train.Y[800..1000].data<long>().ToArray(), validationLabels);   // the last 20 %, in order
        var firstEpoch = data.Train.SelectMany(b => b.Y.data<long>().ToArray()).ToArray();
        Assert.Equal(subset.Train.Y[..800].data<long>().ToArray().Order(), firstEpoch.Order());   // every training image once
        Assert.NotEqual(subset.Train.Y[..800].data<long>().ToArray(), firstEpoch);                // shuffled

        manual_seed(42);
        using var model = new MnistMlp();
        var history = model.Fit(data.Train, epochs: 3, validationData: data.Validation, verbose: 0);
        var (_, accuracy) = model.Evaluate(data.Test, verbose: 0);

        Assert.True(history.Logs["val_loss"][2] < history.Logs["val_loss"][0], "validation loss falls");
        Assert.InRange(accuracy, 0.6, 1.0);   // ten classes: chance is 0.1
    }
}
