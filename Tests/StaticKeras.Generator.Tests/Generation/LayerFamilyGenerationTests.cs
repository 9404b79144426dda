using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>Generated code for models using the convolution, pooling, normalization and recurrent layers; each compiles cleanly against the runtime.</summary>
public sealed class LayerFamilyGenerationTests
{
    [Fact]
    public void SequentialCnn()
    {
        var source = ModelSource.Sequential("MnistCnn")
            .Input("28, 28, 1")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);")
            .Layer("readonly MaxPooling2D pool1 = new((2, 2));")
            .Layer("readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu);")
            .Layer("readonly MaxPooling2D pool2 = new((2, 2));")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense hidden = new(128, Activation.Relu);")
            .Layer("readonly Dense classifier = new(10, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("│ conv1 (Conv2D)                  │ (None, 26, 26, 32)     │           320 │", run.SingleSource);
        Assert.Contains("│ conv2 (Conv2D)                  │ (None, 11, 11, 64)     │        18,496 │", run.SingleSource);
        Assert.Contains("│ hidden (Dense)                  │ (None, 128)            │       204,928 │", run.SingleSource);
        Assert.Contains("Total params: 225,034 (879.04 KB)", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void StackedRecurrentOverSymbolicTime()
    {
        var source = ModelSource.Sequential("SequenceTagger")
            .Input("\"time\", 16")
            .Compile("Optimizer.Adam, Loss.BinaryCrossentropy")
            .Layer("readonly LSTM encoder = new(32, returnSequences: true);")
            .Layer("readonly GRU summary = new(16);")
            .Layer("readonly Dense score = new(1, Activation.Sigmoid);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("│ encoder (LSTM)                  │ (None, time, 32)       │         6,272 │", run.SingleSource);
        Assert.Contains("│ summary (GRU)                   │ (None, 16)             │         2,400 │", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void EmbeddingThenLstm()
    {
        var source = ModelSource.Sequential("Sentiment")
            .Input("20")
            .Compile("Optimizer.RmsProp, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Embedding embed = new(1000, 8);")
            .Layer("readonly LSTM lstm = new(units: 12);")
            .Layer("readonly Dropout drop = new(0.5);")
            .Layer("readonly Dense classes = new(3, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("│ embed (Embedding)               │ (None, 20, 8)          │         8,000 │", run.SingleSource);
        Assert.Contains("│ lstm (LSTM)                     │ (None, 12)             │         1,008 │", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void BatchNormalizationGetsTrainingAndSplitsTheTotals()
    {
        var source = ModelSource.Sequential("NormalizedCnn")
            .Input("32, 32, 3")
            .Compile("Optimizer.Sgd, Loss.CategoricalCrossentropy")
            .Layer("readonly ZeroPadding2D pad = new(1);")
            .Layer("readonly Conv2D conv = new(16, 3, strides: (2, 2), padding: Padding.Same, useBias: false);")
            .Layer("readonly BatchNormalization norm = new();")
            .Layer("readonly ActivationLayer relu = new(Activation.Relu);")
            .Layer("readonly AveragePooling2D pool = new(poolSize: 3, strides: 2, padding: Padding.Same);")
            .Layer("readonly Conv2DTranspose up = new(8, (3, 3), strides: 2);")
            .Layer("readonly UpSampling2D grow = new((1, 2));")
            .Layer("readonly GlobalMaxPooling2D global = new();")
            .Layer("readonly Reshape grid = new(2, -1);")
            .Layer("readonly Permute swap = new([2, 1]);")
            .Layer("readonly LayerNormalization layerNorm = new();")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense output = new(5, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("norm.Call(x2, training: false);", run.SingleSource);
        Assert.Contains("var x3 = norm.Call(x2, training: true);", run.SingleSource);
        Assert.Contains("var dx2 = norm.Backward(dx3, x2, x3);", run.SingleSource);
        Assert.Contains("Non-trainable params: 32 (128.00 B)", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void ChannelsFirstConvolutionsAndPooling()
    {
        // Keras (data_format="channels_first" on each): conv (None, 8, 15, 15) 224, pool (None, 8, 8, 8), pad (None, 8, 9, 9),
        // grow (None, 8, 18, 9), shrink (None, 8, 9, 9),
        // mean (None, 8, 4, 4), up (None, 4, 8, 8) 292, seq (None, 6, 62) 78, seqPool (None, 6, 31), gap (keepdims) (None, 6, 1); total 615.
        var source = ModelSource.Sequential("ChannelsFirstCnn")
            .Input("3, 32, 32")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy")
            .Layer("readonly Conv2D conv = new(8, 3, Activation.Relu, strides: 2, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly MaxPooling2D pool = new(padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly ZeroPadding2D pad = new((1, 0), (0, 1), DataFormat.ChannelsFirst);")
            .Layer("readonly Cropping2D crop = new(0, DataFormat.ChannelsFirst);")
            .Layer("readonly UpSampling2D grow = new((2, 1), dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly MaxPooling2D shrink = new((2, 1), dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly AveragePooling2D mean = new(2, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly Conv2DTranspose up = new(4, 3, strides: 2, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly Reshape rows = new(4, 64);")
            .Layer("readonly Conv1D seq = new(6, 3, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly MaxPooling1D seqPool = new(dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly AveragePooling1D seqMean = new(1, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly GlobalAveragePooling1D gap = new(keepdims: true, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense classes = new(3, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("│ conv (Conv2D)                   │ (None, 8, 15, 15)      │           224 │", run.SingleSource);
        Assert.Contains("│ pool (MaxPooling2D)             │ (None, 8, 8, 8)        │             0 │", run.SingleSource);
        Assert.Contains("│ pad (ZeroPadding2D)             │ (None, 8, 9, 9)        │             0 │", run.SingleSource);
        Assert.Contains("│ grow (UpSampling2D)             │ (None, 8, 18, 9)       │             0 │", run.SingleSource);
        Assert.Contains("│ shrink (MaxPooling2D)           │ (None, 8, 9, 9)        │             0 │", run.SingleSource);
        Assert.Contains("│ mean (AveragePooling2D)         │ (None, 8, 4, 4)        │             0 │", run.SingleSource);
        Assert.Contains("│ up (Conv2DTranspose)            │ (None, 4, 8, 8)        │           292 │", run.SingleSource);
        Assert.Contains("│ seq (Conv1D)                    │ (None, 6, 62)          │            78 │", run.SingleSource);
        Assert.Contains("│ seqPool (MaxPooling1D)          │ (None, 6, 31)          │             0 │", run.SingleSource);
        Assert.Contains("│ gap (GlobalAveragePooling1D)    │ (None, 6, 1)           │             0 │", run.SingleSource);
        Assert.Contains("Total params: 615 (2.40 KB)", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void ChannelsFirstDepthwiseSeparableAndFlatten()
    {
        // Keras 3.16's summary of the same Sequential (data_format="channels_first" on each): depthwise (None, 6, 7, 7) 60,
        // separable (None, 4, 7, 7) 82, flatten (None, 196), classes 591; total 733.
        var source = ModelSource.Sequential("ChannelsFirstSeparable")
            .Input("3, 16, 16")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy")
            .Layer("readonly DepthwiseConv2D depthwise = new(3, Activation.Relu, strides: 2, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly SeparableConv2D separable = new(4, 3, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);")
            .Layer("readonly Flatten flatten = new(DataFormat.ChannelsFirst);")
            .Layer("readonly Dense classes = new(3, Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("│ depthwise (DepthwiseConv2D)     │ (None, 6, 7, 7)        │            60 │", run.SingleSource);
        Assert.Contains("│ separable (SeparableConv2D)     │ (None, 4, 7, 7)        │            82 │", run.SingleSource);
        Assert.Contains("│ flatten (Flatten)               │ (None, 196)            │             0 │", run.SingleSource);
        Assert.Contains("Total params: 733 (2.86 KB)", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void CausalConv1DKeepsTheSymbolicTime()
    {
        var source = ModelSource.Sequential("Wavenet")
            .Input("\"time\", 4")
            .Layer("readonly Conv1D causal = new(8, 2, padding: Padding.Causal, dilationRate: 2);")
            .Layer("readonly MaxPooling1D pool = new(poolSize: 1);")
            .Layer("readonly SimpleRNN rnn = new(6, Activation.Relu, returnSequences: true);")
            .Layer("readonly GlobalAveragePooling1D mean = new(keepdims: true);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("var x1 = causal.Call(inputs);  // (batch, time, 8)", run.SingleSource);
        run.VerifySources();
    }
}
