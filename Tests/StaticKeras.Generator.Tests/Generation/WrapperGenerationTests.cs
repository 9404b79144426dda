using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>Generated code for models using TimeDistributed and Bidirectional; each compiles cleanly against the runtime.</summary>
public sealed class WrapperGenerationTests
{
    [Fact]
    public void SequentialWrappers()
    {
        var source = ModelSource.Sequential("Tagger")
            .Input("6, 4")
            .Compile("Optimizer.Adam, Loss.BinaryCrossentropy")
            .Layer("readonly TimeDistributed project = new(new Dense(8, Activation.Relu));")
            .Layer("readonly TimeDistributed drop = new(new Dropout(0.2));")
            .Layer("readonly Bidirectional encoder = new(new LSTM(5, returnSequences: true));")
            .Layer("readonly Bidirectional summary = new(new GRU(3), mergeMode: MergeMode.Sum);")
            .Layer("readonly Dense score = new(1, Activation.Sigmoid);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        // Keras 3: TimeDistributed(Dense(8)) 4·8 + 8; Bidirectional(LSTM(5)) 2·4(8·5 + 5² + 5), concat; Bidirectional(GRU(3), "sum") 2(3(10·3 + 3²) + 6·3).
        Assert.Contains("│ project (TimeDistributed)       │ (None, 6, 8)           │            40 │", run.SingleSource);
        Assert.Contains("│ drop (TimeDistributed)          │ (None, 6, 8)           │             0 │", run.SingleSource);
        Assert.Contains("│ encoder (Bidirectional)         │ (None, 6, 10)          │           560 │", run.SingleSource);
        Assert.Contains("│ summary (Bidirectional)         │ (None, 3)              │           270 │", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void MaskedBidirectionalAndTimeDistributedConvolution()
    {
        var source = GraphSource.Model("Clips")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy")
            .Layer("readonly Embedding embed = new(50, 6, maskZero: true);")
            .Layer("readonly Bidirectional encoder = new(new SimpleRNN(4, returnSequences: true), mergeMode: MergeMode.Ave);")
            .Layer("readonly TimeDistributed frames = new(new Conv2D(2, (3, 3)));")
            .Layer("readonly TimeDistributed flatten = new(new Flatten());")
            .Layer("readonly Concatenate join = new();")
            .Layer("readonly Bidirectional summary = new(new LSTM(3), backwardLayer: new LSTM(2));")
            .Layer("readonly Dense classes = new(4, Activation.Softmax);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(5)] Tensor tokens, [Input(5, 6, 6, 1)] Tensor video)",
                "{",
                "    var words = encoder.Call(embed.Call(tokens));",
                "    var pictures = flatten.Call(frames.Call(video));",
                "    return classes.Call(summary.Call(join.Call(words, pictures)));",
                "}");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("var x2 = encoder.Call(x1, mask: mask1);", run.SingleSource);
        // The encoder takes the embedding's mask and, as in Keras, its output has none.
        Assert.Contains("var x6 = summary.Call(x5);", run.SingleSource);
        // Keras 3: SimpleRNN(4) twice 2(6·4 + 4² + 4), "ave"; Conv2D(2, 3×3) per frame 9·2 + 2.
        Assert.Contains("│ encoder             │ (None, 5, 4)      │         88 │ embed[0][0]       │", run.SingleSource);
        Assert.Contains("│ frames              │ (None, 5, 4, 4,   │         20 │ video[0][0]       │", run.SingleSource);
        Assert.Contains("│ flatten             │ (None, 5, 32)     │          0 │ frames[0][0]      │", run.SingleSource);
        // forward LSTM(3) on 36 features 4(36·3 + 9 + 3), backward LSTM(2) 4(36·2 + 4 + 2); concat 3 + 2.
        Assert.Contains("│ summary             │ (None, 5)         │        792 │ join[0][0]        │", run.SingleSource);
        run.VerifySources();
    }
}
