using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Masking;

/// <summary>Keras' masks through the generator: Embedding(maskZero) and Masking feed the layers that skip masked steps.</summary>
public sealed class MaskingGenerationTests
{
    [Fact]
    public void MaskedSentimentLstm()
    {
        var source = ModelSource.Sequential("MaskedSentiment")
            .Input("20")
            .Compile("Optimizer.Adam, Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Embedding embed = new(1000, 8, maskZero: true);")
            .Layer("readonly LSTM lstm = new(12, returnSequences: true);")
            .Layer("readonly GlobalAveragePooling1D mean = new();")
            .Layer("readonly Dense output = new(1, Activation.Sigmoid);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("var mask1 = embed.ComputeMask(inputs);", run.SingleSource);
        Assert.Contains("var x2 = lstm.Call(x1, mask: mask1);", run.SingleSource);
        Assert.Contains("var x3 = mean.Call(x2, mask: mask1);", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void AMaskReachingTheOutputWeighsTheLossAndMetrics()
    {
        // Keras: a sequence output's loss is the mean over its unmasked steps; its metrics weigh steps by the mask.
        var source = ModelSource.Sequential("MaskedTagger")
            .Input("\"time\"")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Embedding embed = new(100, 8, maskZero: true);")
            .Layer("readonly GRU gru = new(6, returnSequences: true);")
            .Layer("readonly Dense tags = new(4, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("LossFunctions.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0], mask: mask1);", run.SingleSource);
        Assert.Contains("return new(loss, new[] { loss }, new[] { logits.softmax(-1) }, new[] { mask1 });", run.SingleSource);
    }

    [Fact]
    public void MaskingBeforeAGruAndMasksMergedByAnAdd()
    {
        var source = GraphSource.Model("Readings")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Masking masking = new(maskValue: -1.0);")
            .Layer("readonly Masking other = new();")
            .Layer("readonly Dense left = new(4);")
            .Layer("readonly Dense right = new(4);")
            .Layer("readonly Add add = new();")
            .Layer("readonly Add again = new();")
            .Layer("readonly GRU gru = new(3);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(\"time\", 5)] Tensor readings, [Input(\"time\", 4)] Tensor events)",
                "{",
                "    var x = masking.Call(readings);",
                "    var both = add.Call(left.Call(x), right.Call(x));",
                "    return gru.Call(again.Call(both, other.Call(events)));",
                "}");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        // left and right carry mask1: their sum keeps it; with other's mask2 the masks are ORed.
        Assert.Contains("var mask3 = global::StaticKeras.Layers.Masks.Or(mask1, mask2);", run.SingleSource);
        Assert.Contains("gru.Call(x6, mask: mask3)", run.SingleSource);
        run.VerifySources();
    }
}
