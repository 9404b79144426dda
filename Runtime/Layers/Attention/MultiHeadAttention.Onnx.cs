using StaticKeras.Export.Onnx;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

// MultiHeadAttention as ONNX nodes, the inference form of Attend:
//   q = Transpose(Reshape(MatMul(query, Wq) + bq, (batch, T, heads, key_dim))) * 1/sqrt(key_dim)   (batch, heads, T, key_dim)
//   k, v likewise; logits = MatMul(q, Transpose(k))                                               (batch, heads, T, S)
//   weights = Softmax(logits), or Keras' masked softmax with the query, value, key and causal masks ANDed
//   output = MatMul(Reshape(Transpose(MatMul(weights, v)), (batch, T, heads * value_dim)), Wo) + bo
public sealed partial class MultiHeadAttention
{
    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string query, string value, string? key, string? queryMask, string? valueMask, string? keyMask)
    {
        if (this.query is null)
        {
            throw new System.InvalidOperationException("MultiHeadAttention: the layer must be built before it is exported to ONNX.");
        }

        // Inputs of higher rank attend over all their middle axes together: (batch, T..., d) -> (batch, T, d).
        bool flat = builtQuery.Length == 2;
        string Positions(string x, long features) => flat ? x : graph.Node("Reshape", [x, graph.Ints("positions", 0, -1, features)]);
        string Heads(string projected, long size) => graph.Node("Transpose", [
            graph.Node("Reshape", [projected, graph.Ints("heads", 0, 0, NumHeads, size)])], OnnxAttribute.Ints("perm", 0, 2, 1, 3));

        var q = graph.Node("Mul", [Heads(this.query.ExportOnnx(graph, Positions(query, builtQuery[^1])), KeyDim), graph.Scalar("scale", (float)(1.0 / System.Math.Sqrt(KeyDim)))]);
        var k = Heads(this.key!.ExportOnnx(graph, Positions(key ?? value, builtKey[^1])), KeyDim);
        var v = Heads(this.value!.ExportOnnx(graph, Positions(value, builtValue[^1])), ValueDim);
        var logits = graph.Node("MatMul", [q, graph.Node("Transpose", [k], OnnxAttribute.Ints("perm", 0, 1, 3, 2))]);

        // CombinedMask: query (batch, T, 1) & value (batch, 1, S) & key (batch, 1, S) & causal (T, S); then a heads axis.
        string? mask = null;
        if (queryMask is not null)
        {
            mask = graph.Node("Reshape", [queryMask, graph.Ints("query_mask_shape", 0, -1, 1)]);
        }

        foreach (var positions in new[] { valueMask, key is null ? null : keyMask })
        {
            if (positions is not null)
            {
                mask = OnnxAttention.And(graph, mask, graph.Node("Reshape", [positions, graph.Ints("value_mask_shape", 0, 1, -1)]));
            }
        }

        if (UseCausalMask)
        {
            mask = OnnxAttention.And(graph, mask, OnnxAttention.Causal(graph, logits));
        }

        var weights = mask is null
            ? graph.Node("Softmax", [logits], OnnxAttribute.Int("axis", -1))
            : OnnxAttention.MaskedSoftmax(graph, logits, graph.Node("Unsqueeze", [mask, graph.Ints("heads_axis", -3)]));

        // (batch, heads, T, value_dim) -> (batch, T, heads * value_dim) -> the output projection.
        var attended = graph.Node("Reshape", [
            graph.Node("Transpose", [graph.Node("MatMul", [weights, v])], OnnxAttribute.Ints("perm", 0, 2, 1, 3)),
            graph.Ints("merged_heads", 0, 0, NumHeads * (long)ValueDim)]);
        var result = output!.ExportOnnx(graph, attended);
        if (flat && outputShape.Length <= 1)
        {
            return result;
        }

        // Back to (batch, T..., output_shape...): the query's leading dims from its runtime shape.
        long[] trailing = outputShape.Length > 0 ? outputShape : [builtQuery[^1]];
        var leading = graph.Node("Slice", [graph.Node("Shape", [query]), graph.Ints("from", 0), graph.Ints("to", -1)]);
        return graph.Node("Reshape", [result, graph.Node("Concat", [leading, graph.Ints("output_shape", trailing)], OnnxAttribute.Int("axis", 0))]);
    }
}
