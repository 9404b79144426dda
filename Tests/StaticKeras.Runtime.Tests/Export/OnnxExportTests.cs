using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Runtime.Tests.EndToEnd;
using StaticKeras.Runtime.Tests.Saving;
using StaticKeras.Runtime.Tests.Saving.Keras;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>ExportOnnx: every layer family with an ONNX form, run in ONNX Runtime, equals Predict to 1e-5 relative.</summary>
public class OnnxExportTests
{
    public static TheoryData<string> Families => ["mlp", "cnn", "sequence", "pooled1d", "image", "reshaping", "residual", "merges", "upsampling", "recurrent", "normalized", "channelsfirst", "flattenfirst"];

    [Theory]
    [MemberData(nameof(Families))]
    public void OnnxRuntimeEqualsPredict(string family)
    {
        using var scope = NewDisposeScope();
        using var model = Create(family);
        OnnxRun.Randomize(model, seed: 7);
        var x = Inputs(family);

        var (inputName, outputName, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        var expected = model.Predict(x);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
        Assert.Equal(model.BuildInfo.Input.Name, inputName);
        Assert.Equal(model.BuildInfo.Output.Name, outputName);
    }

    [Fact]
    public void TokenIdsGoThroughAnEmbedding()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxEmbedded();
        var x = randint(0, 20, [3, 5]).to_type(ScalarType.Float32);   // ids as floats, as the model takes them

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        Assert.InRange(OnnxRun.MaxRelative(onnx, model.Predict(x)), 0, 1e-5);
    }

    [Fact]
    public void TheKerasMadeFilesRunInOnnxRuntimeWithKerasPredictions()
    {
        using var scope = NewDisposeScope();
        using var model = new FunctionalCnn();
        model.LoadWeights(KerasFiles.Path("cnn.keras"));
        var (input, expected) = KerasFiles.InputsAndPredictions("cnn");

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), input);

        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void SeveralInputsAndOutputsKeepTheirNames()
    {
        using var scope = NewDisposeScope();
        using var model = new TwoHeadNet();
        OnnxRun.Randomize(model, seed: 3);
        var x = new TwoHeadNet.Inputs(rand(5, 8, 8, 1), rand(5, 4));

        var onnx = OnnxRun.RunMany(model.ExportOnnx(), new Dictionary<string, Tensor> { ["image"] = x.Image, ["stats"] = x.Stats });

        var expected = model.Predict(x);
        Assert.Equal(["cls", "value"], onnx.Keys.Order());
        Assert.InRange(OnnxRun.MaxRelative(onnx["cls"], expected.Cls), 0, 1e-5);
        Assert.InRange(OnnxRun.MaxRelative(onnx["value"], expected.Value), 0, 1e-5);
    }

    // The depthwise layers' ONNX forms honour dataFormat: a channels-first DepthwiseConv2D, SeparableConv2D and
    // Flatten model runs in ONNX Runtime as Predict computes it (a form left channels last fails in the head's MatMul).
    [Fact]
    public void ChannelsFirstDepthwiseLayersExportAsPredict()
    {
        using var scope = NewDisposeScope();
        using var model = new KerasSeparableFirst();
        OnnxRun.Randomize(model, seed: 5);
        var x = rand(3, 3, 9, 8) - 0.5;

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        Assert.InRange(OnnxRun.MaxRelative(onnx, model.Predict(x)), 0, 1e-5);
    }

    [Fact]
    public void ALayerWithoutAnOnnxFormIsNamedAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        using var model = new OnnxRecurrent();

        var error = Assert.Throws<NotSupportedException>(() => model.ExportOnnx(dir.File("rnn.onnx")));

        Assert.Equal("Cannot export model 'OnnxRecurrent' to ONNX: layer 'lstm' (LSTM) has no ONNX form in this version.", error.Message);
        Assert.Empty(dir.Listing());
    }

    private static Model Create(string family) => family switch
    {
        "mlp" => new SeedMlp(),
        "cnn" => new FunctionalCnn(),
        "sequence" => new OnnxSequenceNet(),
        "pooled1d" => new OnnxPooled1D(),
        "image" => new OnnxImageNet(),
        "residual" => new ResidualBlockNet(),
        "merges" => new OnnxMerges(),
        "upsampling" => new OnnxUpsampling(),
        "recurrent" => new OnnxRecurrentStack(),
        "normalized" => new OnnxNormalized(),
        "channelsfirst" => new OnnxChannelsFirst(),
        "flattenfirst" => new OnnxFlattenFirst(),
        _ => new OnnxReshaping(),
    };

    // A batch size and symbolic length other than anything the export saw.
    private static Tensor Inputs(string family) => family switch
    {
        "mlp" => rand(3, 28, 28),
        "cnn" => rand(3, 28, 28, 1),
        "sequence" => rand(3, 10, 3),
        "pooled1d" => rand(2, 12, 4),
        "image" => rand(5, 11, 9, 2),
        "residual" => rand(3, 28, 28, 1),
        "merges" => rand(3, 6),
        "upsampling" => rand(2, 5, 4, 2),
        "recurrent" => rand(3, 9, 3),
        "normalized" => rand(3, 6, 4),
        "channelsfirst" => rand(3, 2, 9, 8),
        "flattenfirst" => rand(3, 2, 5, 4) - 0.5,
        _ => rand(4, 6, 4),
    };
}
