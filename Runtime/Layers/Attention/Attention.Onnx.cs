using System.Linq;
using StaticKeras.Export.Onnx;

namespace StaticKeras.Layers;

// Attention (Luong) as ONNX nodes, the inference form of Attend:
//   scores = MatMul(query, Transpose(key)) [* scale], or concat: weight * ReduceSum(Tanh([scale *] (query[..., :, None, :] + key[..., None, :, :])))
//   scores = Where(value mask & causal, scores, scores - 1e9); weights = Softmax(scores)
//   output = MatMul(weights, value), zeroed where the query mask is false
public sealed partial class Attention
{
    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string query, string value, string? key, string? queryMask, string? valueMask, string? keyMask)
    {
        if (!_built)
        {
            throw new System.InvalidOperationException("Attention: the layer must be built (called once) before it is exported to ONNX.");
        }

        key ??= value;
        int rank = _query.Length + 1;
        string scores;
        if (ScoreMode == AttentionScoreMode.Dot)
        {
            long[] swap = [.. Enumerable.Range(0, rank - 2).Select(i => (long)i), rank - 1, rank - 2];
            scores = graph.Node("MatMul", [query, graph.Node("Transpose", [key], OnnxAttribute.Ints("perm", swap))]);
            if (Scale is { } scale)
            {
                scores = graph.Node("Mul", [scores, graph.Initializer("scale", scale)]);
            }
        }
        else
        {
            var sum = graph.Node("Add", [
                graph.Node("Unsqueeze", [query, graph.Ints("query_axis", -2)]),
                graph.Node("Unsqueeze", [key, graph.Ints("key_axis", -3)])]);
            if (Scale is { } scale)
            {
                sum = graph.Node("Mul", [graph.Initializer("scale", scale), sum]);
            }

            var reduced = graph.Node("ReduceSum", [graph.Node("Tanh", [sum]), graph.Ints("features", -1)], OnnxAttribute.Int("keepdims", 0));
            scores = graph.Node("Mul", [graph.Initializer("concat_score_weight", ConcatScoreWeight!), reduced]);
        }

        // ScoresMask: the value mask (batch, 1, Tv) AND the causal mask (Tq, Tv); masked scores lose 1e9 (Keras' _apply_scores).
        var mask = valueMask is null ? null : graph.Node("Unsqueeze", [valueMask, graph.Ints("query_steps_axis", -2)]);
        if (UseCausalMask)
        {
            mask = OnnxAttention.And(graph, mask, OnnxAttention.Causal(graph, scores));
        }

        if (mask is not null)
        {
            scores = graph.Node("Where", [mask, scores, graph.Node("Sub", [scores, graph.Scalar("big", 1e9f)])]);
        }

        var output = graph.Node("MatMul", [graph.Node("Softmax", [scores], OnnxAttribute.Int("axis", -1)), value]);
        return queryMask is null
            ? output
            : graph.Node("Where", [graph.Node("Unsqueeze", [queryMask, graph.Ints("feature_axis", -1)]), output, graph.Scalar("zero", 0f)]);
    }
}
