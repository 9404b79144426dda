using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>The MNIST-shaped CNN from DESIGN.md, declared with attributes and written by the generator running as an analyzer.</summary>
[Sequential, Input(28, 28, 1)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
public partial class SequentialCnn
{
    readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(128, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}

/// <summary>The generated CNN: Keras' summary, its parameter count against the real weights, and a short training run.</summary>
public sealed class SequentialCnnTests
{
    // Keras 3 prints this for the same model (conv: 3·3·in·out + out; dense: in·out + out).
    private static readonly string[] KerasSummary =
    [
        "Model: \"SequentialCnn\"",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
        "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
        "│ conv1 (Conv2D)                  │ (None, 26, 26, 32)     │           320 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ pool1 (MaxPooling2D)            │ (None, 13, 13, 32)     │             0 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ conv2 (Conv2D)                  │ (None, 11, 11, 64)     │        18,496 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ pool2 (MaxPooling2D)            │ (None, 5, 5, 64)       │             0 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ flatten (Flatten)               │ (None, 1600)           │             0 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ hidden (Dense)                  │ (None, 128)            │       204,928 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ classifier (Dense)              │ (None, 10)             │         1,290 │",
        "└─────────────────────────────────┴────────────────────────┴───────────────┘",
        " Total params: 225,034 (879.04 KB)",
        " Trainable params: 225,034 (879.04 KB)",
        " Non-trainable params: 0 (0.00 B)",
    ];

    [Fact]
    public void SummaryIsKeras()
    {
        var lines = new List<string>();

        new SequentialCnn().Summary(lines.Add);

        Assert.Equal(KerasSummary, lines);
    }

    [Fact]
    public void SummaryCountEqualsTheAllocatedParameters()
    {
        var model = new SequentialCnn();

        Assert.Equal(225_034, model.parameters().Sum(p => p.numel()));
        Assert.Equal(
            [
                ("conv1.kernel", new long[] { 3, 3, 1, 32 }), ("conv1.bias", [32]), ("conv2.kernel", [3, 3, 32, 64]), ("conv2.bias", [64]),
                ("hidden.kernel", [1600, 128]), ("hidden.bias", [128]), ("classifier.kernel", [128, 10]), ("classifier.bias", [10]),
            ],
            model.named_parameters().Select(p => (p.name, p.parameter.shape)));
    }

    [Fact]
    public void FitOnASyntheticBatchReducesTheLoss()
    {
        manual_seed(0);
        var model = new SequentialCnn();
        // Two classes by where the bright square is: top-left (0) or bottom-right (1).
        var x = zeros(48, 28, 28, 1);
        var y = zeros(48, dtype: int64);
        for (var i = 0; i < 48; i++)
        {
            var label = i % 2;
            var offset = label == 0 ? 2 : 16;
            x[i, TensorIndex.Slice(offset, offset + 10), TensorIndex.Slice(offset, offset + 10), 0] = ones(10, 10);
            y[i] = label;
        }

        x += 0.1f * rand(48, 28, 28, 1);

        var history = model.Fit(x, y, epochs: 3, batchSize: 16, verbose: 0);

        var loss = history.Logs["loss"];
        Assert.Equal(3, loss.Count);
        Assert.True(loss[2] < loss[0], $"loss {loss[0]} -> {loss[2]}");
        Assert.Equal([1L, 10L], model.Predict(x[TensorIndex.Slice(0, 1)], verbose: 0).shape);
    }
}
