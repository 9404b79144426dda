using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Saving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>Model.GetWeights / SetWeights / SaveWeights / LoadWeights.</summary>
public class ModelWeightsTests
{
    private static float[] Kernel(TinyModel model) => model.Hidden.Kernel.data<float>().ToArray();

    [Fact]
    public void GetWeightsCopiesParametersAndBuffersByStateDictName()
    {
        using var model = new TinyModel();
        model.Fill(1);

        using var snapshot = model.GetWeights();
        model.Fill(5);

        Assert.Equal(new[] { "hidden.kernel", "hidden.bias", "steps" }, snapshot.Keys);
        Assert.Equal(new[] { 1f, 2, 3, 4, 5, 6 }, snapshot["hidden.kernel"].data<float>().ToArray());
        Assert.Equal(new[] { -1f, -2, -3 }, snapshot["hidden.bias"].data<float>().ToArray());
        Assert.Equal(1L, snapshot["steps"].item<long>());
        Assert.False(snapshot["hidden.kernel"].requires_grad);
    }

    [Fact]
    public void SnapshotOutlivesTheDisposeScopeItWasTakenIn()
    {
        using var model = new TinyModel();
        model.Fill(2);
        WeightSnapshot snapshot;
        using (NewDisposeScope())
        {
            snapshot = model.GetWeights();
        }

        using (snapshot)
        {
            Assert.Equal(2f, snapshot["hidden.kernel"].data<float>()[0]);
        }
    }

    [Fact]
    public void SetWeightsRestoresExactlyAndKeepsTheSourceIndependent()
    {
        using var model = new TinyModel();
        model.Fill(3);
        using var snapshot = model.GetWeights();
        model.Fill(7);

        model.SetWeights(snapshot);
        model.Fill(0);
        model.SetWeights(snapshot);

        Assert.Equal(new[] { 3f, 4, 5, 6, 7, 8 }, Kernel(model));
        Assert.Equal(3L, model.Steps.item<long>());
        Assert.True(model.Hidden.Kernel.requires_grad);
    }

    [Fact]
    public void SetWeightsListsEveryMismatchAndChangesNothing()
    {
        using var model = new TinyModel();
        model.Fill(1);
        using var wrongShape = zeros(4, 3);
        using var wrongType = zeros(3, dtype: float64);
        using var extra = zeros(1);
        var weights = new Dictionary<string, Tensor>
        {
            ["hidden.kernel"] = wrongShape,
            ["hidden.bias"] = wrongType,
            ["hidden.gamma"] = extra,
        };

        var error = Assert.Throws<System.ArgumentException>(() => model.SetWeights(weights));

        Assert.Equal(
            "Cannot set the weights of model 'TinyModel': 4 problems: " +
            "'hidden.kernel' has shape (4, 3) in the weights given but (2, 3) in the model; " +
            "'hidden.bias' has dtype F64 in the weights given but F32 in the model; " +
            "missing key 'steps' (I64 ()); unexpected key 'hidden.gamma' (F32 (1,)). (Parameter 'weights')",
            error.Message);
        Assert.Equal(new[] { 1f, 2, 3, 4, 5, 6 }, Kernel(model));
    }

    [Fact]
    public void SaveThenLoadRoundTripsEveryWeight()
    {
        using var dir = new TempDirectory();
        var path = dir.File("tiny.weights.safetensors");
        using var saved = new TinyModel();
        saved.Fill(11);
        using var loaded = new TinyModel();

        saved.SaveWeights(path);
        loaded.LoadWeights(path);

        Assert.Equal(Kernel(saved), Kernel(loaded));
        Assert.Equal(new[] { -11f, -12, -13 }, loaded.Hidden.Bias.data<float>().ToArray());
        Assert.Equal(11L, loaded.Steps.item<long>());
        Assert.Equal(new[] { "tiny.weights.safetensors" }, dir.Listing());
    }

    [Fact]
    public void SavedFileNamesTheModelInItsMetadata()
    {
        using var dir = new TempDirectory();
        using var model = new TinyModel();

        model.SaveWeights(dir.File("m.safetensors"));

        using var file = SafeTensorsFile.Open(dir.File("m.safetensors"));
        Assert.Equal(new Dictionary<string, string> { ["framework"] = "statickeras", ["model"] = "TinyModel" }, file.Metadata);
        Assert.Equal(new[] { "steps", "hidden.bias", "hidden.kernel" }, file.Tensors.Select(t => t.Name));
    }

    [Fact]
    public void LoadingIntoADifferentShapeNamesBothShapesAndChangesNothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("wide.safetensors");
        using (var wide = new TinyModel(inputs: 784, units: 128))
        {
            wide.SaveWeights(path);
        }

        using var narrow = new TinyModel(inputs: 28, units: 128);
        narrow.Fill(1);
        using var before = narrow.GetWeights();

        var error = Assert.Throws<InvalidDataException>(() => narrow.LoadWeights(path));

        Assert.Equal(
            $"Cannot load weights from '{path}' into model 'TinyModel': 1 problem: " +
            "'hidden.kernel' has shape (784, 128) in the file but (28, 128) in the model.",
            error.Message);
        Assert.True(narrow.Hidden.Kernel.equal(before["hidden.kernel"]).all().item<bool>());
        Assert.True(narrow.Hidden.Bias.equal(before["hidden.bias"]).all().item<bool>());
    }

    [Fact]
    public void LoadingAFileWithOtherNamesListsMissingAndUnexpectedKeys()
    {
        using var dir = new TempDirectory();
        var path = dir.File("other.safetensors");
        SafeTensors.Save(path, [new("hidden.kernel", zeros(2, 3)), new("dense.bias", zeros(3)), new("steps", zeros(new long[0], dtype: int32))]);
        using var model = new TinyModel();

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        Assert.Equal(
            $"Cannot load weights from '{path}' into model 'TinyModel': 3 problems: " +
            "missing key 'hidden.bias' (F32 (3,)); 'steps' has dtype I32 in the file but I64 in the model; " +
            "unexpected key 'dense.bias' (F32 (3,)).",
            error.Message);
    }
}
