using System.Linq;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// One of <see cref="MultiHeadAttention"/>'s projections, Keras' <c>EinsumDense</c> sublayer: a
/// <c>kernel</c> of shape <c>(in..., out...)</c> (glorot_uniform, fans as Keras computes them for the
/// full shape) and a <c>bias</c> of shape <c>(out...)</c> (zeros), registered as <c>query.kernel</c>,
/// <c>query.bias</c> and so on, Keras' weight paths.
/// </summary>
internal sealed class EinsumProjection : nn.Module
{
    private readonly long inputSize;
    private readonly long outputSize;
    private readonly string sublayer;

    /// <summary>Creates the projection's weights.</summary>
    /// <param name="name">Keras' sublayer name: <c>query</c>, <c>key</c>, <c>value</c>, <c>attention_output</c>.</param>
    /// <param name="input">The contracted sizes (the kernel's leading axes).</param>
    /// <param name="output">The produced sizes (the kernel's trailing axes, the bias' shape).</param>
    /// <param name="useBias">Whether the projection has a bias.</param>
    public EinsumProjection(string name, long[] input, long[] output, bool useBias) : base(name)
    {
        sublayer = name;
        (inputSize, outputSize) = (input.Aggregate(1L, (a, b) => a * b), output.Aggregate(1L, (a, b) => a * b));
        LayerWeights.Add(this, "kernel", [.. input, .. output], new GlorotUniform());
        if (useBias)
        {
            LayerWeights.Add(this, "bias", output, new Zeros());
        }
    }

    /// <summary>The kernel.</summary>
    public Parameter Kernel => LayerWeights.Get(this, "kernel");

    /// <summary>The bias, or null without one.</summary>
    public Parameter? Bias => LayerWeights.Find(this, "bias");

    /// <summary>Contracts the last <c>in</c> entries of <paramref name="x"/> (flattened) with the kernel: <c>(..., prod(in))</c> → <c>(..., prod(out))</c>.</summary>
    public Tensor Apply(Tensor x)
    {
        var y = x.matmul(Kernel.reshape(inputSize, outputSize));
        return Bias is { } bias ? y + bias.reshape(outputSize) : y;
    }

    /// <summary>As <see cref="Apply"/>, as ONNX nodes on <paramref name="x"/> <c>(..., prod(in))</c>: MatMul with the flattened kernel, then Add the bias.</summary>
    public string ExportOnnx(Export.Onnx.OnnxGraph graph, string x)
    {
        var y = graph.Node("MatMul", [x, graph.Initializer(sublayer + "_kernel", Kernel.reshape(inputSize, outputSize))]);
        return Bias is { } bias ? graph.Node("Add", [y, graph.Initializer(sublayer + "_bias", bias.reshape(outputSize))]) : y;
    }
}
