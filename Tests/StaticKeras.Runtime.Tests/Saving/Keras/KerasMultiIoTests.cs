using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using StaticKeras.Runtime.Tests.EndToEnd;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// Keras files of a model with several inputs and outputs (TwoHeadNet, the MultiHead sample's shape):
/// config.json lists every input layer and output, and both Keras formats round trip. Set
/// STATICKERAS_KERAS_EXPORT_DIR to keep the files (with <c>twohead.io.safetensors</c>) for
/// shared/tools/keras-env/check_load.py.
/// </summary>
public class KerasMultiIoTests
{
    [Fact]
    public void SaveKerasDescribesEveryInputAndOutputAndBothFormatsRoundTrip()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = new TwoHeadNet();
        var x = new TwoHeadNet.Inputs(rand(6, 8, 8, 1), rand(6, 4));
        var expected = model.Predict(x);

        model.SaveKeras(dir.File("twohead.keras"));
        model.SaveWeights(dir.File("twohead.weights.h5"));

        var config = JsonNode.Parse(KerasArchiveText(dir.File("twohead.keras")))!["config"]!;
        Assert.Equal("""[["image",0,0],["stats",0,0]]""", config["input_layers"]!.ToJsonString());
        Assert.Equal("""[["dense_1",0,0],["dense_2",0,0]]""", config["output_layers"]!.ToJsonString());
        foreach (var file in new[] { "twohead.keras", "twohead.weights.h5" })
        {
            using var reloaded = new TwoHeadNet();
            reloaded.LoadWeights(dir.File(file));
            var again = reloaded.Predict(x);
            Assert.True(again.Cls.allclose(expected.Cls, rtol: 1e-6, atol: 1e-7), file);
            Assert.True(again.Value.allclose(expected.Value, rtol: 1e-6, atol: 1e-7), file);
        }

        if (Environment.GetEnvironmentVariable("STATICKERAS_KERAS_EXPORT_DIR") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(dir.File("twohead.keras"), Path.Combine(keep, "twohead.keras"), overwrite: true);
            File.Copy(dir.File("twohead.weights.h5"), Path.Combine(keep, "twohead.weights.h5"), overwrite: true);
            StaticKeras.Saving.SafeTensors.Save(Path.Combine(keep, "twohead.io.safetensors"), new Dictionary<string, Tensor>
            {
                ["input_image"] = x.Image, ["input_stats"] = x.Stats, ["output_dense_1"] = expected.Cls, ["output_dense_2"] = expected.Value,
            });
        }
    }

    private static string KerasArchiveText(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("config.json")!.Open());
        return reader.ReadToEnd();
    }
}
