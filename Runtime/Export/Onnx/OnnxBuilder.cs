using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Export.Onnx;

/// <summary>
/// Writes a custom <c>[Layer]</c>'s inference nodes into a model's ONNX graph (opset 17). A layer class gives its
/// ONNX form by declaring <c>public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)</c>, which builds
/// what its <c>Call</c> computes from ONNX operators and returns the output:
/// <code>
/// public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs) =>
///     onnx.Add(onnx.MatMul(inputs, onnx.Weight(W)), onnx.Weight(B));
/// </code>
/// Values are laid out as the layer's <c>Call</c> sees its tensors: batch first, then the dimensions of its
/// declared input signature. Node and value names start with the layer's member name (<c>custom/MatMul</c>);
/// weights become initializers named after the layer and the weight (<c>custom/W</c>). Operators without a
/// method here are written with <see cref="Node"/>.
/// </summary>
public sealed class OnnxBuilder
{
    private readonly OnnxGraph _graph;
    private readonly CustomLayer _layer;
    private readonly Dictionary<string, OnnxValue> _weights = new(StringComparer.Ordinal);

    internal OnnxBuilder(OnnxGraph graph, CustomLayer layer) => (_graph, _layer) = (graph, layer);

    /// <summary>The ONNX opset the model is written in (17): <see cref="Node"/> may use any of its operators.</summary>
    public int Opset => OnnxModelWriter.Opset;

    /// <summary>
    /// One of the layer's own weights (a <c>[Weight]</c> property) as an initializer named after the layer and the
    /// weight, with the values it has now; asking again for the same weight returns the same value.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is not a weight of this layer.</exception>
    public OnnxValue Weight(Parameter weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var name = _layer.named_parameters(recurse: false).FirstOrDefault(p => ReferenceEquals(p.parameter, weight)).name;
        if (name is null)
        {
            throw new ArgumentException(
                $"{_layer.GetType().Name}.ExportOnnx: expected one of the layer's weights ({string.Join(", ", _layer.named_parameters(recurse: false).Select(p => p.name))}), " +
                $"found a tensor of shape {ShapeText.Of(weight.shape)} that is not one.", nameof(weight));
        }

        if (!_weights.TryGetValue(name, out var value))
        {
            value = new OnnxValue(_graph.Initializer(name, weight));
            _weights[name] = value;
        }

        return value;
    }

    /// <summary>A constant tensor (float32, or int64 for an int64 tensor) written as an initializer named after <paramref name="name"/>.</summary>
    public OnnxValue Constant(Tensor value, string name = "constant")
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new OnnxValue(_graph.Initializer(name, value));
    }

    /// <summary>A float32 scalar constant (broadcasts in <see cref="Add"/>, <see cref="Mul"/> and the other element-wise operators).</summary>
    public OnnxValue Constant(float value, string name = "constant") => new(_graph.Scalar(name, value));

    /// <summary>An int64 vector constant (shapes, axes).</summary>
    public OnnxValue Constant(long[] values, string name = "constant")
    {
        ArgumentNullException.ThrowIfNull(values);
        return new OnnxValue(_graph.Ints(name, values));
    }

    /// <summary>ONNX <c>MatMul</c>: <c>a.matmul(b)</c>, batched over leading axes as NumPy's matmul.</summary>
    public OnnxValue MatMul(OnnxValue a, OnnxValue b) => Node("MatMul", [a, b]);

    /// <summary>ONNX <c>Add</c>: <c>a + b</c> with NumPy broadcasting.</summary>
    public OnnxValue Add(OnnxValue a, OnnxValue b) => Node("Add", [a, b]);

    /// <summary>ONNX <c>Sub</c>: <c>a - b</c> with NumPy broadcasting.</summary>
    public OnnxValue Sub(OnnxValue a, OnnxValue b) => Node("Sub", [a, b]);

    /// <summary>ONNX <c>Mul</c>: <c>a * b</c> element-wise with NumPy broadcasting.</summary>
    public OnnxValue Mul(OnnxValue a, OnnxValue b) => Node("Mul", [a, b]);

    /// <summary>ONNX <c>Div</c>: <c>a / b</c> with NumPy broadcasting.</summary>
    public OnnxValue Div(OnnxValue a, OnnxValue b) => Node("Div", [a, b]);

    /// <summary>ONNX <c>Relu</c>: <c>max(x, 0)</c>.</summary>
    public OnnxValue Relu(OnnxValue x) => Node("Relu", [x]);

    /// <summary>ONNX <c>Sigmoid</c>.</summary>
    public OnnxValue Sigmoid(OnnxValue x) => Node("Sigmoid", [x]);

    /// <summary>ONNX <c>Tanh</c>.</summary>
    public OnnxValue Tanh(OnnxValue x) => Node("Tanh", [x]);

    /// <summary>ONNX <c>Softmax</c> over <paramref name="axis"/> (Keras' default: the last).</summary>
    public OnnxValue Softmax(OnnxValue x, int axis = -1) => Node("Softmax", [x], new Dictionary<string, object> { ["axis"] = (long)axis });

    /// <summary>
    /// ONNX <c>Reshape</c> to <paramref name="shape"/>, batch axis included, with ONNX's rules: 0 keeps the input's
    /// size on that axis (write 0 first to keep the batch), one -1 takes the size that the others leave.
    /// </summary>
    public OnnxValue Reshape(OnnxValue x, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Node("Reshape", [x, Constant(shape, "shape")]);
    }

    /// <summary>ONNX <c>Transpose</c>: axis i of the output is axis <c>permutation[i]</c> of <paramref name="x"/> (batch axis included, 0).</summary>
    public OnnxValue Transpose(OnnxValue x, params long[] permutation)
    {
        ArgumentNullException.ThrowIfNull(permutation);
        return Node("Transpose", [x], new Dictionary<string, object> { ["perm"] = permutation });
    }

    /// <summary>
    /// Any operator of the opset with one output: <paramref name="opType"/> (as ONNX spells it: <c>"Erf"</c>,
    /// <c>"ReduceMean"</c>) on <paramref name="inputs"/>, with <paramref name="attributes"/> by name. An attribute's
    /// value is an <see cref="int"/> or <see cref="long"/>, a <see cref="float"/> or <see cref="double"/>, a
    /// <see cref="string"/>, an <see cref="int"/>[] or <see cref="long"/>[], or a <see cref="string"/>[].
    /// </summary>
    /// <exception cref="ArgumentException">An input is not a value of the graph, or an attribute's value has none of those types.</exception>
    public OnnxValue Node(string opType, IReadOnlyList<OnnxValue> inputs, IReadOnlyDictionary<string, object>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        var names = new string[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            names[i] = inputs[i].Name ?? throw new ArgumentException(
                $"{_layer.GetType().Name}.ExportOnnx: input {i} of {opType} must be a value of the graph (the layer's input or one OnnxBuilder made), found default(OnnxValue).", nameof(inputs));
        }

        var encoded = (attributes ?? new Dictionary<string, object>())
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => Attribute(opType, a.Key, a.Value))
            .ToArray();
        return new OnnxValue(_graph.Node(opType, names, encoded));
    }

    private OnnxAttribute Attribute(string opType, string name, object value) => value switch
    {
        int i => OnnxAttribute.Int(name, i),
        long l => OnnxAttribute.Int(name, l),
        float f => OnnxAttribute.Float(name, f),
        double d => OnnxAttribute.Float(name, (float)d),
        string s => OnnxAttribute.String(name, s),
        int[] ints => OnnxAttribute.Ints(name, ints.Select(i => (long)i).ToArray()),
        long[] longs => OnnxAttribute.Ints(name, longs),
        string[] strings => OnnxAttribute.Strings(name, strings),
        _ => throw new ArgumentException(
            $"{_layer.GetType().Name}.ExportOnnx: attribute '{name}' of {opType} must be an int, long, float, double, string, int[], long[] or string[], " +
            $"found {value?.GetType().Name ?? "null"}.", nameof(value)),
    };
}
