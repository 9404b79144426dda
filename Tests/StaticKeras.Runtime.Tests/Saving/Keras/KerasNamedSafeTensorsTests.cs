using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Saving;
using StaticKeras.Runtime.Tests.EndToEnd;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>safetensors files named by Keras variable paths (dense/kernel) load by Keras' names or member names.</summary>
public class KerasNamedSafeTensorsTests
{
    [Theory]
    [InlineData("", "dense", "dense_1")]
    [InlineData("sequential/", "dense", "dense_1")]
    [InlineData("", "hidden", "output")]
    public void KerasVariablePathsLoad(string prefix, string first, string second)
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var reference = new SeedMlp();
        reference.LoadWeights(KerasFiles.Path("mlp.weights.h5"));
        using var weights = reference.GetWeights();
        var path = dir.File("keras-named.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            [$"{prefix}{first}/kernel"] = weights["hidden.kernel"],
            [$"{prefix}{first}/bias"] = weights["hidden.bias"],
            [$"{prefix}{second}/kernel"] = weights["output.kernel"],
            [$"{prefix}{second}/bias"] = weights["output.bias"],
        });
        using var model = new SeedMlp();

        model.LoadWeights(path);

        var (input, expected) = KerasFiles.InputsAndPredictions("mlp");
        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Fact]
    public void AnUnknownNameIsReported()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        var path = dir.File("extra.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["dense/kernel"] = zeros(784, 128),
            ["dense/bias"] = zeros(128),
            ["dense_1/kernel"] = zeros(128, 10),
            ["dense_1/bias"] = zeros(10),
            ["dense_2/kernel"] = zeros(10, 10),
        });
        using var model = new SeedMlp();

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        Assert.Contains("the file has 1 variable at dense_2/kernel (dense_2/kernel: (10, 10)), which no layer of the model has", error.Message);
    }
}
