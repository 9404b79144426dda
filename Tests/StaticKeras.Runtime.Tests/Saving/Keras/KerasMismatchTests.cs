using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Runtime.Tests.EndToEnd;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>A Keras file that does not fit the declaration is refused, naming what differs, and changes nothing.</summary>
public class KerasMismatchTests
{
    [Fact]
    public void AnotherSizeNamesTheLayerAndVariableWithBothShapes()
    {
        using var model = new KerasMlpWide();

        var error = RefusedUnchanged(model, "mlp.weights.h5");

        Assert.Contains("Cannot load Keras weights from", error.Message);
        Assert.Contains("layer 'hidden' (Dense, layers/dense) variable 0 'kernel' has shape (784, 100) in the model but (784, 128) in the file (layers/dense/vars/0)", error.Message);
    }

    [Fact]
    public void AnotherArchitectureIsRefused()
    {
        using var model = new SeedMlp();

        var error = RefusedUnchanged(model, "cnn.weights.h5");

        Assert.Contains("layer 'hidden' (Dense, layers/dense) variable 0 'kernel' has shape (784, 128) in the model but (1600, 128) in the file", error.Message);
        Assert.EndsWith("in the model but (1600, 128) in the file (layers/dense/vars/0) (and 2 more differences).", error.Message);
    }

    [Fact]
    public void ConfigJsonIsCheckedBeforeAnyWeight()
    {
        using var model = new KerasMlpTanh();

        var error = RefusedUnchanged(model, "mlp.keras");

        Assert.Contains("its config.json does not match the declaration: layer 'hidden' (Dense) has activation \"tanh\" in the model but \"relu\" in the file's layer 'dense'.", error.Message);
    }

    [Fact]
    public void TheWeightsAloneFitAModelWhoseActivationDiffers()
    {
        // A .weights.h5 file says nothing about activations: Keras loads it too.
        using var model = new KerasMlpTanh();

        model.LoadWeights(KerasFiles.Path("mlp.weights.h5"));
    }

    [Fact]
    public void AFunctionalFileDoesNotFitASequentialDeclaration()
    {
        using var model = new SeedMlp();

        var error = RefusedUnchanged(model, "cnn.keras");

        Assert.EndsWith("its config.json does not match the declaration: input 'inputs' has shape [null,28,28] in the model but [null,28,28,1] in the file (and 4 more differences).", error.Message);
    }

    [Fact]
    public void AMissingVariableIsNamed()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        var path = dir.File("partial.safetensors");
        StaticKeras.Saving.SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["dense/kernel"] = zeros(784, 128),
            ["dense/bias"] = zeros(128),
            ["dense_1/kernel"] = zeros(128, 10),
        });
        using var model = new SeedMlp();

        var error = RefusedUnchanged(model, path);

        Assert.Contains("layer 'output' (Dense, layers/dense_1) expects 2 variables (kernel (128, 10), bias (10,)) but the file has 1 variable", error.Message);
    }

    private static InvalidDataException RefusedUnchanged(Model model, string file)
    {
        using var before = model.GetWeights();
        var path = File.Exists(file) ? file : KerasFiles.Path(file);

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        using var after = model.GetWeights();
        Assert.All(before.Keys, key => Assert.True(before[key].equal(after[key]).all().item<bool>(), $"{key} changed"));
        return error;
    }
}
