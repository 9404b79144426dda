using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.EndToEnd;
using StaticKeras.Runtime.Tests.Export;
using StaticKeras.Saving.Keras;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>A functional block (two Dense branches added), used as a layer by <see cref="StackedAddBlock"/>.</summary>
[Model]
public partial class AddBlock
{
    readonly Dense left = new(4);
    readonly Dense right = new(4, Activation.Relu);
    readonly Add sum = new();

    [Graph]
    Tensor Call([Input(6)] Tensor x) => sum.Call(left.Call(x), right.Call(x));
}

/// <summary>A functional model calling a functional model (Files/nested_block.keras).</summary>
[Model]
public partial class StackedAddBlock
{
    readonly AddBlock block = new();
    readonly Dense head = new(3);

    [Graph]
    Tensor Call([Input(6)] Tensor features) => head.Call(block.Call(features));
}

/// <summary>
/// Models used as layers in Keras files and ONNX: Keras-made files (Files/make_nested.py) load, what
/// StaticKeras writes has Keras' nested groups and config and round trips, and ONNX Runtime equals
/// Predict. Set STATICKERAS_KERAS_EXPORT_DIR to keep the written files for check_load.py.
/// </summary>
public class KerasNestedTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "nested", "keras" }, { "nested", "weights.h5" }, { "nested_block", "keras" }, { "nested_block", "weights.h5" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void KerasMadeNestedModelsLoadWithKerasPredictions(string name, string format)
    {
        using var scope = NewDisposeScope();
        using var model = Declaration(name);
        var (input, expected) = KerasFiles.InputsAndPredictions(name);

        model.LoadWeights(KerasFiles.Path($"{name}.{format}"));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Theory]
    [InlineData("nested")]
    [InlineData("nested_block")]
    public void WrittenFilesNestAsKerasDoesAndRoundTrip(string name)
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = Declaration(name);
        model.LoadWeights(KerasFiles.Path($"{name}.keras"));

        model.SaveKeras(dir.File($"{name}.keras"));
        model.SaveWeights(dir.File($"{name}.weights.h5"));

        Assert.Equal(Layout(KerasFiles.Path($"{name}.weights.h5")), Layout(dir.File($"{name}.weights.h5")));
        Assert.Equal(Classes(Config(KerasFiles.Path($"{name}.keras"))), Classes(Config(dir.File($"{name}.keras"))));
        var (input, expected) = KerasFiles.InputsAndPredictions(name);
        foreach (var file in new[] { $"{name}.keras", $"{name}.weights.h5" })
        {
            using var reloaded = Declaration(name);
            reloaded.LoadWeights(dir.File(file));
            Assert.InRange(KerasFiles.MaxRelative(reloaded.Predict(input), expected), 0, 1e-5);
        }

        if (System.Environment.GetEnvironmentVariable("STATICKERAS_KERAS_EXPORT_DIR") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            foreach (var file in new[] { $"{name}.keras", $"{name}.weights.h5" })
            {
                File.Copy(dir.File(file), Path.Combine(keep, file), overwrite: true);
            }

            File.Copy(KerasFiles.Path($"{name}.io.safetensors"), Path.Combine(keep, $"{name}.io.safetensors"), overwrite: true);
        }
    }

    [Fact]
    public void ANestedModelWhoseConfigDiffersIsRefusedBeforeAnyWeightChanges()
    {
        // nested.keras's inner Dense has tanh; ReluEncoderClassifier's inner model uses relu.
        using var scope = NewDisposeScope();
        using var model = new ReluEncoderClassifier();
        using var before = model.GetWeights();

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(KerasFiles.Path("nested.keras")));

        Assert.Contains("in model 'encoder' (ReluEncoder): layer 'code' (Dense) has activation \"relu\" in the model but \"tanh\" in the file's layer 'code'", error.Message);
        using var after = model.GetWeights();
        Assert.All(before.Keys, k => Assert.True(before[k].allclose(after[k], rtol: 0, atol: 0)));
    }

    [Theory]
    [InlineData("nested")]
    [InlineData("nested_block")]
    public void NestedModelsRunInOnnxRuntimeAsPredictDoes(string name)
    {
        using var scope = NewDisposeScope();
        using var model = Declaration(name);
        OnnxRun.Randomize(model, seed: 11);
        var x = rand(5, 6);

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        Assert.InRange(OnnxRun.MaxRelative(onnx, model.Predict(x)), 0, 1e-5);
    }

    private static Model Declaration(string name) => name == "nested" ? new EncoderClassifier() : new StackedAddBlock();

    private static string[] Layout(string path)
    {
        using var stream = File.OpenRead(path);
        using var file = KerasH5Reader.Open(stream, path);
        return file.Vars.OrderBy(kv => kv.Key, System.StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.Select(v => $"{kv.Key}/{v.Name} {v.DType} ({string.Join(", ", v.Shape)})"))
            .ToArray();
    }

    private static JsonNode Config(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("config.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    // "Functional[InputLayer, Sequential[InputLayer, Dense], Dense]": the classes, nesting included.
    private static string Classes(JsonNode model) =>
        $"{model["class_name"]}[{string.Join(", ", model["config"]!["layers"]!.AsArray().Select(l => l!["config"]!["layers"] is null ? l["class_name"]!.ToString() : Classes(l)))}]";
}

/// <summary>TinyEncoder with relu: the same weights' shapes as nested.keras's inner model, another architecture.</summary>
[Sequential, Input(6)]
public partial class ReluEncoder
{
    readonly Dense code = new(8, Activation.Relu);
}

/// <summary>EncoderClassifier around <see cref="ReluEncoder"/>.</summary>
[Model]
public partial class ReluEncoderClassifier
{
    readonly ReluEncoder encoder = new();
    readonly Dense classifier = new(2, Activation.Softmax);

    [Graph]
    Tensor Call([Input(6)] Tensor features) => classifier.Call(encoder.Call(features));
}
