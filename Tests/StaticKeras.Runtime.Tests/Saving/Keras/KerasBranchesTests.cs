using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Layers;
using StaticKeras.Saving;
using StaticKeras.Saving.Keras;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// The model of Files/branches.keras (made by Files/make_branches.py), declared and called in another
/// order than Keras' depth order (x, deep1, deep2, shortcut, aux, join, head): the Dense layers are
/// layers/dense (deep1), dense_1 (deep2), dense_2 (shortcut) and dense_3 (head) in Keras' files.
/// </summary>
[Model]
public partial class KerasBranches
{
    readonly Dense shortcut = new(5);
    readonly Dense head = new(3, Activation.Softmax);
    readonly Dense deep2 = new(6, Activation.Tanh);
    readonly Concatenate join = new();
    readonly Dense deep1 = new(8, Activation.Relu);

    [Graph]
    Tensor Call([Input(16)] Tensor x, [Input(4)] Tensor aux)
    {
        var skip = shortcut.Call(x);
        var deep = deep2.Call(deep1.Call(x));
        return head.Call(join.Call(deep, skip, aux));
    }
}

/// <summary>Keras' layer order, not declaration or call order, maps a functional model to Keras files, both ways.</summary>
public class KerasBranchesTests
{
    [Theory]
    [InlineData("branches.keras")]
    [InlineData("branches.weights.h5")]
    public void AKerasFileLoadsIntoTheLayersKerasOrderNames(string file)
    {
        using var scope = NewDisposeScope();
        using var model = new KerasBranches();
        var (inputs, expected) = InputsAndPredictions();

        model.LoadWeights(KerasFiles.Path(file));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(inputs), expected), 0, 1e-5);
        using var weights = model.GetWeights();
        Assert.Equal(new long[] { 16, 8 }, weights["deep1.kernel"].shape);
    }

    [Theory]
    [InlineData("branches.keras")]
    [InlineData("branches.weights.h5")]
    public void TheImportedDeclarationLoadsTheFile(string file)
    {
        // ImportedBranches, written by KerasImport, declares the layers in Keras' order.
        using var scope = NewDisposeScope();
        using var model = new Imported.ImportedBranches();
        var (inputs, expected) = InputsAndPredictions();

        model.LoadWeights(KerasFiles.Path(file));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(new Imported.ImportedBranches.Inputs(inputs.X, inputs.Aux)), expected), 0, 1e-5);
    }

    [Fact]
    public void TheModelIsLaidOutInKerasOrder()
    {
        using var model = new KerasBranches();

        Assert.Equal(["deep1", "deep2", "shortcut", "join", "head"], model.KerasLayers().Select(l => l.Member));
        Assert.Equal(["x input_layer", "deep1 dense", "deep2 dense_1", "shortcut dense_2", "aux input_layer_1", "join concatenate", "head dense_3"],
            KerasWeightLayout.Of(model).Select(s => $"{s.MemberName} {s.KerasName}"));
    }

    [Fact]
    public void WrittenFilesListLayersAsKerasDoesAndRoundTrip()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = new KerasBranches();
        model.LoadWeights(KerasFiles.Path("branches.keras"));

        model.SaveKeras(dir.File("branches.keras"));
        model.SaveWeights(dir.File("branches.weights.h5"));

        // The config lists the layers (inputs among them) in the order Keras wrote them.
        Assert.Equal(LayerClasses(KerasFiles.Path("branches.keras")), LayerClasses(dir.File("branches.keras")));
        Assert.Equal(Layout(KerasFiles.Path("branches.weights.h5")), Layout(dir.File("branches.weights.h5")));
        var (inputs, expected) = InputsAndPredictions();
        foreach (var file in new[] { "branches.keras", "branches.weights.h5" })
        {
            using var reloaded = new KerasBranches();
            reloaded.LoadWeights(dir.File(file));
            Assert.InRange(KerasFiles.MaxRelative(reloaded.Predict(inputs), expected), 0, 1e-5);
        }

        // STATICKERAS_KERAS_EXPORT_DIR keeps the written files for shared/tools/keras-env/check_load.py.
        if (System.Environment.GetEnvironmentVariable("STATICKERAS_KERAS_EXPORT_DIR") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(dir.File("branches.keras"), Path.Combine(keep, "branches.keras"), overwrite: true);
            File.Copy(dir.File("branches.weights.h5"), Path.Combine(keep, "branches.weights.h5"), overwrite: true);
            File.Copy(KerasFiles.Path("branches.io.safetensors"), Path.Combine(keep, "branches.io.safetensors"), overwrite: true);
        }
    }

    private static (KerasBranches.Inputs Inputs, Tensor Output) InputsAndPredictions()
    {
        using var file = SafeTensorsFile.Open(KerasFiles.Path("branches.io.safetensors"));
        return (new KerasBranches.Inputs(file.ReadTensor("input_x"), file.ReadTensor("input_aux")), file.ReadTensor("output"));
    }

    // "Dense units=8", "InputLayer (None, 16)", ... in config order.
    private static string[] LayerClasses(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("config.json")!.Open();
        var layers = JsonNode.Parse(stream)!["config"]!["layers"]!.AsArray();
        return layers.Select(l => $"{l!["class_name"]} {l["config"]!["units"]?.ToJsonString() ?? l["config"]!["batch_shape"]?.ToJsonString()}").ToArray();
    }

    private static string[] Layout(string path)
    {
        using var stream = File.OpenRead(path);
        using var file = KerasH5Reader.Open(stream, path);
        return file.Vars.OrderBy(kv => kv.Key, System.StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.Select(v => $"{kv.Key}/{v.Name} {v.DType} ({string.Join(", ", v.Shape)})"))
            .ToArray();
    }
}
