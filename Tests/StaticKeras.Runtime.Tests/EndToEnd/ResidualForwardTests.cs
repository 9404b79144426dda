using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>The residual network of Samples/FashionMnist (ResidualNet), declared the same way here.</summary>
[Model]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class ResidualBlockNet
{
    readonly Conv2D stem = new(32, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly Conv2D conv2 = new(32, (3, 3), padding: Padding.Same);
    readonly Add add = new();
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);

    [Graph]
    Tensor Call([Input(28, 28, 1)] Tensor image)
    {
        var x = pool1.Call(stem.Call(image));
        var shortcut = x;
        x = conv2.Call(conv1.Call(x));
        x = relu.Call(add.Call(x, shortcut));
        x = pool2.Call(x);
        return classifier.Call(hidden.Call(flatten.Call(x)));
    }
}

/// <summary>The generated forward of the residual network against the same network written by hand in TorchSharp.</summary>
public sealed class ResidualForwardTests
{
    [Fact]
    public void GeneratedForwardEqualsAHandWrittenTorchSharpForwardWithTheSameWeights()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var model = new ResidualBlockNet();
        var w = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach());
        var images = rand(4, 28, 28, 1);

        var generated = model.Call(images);

        // Channels-last convolutions with Keras kernels (kh, kw, in, out), "same" padding of 1 for 3x3.
        Tensor Conv(Tensor x, string layer) =>
            F.conv2d(x.permute(0, 3, 1, 2), w[layer + ".kernel"].permute(3, 2, 0, 1), w[layer + ".bias"], padding: [1, 1]).permute(0, 2, 3, 1);
        Tensor Pool(Tensor x) => F.max_pool2d(x.permute(0, 3, 1, 2), [2, 2]).permute(0, 2, 3, 1);

        var stem = Pool(Conv(images, "stem").relu());
        var block = Conv(Conv(stem, "conv1").relu(), "conv2");
        var merged = Pool((block + stem).relu());
        var flat = merged.reshape(4, -1);   // Keras' Flatten order: height, width, channels
        var hidden = (flat.matmul(w["hidden.kernel"]) + w["hidden.bias"]).relu();
        var expected = (hidden.matmul(w["classifier.kernel"]) + w["classifier.bias"]).softmax(-1);

        Assert.Equal([4L, 10], generated.shape);
        Assert.True(generated.allclose(expected, rtol: 1e-5, atol: 1e-6), $"max difference {(generated - expected).abs().max().item<float>()}");
    }

    [Fact]
    public void SummaryConnectsTheShortcutToTheAdd()
    {
        var lines = new System.Collections.Generic.List<string>();

        new ResidualBlockNet().Summary(lines.Add);

        Assert.Equal("┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to      ┃", lines[2]);
        Assert.Contains("│ add (Add)           │ (None, 14, 14,    │          0 │ conv2[0][0],      │", lines);
        Assert.Contains("│                     │ 32)               │            │ pool1[0][0]       │", lines);
        Assert.Equal(" Total params: 220,938 (863.04 KB)", lines[^3]);
    }
}
