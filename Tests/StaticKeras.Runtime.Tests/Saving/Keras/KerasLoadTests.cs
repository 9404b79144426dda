using System.IO;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>LoadWeights reads Keras-made .keras and .weights.h5 files and reproduces Keras' predictions.</summary>
public class KerasLoadTests
{
    [Theory]
    [InlineData("mlp.keras")]
    [InlineData("mlp.weights.h5")]
    public void SequentialMlpReproducesKerasPredictions(string file)
    {
        using var scope = NewDisposeScope();
        using var model = new KerasMlp();
        var (input, expected) = KerasFiles.InputsAndPredictions("mlp");

        model.LoadWeights(KerasFiles.Path(file));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Theory]
    [InlineData("cnn.keras")]
    [InlineData("cnn.weights.h5")]
    public void FunctionalCnnReproducesKerasPredictions(string file)
    {
        using var scope = NewDisposeScope();
        using var model = new KerasCnn();
        var (input, expected) = KerasFiles.InputsAndPredictions("cnn");

        model.LoadWeights(KerasFiles.Path(file));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Theory]
    [InlineData("mlp.keras", "weights.bin")]
    [InlineData("mlp.weights.h5", "model.safetensors")]
    public void TheFormatIsToldByContentNotByExtension(string file, string savedAs)
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = new KerasMlp();
        var (input, expected) = KerasFiles.InputsAndPredictions("mlp");

        model.LoadWeights(KerasFiles.CopyTo(file, dir.File(savedAs)));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Fact]
    public void KerasLayerOrderNotMemberNamesDecidesWhereWeightsGo()
    {
        // Keras stores the first Dense as layers/dense and the second as layers/dense_1; the model
        // calls them hidden and classifier.
        using var scope = NewDisposeScope();
        using var model = new KerasMlp();

        model.LoadWeights(KerasFiles.Path("mlp.weights.h5"));

        var weights = model.GetWeights();
        Assert.Equal(new long[] { 784, 128 }, weights["hidden.kernel"].shape);
        Assert.Equal(new long[] { 128, 10 }, weights["classifier.kernel"].shape);
        weights.Dispose();
    }
}
