using System;
using System.Collections.Generic;
using System.Text;
using StaticKeras.Export.Onnx;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.CustomLayers;
using Parameter = TorchSharp.Modules.Parameter;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>
/// Custom layers' ONNX forms (their <c>ExportOnnx(OnnxBuilder, OnnxValue)</c>) run in ONNX Runtime: outputs equal
/// Predict to 1e-5 relative; a custom layer without one is refused by name.
/// </summary>
public class OnnxCustomLayerTests(ITestOutputHelper output)
{
    [Fact]
    public void ALayerWithReshapeAReduceNodeAndReluRunsInOnnxRuntime()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxCustomPairs();
        OnnxRun.Randomize(model, seed: 21);
        var x = randn(4, 6, 8, generator: new TorchSharp.torch.Generator(21));
        var onnxModel = model.ExportOnnx();

        var (_, _, onnx) = OnnxRun.Run(onnxModel, x);

        var expected = model.Predict(x);
        Assert.Equal(expected.shape, onnx.shape);
        output.WriteLine($"max relative difference, ONNX Runtime vs Predict: {OnnxRun.MaxRelative(onnx, expected):G3}");
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
        // The layer's weight is an initializer named after the member and the weight.
        Assert.Contains("pairs/Scale", Encoding.UTF8.GetString(onnxModel), StringComparison.Ordinal);
    }

    [Fact]
    public void AMaskReachingACustomLayerIsDroppedAsInPredict()
    {
        using var scope = NewDisposeScope();
        using var model = new OnnxCustomAfterMask();
        OnnxRun.Randomize(model, seed: 22);
        var ids = OnnxSampleModelTests.Padded(seed: 22, lengths: [11, 7, 3, 1]);

        var (_, _, onnx) = OnnxRun.Run(model.ExportOnnx(), ids);

        var expected = model.Predict(ids);
        output.WriteLine($"max relative difference, ONNX Runtime vs Predict: {OnnxRun.MaxRelative(onnx, expected):G3}");
        Assert.InRange(OnnxRun.MaxRelative(onnx, expected), 0, 1e-5);
    }

    [Fact]
    public void ACustomLayerWithoutExportOnnxIsRefusedByName()
    {
        using var model = new OnnxCustomWithoutForm();

        var error = Assert.Throws<NotSupportedException>(() => model.ExportOnnx());

        Assert.Equal("Cannot export model 'OnnxCustomWithoutForm' to ONNX: layer 'pairs' (PairSum) has no ONNX form in this version.", error.Message);
    }

    [Fact]
    public void AWeightOfAnotherLayerIsRefused()
    {
        using var model = new OnnxCustomForeignWeight();

        var error = Assert.Throws<ArgumentException>(() => model.ExportOnnx());

        Assert.StartsWith("ForeignWeight.ExportOnnx: expected one of the layer's weights (S), found a tensor of shape (2,) that is not one.", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Sums adjacent features, scales them and applies relu: (t, d) -> (t, d / 2); its ONNX form uses Reshape, ReduceSum through Node, Mul and Relu.</summary>
[Layer(Input = "t, d", Output = "t, d / 2")]
public partial class ReluPairs
{
    [Weight("d / 2", Initializer.Ones)] partial Parameter Scale { get; }

    /// <summary>relu(sum of each pair of features × Scale).</summary>
    public Tensor Call(Tensor inputs) =>
        nn.functional.relu(inputs.reshape(inputs.shape[0], inputs.shape[1], inputs.shape[2] / 2, 2).sum(-1) * Scale);

    /// <summary>The same as ONNX nodes.</summary>
    public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)
    {
        var pairs = onnx.Reshape(inputs, 0, 0, -1, 2);
        var sums = onnx.Node("ReduceSum", [pairs, onnx.Constant([-1L], "axes")], new Dictionary<string, object> { ["keepdims"] = 0L });
        return onnx.Relu(onnx.Mul(sums, onnx.Weight(Scale)));
    }
}

/// <summary>A layer whose ExportOnnx asks for a tensor that is not its weight.</summary>
[Layer(Input = "..., d", Output = "..., d")]
public partial class ForeignWeight
{
    private static readonly Parameter s_other = new(ones(2));

    [Weight("d", Initializer.Ones)] partial Parameter S { get; }

    /// <summary>inputs × S.</summary>
    public Tensor Call(Tensor inputs) => inputs * S;

    /// <summary>Wrongly multiplies by a parameter the layer does not own.</summary>
    public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs) => onnx.Mul(inputs, onnx.Weight(s_other));
}

/// <summary>Dense, the custom ReluPairs, then a classifier: (6, 8) -> (6, 4) -> 3.</summary>
[Sequential, Input(6, 8), ExportOnnx]
public partial class OnnxCustomPairs
{
    readonly Dense project = new(8, Activation.Tanh);
    readonly ReluPairs pairs = new();
    readonly Flatten flatten = new();
    readonly Dense head = new(3);
}

/// <summary>An embedding's padding mask reaching a custom layer, which drops it (its Call takes none), then the mean of every step.</summary>
[Sequential, Input(11), ExportOnnx]
public partial class OnnxCustomAfterMask
{
    readonly Embedding tokens = new(17, 4, maskZero: true);
    readonly ReluPairs pairs = new();
    readonly GlobalAveragePooling1D pool = new();
    readonly Dense head = new(3);
}

/// <summary>A custom layer without ExportOnnx (not marked [ExportOnnx], so the build lets it through).</summary>
[Sequential, Input(6, 8)]
public partial class OnnxCustomWithoutForm
{
    readonly PairSum pairs = new();
    readonly Flatten flatten = new();
}

/// <summary>ForeignWeight in a model.</summary>
[Sequential, Input(2)]
public partial class OnnxCustomForeignWeight
{
    readonly ForeignWeight foreign = new();
}
