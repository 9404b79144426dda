using System;
using System.Collections.Generic;
using System.Linq;
using Samples.FashionMnist.Models;
using Samples.MultiHead.Models;
using Samples.Serving;
using Samples.Transformer;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>
/// Every sample's model (the declarations in Samples/, compiled here) exported to ONNX and run in ONNX Runtime:
/// outputs equal Predict to 1e-5 relative. The one sample model with a custom layer is refused by name.
/// </summary>
public class OnnxSampleModelTests
{
    public static TheoryData<string> SingleInput => ["mlp", "cnn-sequential", "cnn", "residual", "serving"];

    [Theory]
    [MemberData(nameof(SingleInput))]
    public void FashionMnistModelsRunInOnnxRuntime(string sample)
    {
        using var scope = NewDisposeScope();
        using Model model = sample switch
        {
            "mlp" => new MnistMlp(),
            "cnn-sequential" => new SequentialCnn(),
            "cnn" => new SmallCnn(),
            "residual" => new ResidualNet(),
            _ => new FashionMlp(),
        };
        OnnxRun.Randomize(model, seed: 11);
        var x = sample is "mlp" or "serving" ? rand(3, 28, 28) : rand(3, 28, 28, 1);

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        var expected = model.Predict(x);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void TheMultiHeadSampleRunsInOnnxRuntime()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadCnn();
        OnnxRun.Randomize(model, seed: 12);
        var x = new TwoHeadCnn.Inputs(rand(4, 28, 28, 1), rand(4, 4));

        var onnx = OnnxRun.RunMany(model.ExportOnnx(), new Dictionary<string, Tensor> { ["image"] = x.Image, ["quadrants"] = x.Quadrants });

        var expected = model.Predict(x);
        Assert.InRange(OnnxRun.MaxRelative(onnx["cls"], expected.Cls), 0, 1e-5);
        Assert.InRange(OnnxRun.MaxRelative(onnx["value"], expected.Value), 0, 1e-5);
    }

    [Fact]
    public void TheTransformerSampleRunsInOnnxRuntimeWithItsPaddingMask()
    {
        using var scope = NewDisposeScope();
        using var model = new TransformerClassifier();
        OnnxRun.Randomize(model, seed: 13, scale: 10);
        var ids = Padded(seed: 13, lengths: [11, 7, 3, 9, 1]);
        ids[3, 2] = tensor(0f);   // padding inside a sentence is masked too
        var onnxModel = model.ExportOnnx();

        var (_, _, onnx) = OnnxRun.Run(onnxModel, ids);

        var expected = model.Predict(ids);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
        // The mask is in the graph: a sentence padded to 11 tokens gets the answer it gets alone.
        var (_, _, alone) = OnnxRun.Run(onnxModel, ids.narrow(0, 1, 1).narrow(1, 0, 7));
        Assert.InRange((alone - onnx.narrow(0, 1, 1)).abs().max().item<float>(), 0, 1e-6);
    }

    [Fact]
    public void TheCustomLayerSampleIsRefusedByName()
    {
        using var model = new CustomLayerMlp();

        var error = Assert.Throws<NotSupportedException>(() => model.ExportOnnx());

        Assert.Equal("Cannot export model 'CustomLayerMlp' to ONNX: layer 'custom' (MyCustomLayer) has no ONNX form in this version.", error.Message);
    }

    /// <summary>Token ids in [1, 17) with trailing zeros (padding) after each row's length, as floats.</summary>
    internal static Tensor Padded(int seed, long[] lengths, long steps = 11, long vocabulary = 17)
    {
        var ids = randint(1, vocabulary, [lengths.Length, steps], generator: new TorchSharp.torch.Generator((ulong)seed)).to_type(ScalarType.Float32);
        for (var row = 0; row < lengths.Length; row++)
        {
            ids[row, TensorIndex.Slice(lengths[row])] = tensor(0f);
        }

        return ids;
    }
}
