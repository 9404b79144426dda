using static TorchSharp.torch;

namespace StaticKeras.Export.Onnx;

/// <summary>
/// The pieces <see cref="Layers.MultiHeadAttention"/> and <see cref="Layers.Attention"/> share in ONNX: masks
/// combined with AND, the causal mask built from the scores' dynamic shape, and Keras' masked softmax.
/// </summary>
internal static class OnnxAttention
{
    /// <summary><paramref name="a"/> AND <paramref name="b"/> (broadcasting); either may be null (no mask).</summary>
    public static string? And(OnnxGraph graph, string? a, string? b) =>
        a is null ? b : b is null ? a : graph.Node("And", [a, b]);

    /// <summary>
    /// The causal mask <c>(T, S)</c> of <paramref name="scores"/> <c>(..., T, S)</c>: true where the value position
    /// is at most the query position (<c>ones(T, S).tril()</c>), for any T and S the graph meets.
    /// </summary>
    public static string Causal(OnnxGraph graph, string scores)
    {
        var shape = graph.Node("Shape", [scores]);
        var zero = graph.Initializer("zero", tensor(0L));
        var one = graph.Initializer("one", tensor(1L));
        var rows = graph.Node("Range", [zero, graph.Node("Gather", [shape, graph.Initializer("query_axis", tensor(-2L))]), one]);
        var columns = graph.Node("Range", [zero, graph.Node("Gather", [shape, graph.Initializer("value_axis", tensor(-1L))]), one]);
        // columns (1, S) <= rows (T, 1): (T, S)
        return graph.Node("LessOrEqual", [
            graph.Node("Unsqueeze", [columns, graph.Ints("row_axis", 0)]),
            graph.Node("Unsqueeze", [rows, graph.Ints("column_axis", 1)]),
        ]);
    }

    /// <summary>
    /// Keras' <c>Softmax(mask)</c> over the last axis, as the runtime computes it: masked logits replaced by
    /// -1e9, then masked weights set to 0 (a row masked everywhere gives zeros).
    /// </summary>
    public static string MaskedSoftmax(OnnxGraph graph, string logits, string mask)
    {
        var filled = graph.Node("Where", [mask, logits, graph.Scalar("large_negative", -1e9f)]);
        var weights = graph.Node("Softmax", [filled], OnnxAttribute.Int("axis", -1));
        return graph.Node("Where", [mask, weights, graph.Scalar("zero", 0f)]);
    }
}
