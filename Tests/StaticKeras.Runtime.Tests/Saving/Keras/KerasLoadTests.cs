using System.IO;
using StaticKeras.Runtime.Tests.EndToEnd;
using StaticKeras.Runtime.Tests.Saving.Keras.Imported;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>LoadWeights reads Keras-made .keras and .weights.h5 files and reproduces Keras' predictions.</summary>
public class KerasLoadTests
{
    [Theory]
    [InlineData("mlp.keras", nameof(SeedMlp))]
    [InlineData("mlp.weights.h5", nameof(SeedMlp))]
    [InlineData("mlp.keras", nameof(ImportedMlp))]
    [InlineData("mlp.weights.h5", nameof(ImportedMlp))]
    [InlineData("cnn.keras", nameof(FunctionalCnn))]
    [InlineData("cnn.weights.h5", nameof(FunctionalCnn))]
    [InlineData("cnn.keras", nameof(ImportedCnn))]
    [InlineData("cnn.weights.h5", nameof(ImportedCnn))]
    public void KerasMadeFilesReproduceKerasPredictions(string file, string declaration)
    {
        // Sequential (mlp) and functional (cnn) declarations, written by hand and by KerasImport.
        using var scope = NewDisposeScope();
        using Model model = declaration switch
        {
            nameof(SeedMlp) => new SeedMlp(),
            nameof(ImportedMlp) => new ImportedMlp(),
            nameof(FunctionalCnn) => new FunctionalCnn(),
            _ => new ImportedCnn(),
        };
        var (input, expected) = KerasFiles.InputsAndPredictions(file[..3]);

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
        using var model = new SeedMlp();
        var (input, expected) = KerasFiles.InputsAndPredictions("mlp");

        model.LoadWeights(KerasFiles.CopyTo(file, dir.File(savedAs)));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Fact]
    public void KerasLayerOrderNotMemberNamesDecidesWhereWeightsGo()
    {
        // Keras stores the first Dense as layers/dense and the second as layers/dense_1; the model
        // calls them hidden and output.
        using var scope = NewDisposeScope();
        using var model = new SeedMlp();

        model.LoadWeights(KerasFiles.Path("mlp.weights.h5"));

        var weights = model.GetWeights();
        Assert.Equal(new long[] { 784, 128 }, weights["hidden.kernel"].shape);
        Assert.Equal(new long[] { 128, 10 }, weights["output.kernel"].shape);
        weights.Dispose();
    }
}
