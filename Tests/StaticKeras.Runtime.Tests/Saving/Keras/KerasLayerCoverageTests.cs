using System.Collections.Generic;
using System.IO;
using StaticKeras.Runtime.Tests.Export;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// The activation layers, TimeDistributed and Bidirectional, DepthwiseConv2D and SeparableConv2D (both layouts), channels_first layers (Flatten too), Rescaling, Cropping1D/2D, SpatialDropout1D/2D, Masking and Embedding with
/// maskZero (before an LSTM) round trip through .keras and .weights.h5. Set STATICKERAS_KERAS_EXPORT_DIR
/// to keep the files (NAME.keras, NAME.weights.h5, NAME.io.safetensors) for check_load.py.
/// </summary>
public class KerasLayerCoverageTests
{
    [Theory]
    [InlineData("activations")]
    [InlineData("cropped")]
    [InlineData("masked")]
    [InlineData("regularized")]
    [InlineData("attention")]
    [InlineData("depthwise")]
    [InlineData("channelsfirst")]
    [InlineData("separablefirst")]
    [InlineData("wrappers")]
    [InlineData("maskedwrappers")]
    public void BothKerasFormatsRoundTrip(string name)
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = Create(name);
        OnnxRun.Randomize(model, seed: 9);
        var x = Input(name);
        var expected = model.Predict(x);

        model.SaveKeras(dir.File($"{name}.keras"));
        model.SaveWeights(dir.File($"{name}.weights.h5"));

        foreach (var file in new[] { $"{name}.keras", $"{name}.weights.h5" })
        {
            using var reloaded = Create(name);
            reloaded.LoadWeights(dir.File(file));
            Assert.InRange(KerasFiles.MaxRelative(reloaded.Predict(x), expected), 0, 1e-6);
        }

        if (System.Environment.GetEnvironmentVariable("STATICKERAS_KERAS_EXPORT_DIR") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(dir.File($"{name}.keras"), Path.Combine(keep, $"{name}.keras"), overwrite: true);
            File.Copy(dir.File($"{name}.weights.h5"), Path.Combine(keep, $"{name}.weights.h5"), overwrite: true);
            StaticKeras.Saving.SafeTensors.Save(Path.Combine(keep, $"{name}.io.safetensors"), new Dictionary<string, Tensor> { ["input"] = x, ["output"] = expected });
        }
    }

    [Fact]
    public void RegularizersAndInitializersAreWrittenAsKerasWritesThemAndChecked()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = new EndToEnd.RegularizedRegressor();
        model.SaveKeras(dir.File("regularized.keras"));

        var hidden = Config(dir.File("regularized.keras"))["config"]!["layers"]![1]!["config"]!;
        var output = Config(dir.File("regularized.keras"))["config"]!["layers"]![2]!["config"]!;
        Assert.Equal("""{"module":"keras.initializers","class_name":"GlorotUniform","config":{"seed":null,"input_axes":null,"output_axes":null},"registered_name":null}""", hidden["kernel_initializer"]!.ToJsonString());
        Assert.Equal("""{"module":"keras.regularizers","class_name":"L2","config":{"l2":0.01},"registered_name":null}""", hidden["kernel_regularizer"]!.ToJsonString());
        Assert.Equal("""{"module":"keras.regularizers","class_name":"L1","config":{"l1":0.1},"registered_name":null}""", hidden["bias_regularizer"]!.ToJsonString());
        Assert.Equal("""{"module":"keras.regularizers","class_name":"L1L2","config":{"l1":0.01,"l2":0.02},"registered_name":null}""", output["activity_regularizer"]!.ToJsonString());

        using var plain = new PlainRegressor();
        var error = Assert.Throws<InvalidDataException>(() => plain.LoadWeights(dir.File("regularized.keras")));
        Assert.Contains("layer 'hidden' (Dense) has kernel_regularizer none in the model but L2{\"l2\":0.01} in the file's layer 'dense'", error.Message);
    }

    private static System.Text.Json.Nodes.JsonNode Config(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("config.json")!.Open();
        return System.Text.Json.Nodes.JsonNode.Parse(stream)!;
    }

    private static Model Create(string name) => name switch
    {
        "activations" => new OnnxActivationLayers(),
        "cropped" => new OnnxCroppedImage(),
        "regularized" => new EndToEnd.RegularizedRegressor(),
        "attention" => new KerasAttentionBlock(),
        "depthwise" => new KerasDepthwiseNet(),
        "channelsfirst" => new OnnxChannelsFirst(),
        "separablefirst" => new KerasSeparableFirst(),
        "wrappers" => new KerasWrappedClips(),
        "maskedwrappers" => new KerasMaskedBidirectional(),
        _ => new OnnxMaskedTagger(),
    };

    private static Tensor Input(string name) => name switch
    {
        "activations" => rand(4, 9, 4) - 0.3,
        "cropped" => rand(3, 9, 8, 2) - 0.5,
        "regularized" => rand(5, 4),
        "attention" => rand(3, 5, 8),
        "depthwise" => rand(2, 9, 8, 3) - 0.5,
        "channelsfirst" => rand(2, 2, 9, 8) - 0.5,
        "separablefirst" => rand(2, 3, 9, 8) - 0.5,
        "wrappers" => rand([3, 4, 6, 6, 1]) - 0.5,
        "maskedwrappers" => tensor(new float[,] { { 3, 5, 1, 0, 0, 0 }, { 7, 2, 9, 11, 4, 0 }, { 1, 2, 3, 4, 5, 6 } }),
        _ => tensor(new float[,] { { 3, 5, 1, 0, 0, 0 }, { 7, 2, 9, 11, 4, 0 } }),   // padded with 0s, which the mask skips
    };
}

/// <summary>RegularizedRegressor without its regularizers: the same weights, other training.</summary>
[Sequential, Input(4)]
public partial class PlainRegressor
{
    readonly StaticKeras.Layers.Dense hidden = new(5, StaticKeras.Activation.Relu);
    readonly StaticKeras.Layers.Dense output = new(2);
}

/// <summary>Causal self-attention, then cross-attention with an explicit key, a residual and a pooled head.</summary>
[Model]
public partial class KerasAttentionBlock
{
    readonly StaticKeras.Layers.MultiHeadAttention self = new(2, 4, useCausalMask: true);
    readonly StaticKeras.Layers.MultiHeadAttention cross = new(2, 3, valueDim: 5);
    readonly StaticKeras.Layers.Add residual = new();
    readonly StaticKeras.Layers.LayerNormalization norm = new();
    readonly StaticKeras.Layers.GlobalAveragePooling1D pool = new();
    readonly StaticKeras.Layers.Dense head = new(3, StaticKeras.Activation.Softmax);

    [Graph]
    Tensor Call([Input(5, 8)] Tensor x)
    {
        var h = self.Call(x, x);
        var attended = cross.Call(h, x, x);
        return head.Call(pool.Call(norm.Call(residual.Call(x, attended))));
    }
}

/// <summary>KerasDepthwiseNet channels first, with a channels-first Flatten (Keras' order of features) before its head.</summary>
[Sequential, Input(3, 9, 8)]
public partial class KerasSeparableFirst
{
    readonly StaticKeras.Layers.DepthwiseConv2D depthwise = new(3, StaticKeras.Activation.Relu, strides: 2, depthMultiplier: 2, dataFormat: StaticKeras.Layers.DataFormat.ChannelsFirst);
    readonly StaticKeras.Layers.SeparableConv2D separable = new(4, 2, padding: StaticKeras.Layers.Padding.Same, depthMultiplier: 2, dataFormat: StaticKeras.Layers.DataFormat.ChannelsFirst);
    readonly StaticKeras.Layers.Flatten flatten = new(StaticKeras.Layers.DataFormat.ChannelsFirst);
    readonly StaticKeras.Layers.Dense head = new(2, StaticKeras.Activation.Softmax);
}

/// <summary>A depthwise convolution (two filters per channel, strided), a separable one (regularized) and a pooled head.</summary>
[Sequential, Input(9, 8, 3)]
public partial class KerasDepthwiseNet
{
    readonly StaticKeras.Layers.DepthwiseConv2D depthwise = new(3, StaticKeras.Activation.Relu, strides: 2, depthMultiplier: 2);
    readonly StaticKeras.Layers.SeparableConv2D separable = new(4, 2, padding: StaticKeras.Layers.Padding.Same, depthMultiplier: 2, pointwiseRegularizer: StaticKeras.Layers.Regularizer.L2(0.01));
    readonly StaticKeras.Layers.GlobalAveragePooling2D pool = new();
    readonly StaticKeras.Layers.Dense head = new(2, StaticKeras.Activation.Softmax);
}
