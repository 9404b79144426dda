using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>TimeDistributed and Bidirectional in Keras files: nested configs as Keras 3 writes them, checked when read.</summary>
public class KerasWrapperTests
{
    [Theory]
    [InlineData("keras")]
    [InlineData("weights.h5")]
    public void KerasMadeWrappersLoadWithKerasPredictions(string format)
    {
        // Files/make_wrappers.py: Keras 3.16's own model and predictions.
        using var scope = NewDisposeScope();
        using var model = new KerasWrappedClips();
        var (input, expected) = KerasFiles.InputsAndPredictions("wrappers");

        model.LoadWeights(KerasFiles.Path($"wrappers.{format}"));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Fact]
    public void WrittenWeightsHaveKerasLayout()
    {
        using var dir = new TempDirectory();
        using var model = new KerasWrappedClips();
        model.SaveWeights(dir.File("wrappers.weights.h5"));

        Assert.Equal(Layout(KerasFiles.Path("wrappers.weights.h5")), Layout(dir.File("wrappers.weights.h5")));
        Assert.Contains("layers/bidirectional/backward_layer/cell/vars/2 F32 (12)", Layout(dir.File("wrappers.weights.h5")));
    }

    [Fact]
    public void ConfigsNestTheWrappedLayersAsKerasDoes()
    {
        using var dir = new TempDirectory();
        using var model = new KerasWrappedClips();
        model.SaveKeras(dir.File("clips.keras"));

        var layers = Config(dir.File("clips.keras"))["config"]!["layers"]!.AsArray();
        var frames = layers[1]!;
        Assert.Equal("TimeDistributed", frames["class_name"]!.GetValue<string>());
        Assert.Equal("Conv2D", frames["config"]!["layer"]!["class_name"]!.GetValue<string>());
        Assert.Equal("conv2d", frames["config"]!["layer"]!["config"]!["name"]!.GetValue<string>());

        var encoder = layers[3]!["config"]!;
        Assert.Equal("concat", encoder["merge_mode"]!.GetValue<string>());
        Assert.Equal("forward_lstm", encoder["layer"]!["config"]!["name"]!.GetValue<string>());
        Assert.False(encoder["layer"]!["config"]!["go_backwards"]!.GetValue<bool>());
        Assert.Equal("backward_lstm", encoder["backward_layer"]!["config"]!["name"]!.GetValue<string>());
        Assert.True(encoder["backward_layer"]!["config"]!["go_backwards"]!.GetValue<bool>());
        Assert.True(encoder["backward_layer"]!["config"]!["zero_output_for_mask"]!.GetValue<bool>());   // Keras forces return_sequences
        Assert.Equal("sum", layers[5]!["config"]!["merge_mode"]!.GetValue<string>());
    }

    [Fact]
    public void AWrappedLayerOfOtherArgumentsIsRefused()
    {
        using var dir = new TempDirectory();
        using var model = new KerasWrappedClips();
        model.SaveKeras(dir.File("clips.keras"));
        Rewrite(dir.File("clips.keras"), config => config["config"]!["layers"]![3]!["config"]!["backward_layer"]!["config"]!["units"] = 5);

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(dir.File("clips.keras")));

        Assert.Contains("layer 'encoder' (Bidirectional) in the file's layer 'bidirectional': its backward_layer (\"LSTM\") has units 3 in the model but 5 in the file", error.Message);
    }

    private static string[] Layout(string path)
    {
        using var stream = File.OpenRead(path);
        using var file = StaticKeras.Saving.Keras.KerasH5Reader.Open(stream, path);
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

    private static void Rewrite(string path, System.Action<JsonNode> change)
    {
        var config = Config(path);
        change(config);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry("config.json")!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("config.json").Open());
        writer.Write(config.ToJsonString());
    }
}
