using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Runtime.Tests.EndToEnd;
using StaticKeras.Saving.Keras;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>SaveWeights(".weights.h5") and SaveKeras write what Keras writes, and LoadWeights reads them back.</summary>
public class KerasSaveTests
{
    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn")]
    public void WeightsH5HasKerasPathsShapesAndDTypesAndRoundTrips(string name)
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = Declaration(name);
        model.LoadWeights(KerasFiles.Path($"{name}.weights.h5"));
        var path = dir.File($"{name}.weights.h5");

        model.SaveWeights(path);

        Assert.Equal(Layout(KerasFiles.Path($"{name}.weights.h5")), Layout(path));
        using var reloaded = Declaration(name);
        reloaded.LoadWeights(path);
        var (input, expected) = KerasFiles.InputsAndPredictions(name);
        Assert.InRange(KerasFiles.MaxRelative(reloaded.Predict(input), expected), 0, 1e-5);
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn")]
    public void KerasArchiveRoundTripsThroughLoadWeights(string name)
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = Declaration(name);
        model.LoadWeights(KerasFiles.Path($"{name}.keras"));
        var path = dir.File($"{name}.keras");

        model.SaveKeras(path);

        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(["metadata.json", "config.json", "model.weights.h5"], zip.Entries.Select(e => e.FullName));
        }

        using var reloaded = Declaration(name);
        reloaded.LoadWeights(path);
        var (input, expected) = KerasFiles.InputsAndPredictions(name);
        Assert.InRange(KerasFiles.MaxRelative(reloaded.Predict(input), expected), 0, 1e-5);
    }

    [Fact]
    public void SequentialConfigHasTheStructureKerasWrites()
    {
        using var dir = new TempDirectory();
        using var model = new SeedMlp();
        var path = dir.File("mlp.keras");

        model.SaveKeras(path);

        var ours = Config(path);
        var keras = Config(KerasFiles.Path("mlp.keras"));
        Assert.Equal(Text(keras["module"]), Text(ours["module"]));
        Assert.Equal(Text(keras["class_name"]), Text(ours["class_name"]));
        Assert.Equal(Text(keras["build_config"]), Text(ours["build_config"]));
        var ourLayers = ours["config"]!["layers"]!.AsArray();
        var kerasLayers = keras["config"]!["layers"]!.AsArray();
        Assert.Equal(kerasLayers.Count, ourLayers.Count);
        foreach (var (k, o) in kerasLayers.Zip(ourLayers))
        {
            Assert.Equal(Text(k!["module"]), Text(o!["module"]));
            Assert.Equal(Text(k["class_name"]), Text(o["class_name"]));
            // Every entry written is one Keras writes, with Keras' value (Keras adds initializers etc.).
            foreach (var (key, value) in o["config"]!.AsObject().Where(kv => kv.Key != "dtype"))
            {
                Assert.True(k["config"]!.AsObject().ContainsKey(key), $"{k["class_name"]}: Keras writes no '{key}'");
                Assert.Equal(Text(k["config"]![key]), Text(value));
            }
        }
    }

    [Fact]
    public void ABranchingGraphIsWrittenAsAFunctionalModelWithInboundNodes()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = new ResidualBlockNet();
        var path = dir.File("residual.keras");

        model.SaveKeras(path);

        var config = Config(path);
        Assert.Equal("\"Functional\"", Text(config["class_name"]));
        var add = config["config"]!["layers"]!.AsArray().Single(l => Text(l!["class_name"]) == "\"Add\"")!;
        var merged = add["inbound_nodes"]![0]!["args"]![0]!.AsArray().Select(t => Text(t!["config"]!["keras_history"]));
        Assert.Equal(["[\"conv2d_2\",0,0]", "[\"max_pooling2d\",0,0]"], merged);
        Assert.Equal("[null,14,14,32]", Text(add["inbound_nodes"]![0]!["args"]![0]![0]!["config"]!["shape"]));
        using var reloaded = new ResidualBlockNet();
        reloaded.LoadWeights(path);
        var x = rand(2, 28, 28, 1);
        Assert.InRange(KerasFiles.MaxRelative(reloaded.Predict(x), model.Predict(x)), 0, 1e-6);
    }

    [Fact]
    public void ACustomLayerIsRefusedByName()
    {
        using var dir = new TempDirectory();
        using var model = new SeedCustomLayerMlp();

        var error = Assert.Throws<NotSupportedException>(() => model.SaveKeras(dir.File("custom.keras")));

        Assert.Equal("Cannot describe model 'SeedCustomLayerMlp' to Keras: layer 'custom' is a MyCustomLayer, which Keras has no class for; save its weights (SaveWeights) instead.", error.Message);
    }

    private static Model Declaration(string name) => name == "mlp" ? new SeedMlp() : new FunctionalCnn();

    private static string[] Layout(string path)
    {
        using var stream = File.OpenRead(path);
        using var file = KerasH5Reader.Open(stream, path);
        return file.Vars.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.Select(v => $"{kv.Key}/{v.Name} {v.DType} ({string.Join(", ", v.Shape)})"))
            .ToArray();
    }

    private static JsonNode Config(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("config.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
