using System;
using System.Collections.Generic;
using System.Linq;
using Samples.FashionMnist.Models;
using StaticKeras;
using StaticKeras.Callbacks;
using static TorchSharp.torch;

namespace Samples.FashionMnist;

/// <summary>One model the sample can train: how to build it, shape its images and which callbacks it uses.</summary>
internal sealed record SampleModel(
    string Name,
    string Description,
    Func<Model> Create,
    Func<Tensor, Tensor> PrepareImages,
    int DefaultEpochs = 5,
    double ValidationSplit = 0,
    Func<Callback[]>? Callbacks = null)
{
    /// <summary>Whether the model takes images with a trailing channel axis, (n, 28, 28, 1).</summary>
    public bool ChannelAxis => PrepareImages == ModelCatalog.ScaleWithChannel;
}

/// <summary>The models <c>--model</c> can name.</summary>
internal static class ModelCatalog
{
    /// <summary>Scales uint8 pixels to [0, 1] floats, as the Keras examples do with <c>x / 255.0</c>.</summary>
    private static Tensor Scale(Tensor images) => images.to_type(ScalarType.Float32).div_(255f);

    /// <summary>Scaled images with a trailing channel axis, (n, 28, 28, 1), as Keras CNNs take them.</summary>
    public static Tensor ScaleWithChannel(Tensor images) => Scale(images).unsqueeze(-1);

    public static IReadOnlyList<SampleModel> All { get; } =
    [
        new("mlp", "seed Example 1: Flatten -> Dense(128, relu) -> Dense(10, softmax)", () => new MnistMlp(), Scale),
        new(
            "cnn-sequential",
            "Conv2D(32) -> MaxPooling2D -> Conv2D(64) -> MaxPooling2D -> Flatten -> Dense(128, relu) -> Dense(10, softmax)",
            () => new SequentialCnn(),
            ScaleWithChannel),
        new(
            "custom",
            "seed Example 3: Flatten -> MyCustomLayer(64) -> relu -> Dense(10, softmax), EarlyStopping(val_loss, patience 3) on a 0.2 validation split",
            () => new CustomLayerMlp(),
            Scale,
            DefaultEpochs: 50,
            ValidationSplit: 0.2,
            Callbacks: () => [new EarlyStopping(monitor: "val_loss", patience: 3, verbose: 1, restoreBestWeights: true)]),
        new(
            "cnn",
            "seed Example 2: functional CNN, Conv2D(32) -> MaxPooling2D -> Conv2D(64) -> MaxPooling2D -> Flatten -> Dense(128, relu) -> Dense(10, softmax)",
            () => new SmallCnn(),
            ScaleWithChannel),
        new(
            "residual",
            "functional residual network: Conv2D stem, one residual block (Conv2D x2 + Add), Dense(128) -> Dense(10)",
            () => new ResidualNet(),
            ScaleWithChannel),
    ];

    public static SampleModel Find(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown model '{name}'; expected one of: {string.Join(", ", All.Select(m => m.Name))}");
}
