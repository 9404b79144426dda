using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Export.Onnx;

/// <summary>
/// An ONNX graph being built: nodes in topological order, weights as initializers, unique value
/// names. Layers add their inference nodes through <see cref="Node"/> and their weights through
/// <see cref="Initializer(string, Tensor)"/>; <see cref="OnnxModelWriter"/> encodes the result.
/// </summary>
internal sealed class OnnxGraph
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);

    /// <summary>The nodes, in order.</summary>
    public List<ProtoWriter> Nodes { get; } = [];

    /// <summary>The initializers (encoded <c>TensorProto</c>s).</summary>
    public List<ProtoWriter> Initializers { get; } = [];

    /// <summary>The layer whose nodes are being added; node and value names start with it.</summary>
    public string Scope { get; set; } = "";

    /// <summary>A name not used yet, <c>scope/hint</c> or with a number after it.</summary>
    public string Name(string hint)
    {
        var name = Scope.Length == 0 ? hint : $"{Scope}/{hint}";
        var unique = name;
        for (var i = 1; !_names.Add(unique); i++)
        {
            unique = $"{name}_{i}";
        }

        return unique;
    }

    /// <summary>Reserves <paramref name="name"/> exactly (graph inputs and outputs keep their declared names).</summary>
    public void Reserve(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"ONNX value name '{name}' is used twice.");
        }
    }

    /// <summary>Notes that value <paramref name="name"/> (a model's input or a layer's output) has rank <paramref name="rank"/>, batch included.</summary>
    public void SetRank(string name, int rank) => _ranks[name] = rank;

    /// <summary>
    /// The rank (batch included) of value <paramref name="name"/>, a model's input or a layer's output,
    /// as the export's probe of the model's graph measured it: for a layer whose nodes depend on it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The export has not noted the value's rank.</exception>
    public int Rank(string name) => _ranks.TryGetValue(name, out var rank)
        ? rank
        : throw new InvalidOperationException($"The ONNX export does not know the rank of value '{name}'.");

    /// <summary>Adds node <paramref name="op"/> on <paramref name="inputs"/>; returns its (single) output's name.</summary>
    public string Node(string op, string[] inputs, params OnnxAttribute[] attributes)
    {
        var output = Name(op.ToLowerInvariant());
        NodeTo(output, op, inputs, attributes);
        return output;
    }

    /// <summary>Adds node <paramref name="op"/> writing <paramref name="output"/>.</summary>
    public void NodeTo(string output, string op, string[] inputs, params OnnxAttribute[] attributes) => NodeTo([output], op, inputs, attributes);

    /// <summary>
    /// Adds node <paramref name="op"/> with several outputs, one per entry of <paramref name="wanted"/>:
    /// a new name for those wanted, "" (not computed) for the others; returns the names.
    /// </summary>
    public string[] NodeWithOutputs(string op, string[] inputs, bool[] wanted, params OnnxAttribute[] attributes)
    {
        var outputs = new string[wanted.Length];
        for (var i = 0; i < wanted.Length; i++)
        {
            outputs[i] = wanted[i] ? Name($"{op.ToLowerInvariant()}_out{i}") : "";
        }

        NodeTo(outputs, op, inputs, attributes);
        return outputs;
    }

    private void NodeTo(string[] outputs, string op, string[] inputs, OnnxAttribute[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var output in outputs)
        {
            node.String(2, output);
        }

        var named = System.Array.Find(outputs, o => o.Length > 0) ?? op;
        node.String(3, named + ":" + op).String(4, op);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute.Encode());
        }

        Nodes.Add(node);
    }

    /// <summary>Adds a float32 (or int64) initializer with the values of <paramref name="value"/>; returns its name.</summary>
    public string Initializer(string hint, Tensor value)
    {
        var name = Name(hint);
        using var scope = NewDisposeScope();
        var data = value.detach().cpu().contiguous();
        var tensor = new ProtoWriter();
        foreach (var dim in data.shape)
        {
            tensor.Int(1, dim);
        }

        var (type, bytes) = data.dtype switch
        {
            ScalarType.Int64 => (OnnxTypes.Int64, data.bytes.ToArray()),
            _ => (OnnxTypes.Float, data.to_type(ScalarType.Float32).contiguous().bytes.ToArray()),
        };
        tensor.Int(2, type).String(8, name).Bytes(9, bytes);
        Initializers.Add(tensor);
        return name;
    }

    /// <summary>
    /// The output of <paramref name="op"/> (which works channels first) on <paramref name="input"/> laid out as
    /// <paramref name="format"/>: transposed around it for channels last, applied directly for channels first.
    /// </summary>
    public string ChannelsFirst(string input, int spatialRank, DataFormat format, Func<string, string> op) =>
        format == DataFormat.ChannelsFirst ? op(input) : ChannelsFirst(input, spatialRank, op);

    /// <summary>An int64 vector initializer (shapes, axes, pads).</summary>
    public string Ints(string hint, params long[] values) => Initializer(hint, tensor(values, dtype: ScalarType.Int64));

    /// <summary>A float32 scalar initializer.</summary>
    public string Scalar(string hint, float value) => Initializer(hint, tensor(value));

    /// <summary>The output of <paramref name="op"/> on the channels-first form of NHWC/NWC <paramref name="input"/>, back in channels-last form.</summary>
    public string ChannelsFirst(string input, int spatialRank, Func<string, string> op)
    {
        var toFirst = spatialRank == 2 ? new long[] { 0, 3, 1, 2 } : [0, 2, 1];
        var toLast = spatialRank == 2 ? new long[] { 0, 2, 3, 1 } : [0, 2, 1];
        var first = Node("Transpose", [input], OnnxAttribute.Ints("perm", toFirst));
        return Node("Transpose", [op(first)], OnnxAttribute.Ints("perm", toLast));
    }

    /// <summary>Encodes <c>ValueInfoProto</c> for a float (or int64) tensor with a dynamic batch and these dimensions (-1 with a name: symbolic).</summary>
    public static ProtoWriter ValueInfo(string name, TensorSpec spec, int elementType)
    {
        var shape = new ProtoWriter();
        shape.Message(1, new ProtoWriter().String(2, "batch"));
        for (var i = 0; i < spec.Dimensions.Length; i++)
        {
            var dim = spec.Dimensions[i];
            shape.Message(1, dim >= 0
                ? new ProtoWriter().Int(1, dim)
                : new ProtoWriter().String(2, spec.DimensionNames[i] ?? $"{name}_dim{i + 1}"));
        }

        var tensorType = new ProtoWriter().Int(1, elementType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
