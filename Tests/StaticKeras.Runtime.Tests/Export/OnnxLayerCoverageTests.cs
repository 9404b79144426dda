using System;
using StaticKeras.Runtime.Tests.Saving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>ONNX forms of the activation layers, Rescaling, Cropping, SpatialDropout, Masking, PositionEmbedding, TimeDistributed and Bidirectional: ONNX Runtime equals Predict to 1e-5.</summary>
public class OnnxLayerCoverageTests
{
    [Theory]
    [InlineData("activations")]
    [InlineData("cropped")]
    [InlineData("positions")]
    [InlineData("timedistributed")]
    [InlineData("bidirectional")]
    public void OnnxRuntimeEqualsPredict(string family)
    {
        using var scope = NewDisposeScope();
        using Model model = family switch
        {
            "activations" => new OnnxActivationLayers(),
            "cropped" => new OnnxCroppedImage(),
            "timedistributed" => new OnnxTimeDistributed(),
            "bidirectional" => new OnnxBidirectional(),
            _ => new OnnxPositions(),
        };
        OnnxRun.Randomize(model, seed: 5);
        var x = family switch
        {
            // Some steps all 0.25 (Masking zeroes them), values on both sides of the ReLU's threshold.
            "activations" => MaskedSteps(rand(4, 9, 4) - 0.3),
            "cropped" => rand(3, 9, 8, 2) - 0.5,
            "timedistributed" => rand([3, 5, 6, 6, 1]) - 0.5,
            "bidirectional" => rand(4, 7, 3) - 0.5,
            _ => rand(3, 7, 4),   // 7 steps of the 10 the embeddings have
        };

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        var expected = model.Predict(x);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void AMaskTakenByALaterLayerIsRefusedAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        using var model = new OnnxMaskedTagger();

        var error = Assert.Throws<NotSupportedException>(() => model.ExportOnnx(dir.File("tagger.onnx")));

        Assert.Equal("Cannot export model 'OnnxMaskedTagger' to ONNX: layer 'lstm' can take the mask layer 'embed' makes, and ONNX's recurrent operators cannot skip masked steps.", error.Message);
        Assert.Empty(dir.Listing());
    }

    [Fact]
    public void ABidirectionalLayerWhoseDirectionsDifferIsRefusedAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        using var model = new OnnxUnevenBidirectional();

        var error = Assert.Throws<NotSupportedException>(() => model.ExportOnnx(dir.File("uneven.onnx")));

        Assert.Contains("'bi'", error.Message);
        Assert.Empty(dir.Listing());
    }

    private static Tensor MaskedSteps(Tensor x)
    {
        x[0, 2] = full(4, 0.25f);
        x[3, 5] = full(4, 0.25f);
        return x;
    }
}
