using System.Collections.Generic;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>
/// ONNX forms of MultiHeadAttention, Attention, DepthwiseConv2D and SeparableConv2D (and dilated 'same' convolutions), and Keras' masks in the graph
/// (Embedding's and Masking's, passed on, merged, read by the attention layers and the masked mean): ONNX Runtime
/// equals Predict to 1e-5 relative.
/// </summary>
public class OnnxAttentionTests
{
    [Theory]
    [InlineData("self")]
    [InlineData("two axes")]
    [InlineData("depthwise")]
    [InlineData("dilated same")]
    public void UnmaskedLayersEqualPredict(string family)
    {
        using var scope = NewDisposeScope();
        using Model model = family switch
        {
            "self" => new OnnxSelfAttention(),
            "two axes" => new OnnxAttentionOverTwoAxes(),
            "dilated same" => new OnnxDilatedSame(),
            _ => new OnnxDepthwise(),
        };
        OnnxRun.Randomize(model, seed: 21, scale: 10);
        var x = family switch
        {
            "self" => rand(3, 7, 6) - 0.5,
            "two axes" => rand(2, 3, 4, 5) - 0.5,
            "dilated same" => rand(3, 9, 8, 2) - 0.5,
            _ => rand(3, 9, 8, 3) - 0.5,
        };

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        var expected = model.Predict(x);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void CausalCrossAttentionWithAKeyEqualsPredict()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxCausalCrossAttention();
        OnnxRun.Randomize(model, seed: 22, scale: 10);
        var x = new OnnxCausalCrossAttention.Inputs(rand(3, 5, 5) - 0.5, rand(3, 6, 4) - 0.5, rand(3, 6, 3) - 0.5);

        var onnx = OnnxRun.RunMany(model.ExportOnnx(), new Dictionary<string, Tensor> { ["query"] = x.Query, ["value"] = x.Value, ["key"] = x.Key });

        Assert.InRange(OnnxRun.MaxRelative(onnx.Values.Single(), model.Predict(x)), 0, 1e-5);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void AnEmbeddingsPaddingMaskReachesMultiHeadAttention(bool causal, bool padding)
    {
        using var scope = NewDisposeScope();
        using Model model = causal ? new OnnxMaskedCausalAttention() : new OnnxMaskedSelfAttention();
        OnnxRun.Randomize(model, seed: 23, scale: 10);
        var ids = OnnxSampleModelTests.Padded(seed: 23, lengths: padding ? [9, 4, 1, 6] : [9, 9, 9, 9], steps: 9);

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), ids);

        var expected = model.Predict(ids);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void MaskingsMaskReachesCausalLuongAttentionAndTheMaskedMean()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxMaskedLuong();
        OnnxRun.Randomize(model, seed: 24, scale: 10);
        var x = rand(3, 8, 3) + 0.1;
        x[0, TensorIndex.Slice(5)] = tensor(0f);   // trailing padding
        x[1, 2] = tensor(0f);                      // a padded step inside
        x[2, 0] = tensor(0f);                      // leading padding: the first query may attend to nothing

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), x);

        var expected = model.Predict(x);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void AnEmbeddingsPaddingMaskReachesLuongConcatAttention()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxMaskedLuongConcat();
        OnnxRun.Randomize(model, seed: 28, scale: 10);
        var ids = OnnxSampleModelTests.Padded(seed: 28, lengths: [7, 3, 1], steps: 7);
        ids[0, 1] = tensor(0f);

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), ids);

        var expected = model.Predict(ids);
        Assert.Equal(expected.shape, onnx.shape);
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void LuongConcatAndDotScoresEqualPredict()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxLuongScores();
        OnnxRun.Randomize(model, seed: 25, scale: 10);
        var x = new OnnxLuongScores.Inputs(rand(2, 3, 4) - 0.5, rand(2, 5, 4) - 0.5, rand(2, 5, 4) - 0.5);

        var onnx = OnnxRun.RunMany(model.ExportOnnx(), new Dictionary<string, Tensor> { ["query"] = x.Query, ["value"] = x.Value, ["key"] = x.Key });

        Assert.InRange(OnnxRun.MaxRelative(onnx.Values.Single(), model.Predict(x)), 0, 1e-5);
    }

    [Fact]
    public void TwoMasksMergedByAnAddAreTheirOr()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxMergedMasks();
        OnnxRun.Randomize(model, seed: 26, scale: 10);
        var a = OnnxSampleModelTests.Padded(seed: 26, lengths: [6, 2, 4], steps: 6, vocabulary: 9);
        var b = OnnxSampleModelTests.Padded(seed: 27, lengths: [3, 5, 1], steps: 6, vocabulary: 9);

        var onnx = OnnxRun.RunMany(model.ExportOnnx(), new Dictionary<string, Tensor> { ["a"] = a, ["b"] = b });

        Assert.InRange(OnnxRun.MaxRelative(onnx.Values.Single(), model.Predict(new OnnxMergedMasks.Inputs(a, b))), 0, 1e-5);
    }
}
