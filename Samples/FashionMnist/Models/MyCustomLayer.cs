using StaticKeras;
using StaticKeras.Export.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Samples.FashionMnist.Models;

/// <summary>Seed Example 3's layer: a dense projection written by hand, <c>inputs @ W + B</c>; its shapes are declared, so uses are checked.</summary>
[Layer(Input = "..., d", Output = "..., units")]
public partial class MyCustomLayer(int units)
{
    [Weight("d, units", Initializer.RandomNormal)] partial Parameter W { get; }

    [Weight("units", Initializer.Zeros)] partial Parameter B { get; }

    /// <summary>Projects the last axis to <c>units</c> features; gradients come from autograd.</summary>
    public Tensor Call(Tensor inputs) => inputs.matmul(W) + B;

    /// <summary>The same projection as ONNX nodes, for <c>ExportOnnx</c>: <c>MatMul</c> by W, then <c>Add</c> B.</summary>
    public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs) => onnx.Add(onnx.MatMul(inputs, onnx.Weight(W)), onnx.Weight(B));
}
