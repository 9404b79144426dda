using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Attention.compute_output_shape</c> and what its call needs: query <c>(..., Tq, dim)</c>, value
/// <c>(..., Tv, dim_v)</c> and key <c>(..., Tv, dim)</c> (the value when not given) of one rank of at least 3
/// (STK1042); value and key equal but for the last axis (STK1043); the query's and the key's features equal
/// ("dot") or broadcastable ("concat": equal or 1) and the axes before the steps equal or 1 (STK1051). Keras
/// itself checks only the number of inputs and fails in the matmul at run time. Output <c>(..., Tq, dim_v)</c>.
/// Weights: <c>scale</c> () with <c>useScale</c>, <c>concat_score_weight</c> () with "concat".
/// </summary>
internal static class LuongAttentionRule
{
    /// <summary>The output and weights of <c>Attention</c> on <paramref name="inputs"/> (query, value[, key]).</summary>
    public static ShapeResult Apply(IReadOnlyList<Shape> inputs, AttentionScoreKind scoreMode, bool useScale)
    {
        if (AttentionRule.QueryValueKeyProblem(inputs) is { } problem)
        {
            return problem;
        }

        Shape query = inputs[0], value = inputs[1], key = inputs.Count == 3 ? inputs[2] : inputs[1];

        Dim dq = query.Dims[query.Rank - 1], dk = key.Dims[key.Rank - 1];
        var features = scoreMode == AttentionScoreKind.Dot ? AttentionRule.Compatible(dq, dk) : AttentionRule.Compatible(dq, dk) || IsOne(dq) || IsOne(dk);
        if (!features)
        {
            return ShapeResult.Fail(QueryKey(query, key, scoreMode, scoreMode == AttentionScoreKind.Dot
                ? "their feature sizes (last axes) must be equal"
                : "their feature sizes (last axes) must be equal or 1"));
        }

        if (Enumerable.Range(0, query.Rank - 2).Any(i => !AttentionRule.Compatible(query.Dims[i], key.Dims[i]) && !IsOne(query.Dims[i]) && !IsOne(key.Dims[i])))
        {
            return ShapeResult.Fail(QueryKey(query, key, scoreMode, "their axes before the steps must be equal or 1"));
        }

        var weights = new List<WeightSpec>();
        if (useScale)
        {
            weights.Add(WeightSpec.Of("scale"));
        }

        if (scoreMode == AttentionScoreKind.Concat)
        {
            weights.Add(WeightSpec.Of("concat_score_weight"));
        }

        var output = query.Dims.Take(query.Rank - 1).Append(value.Dims[value.Rank - 1]);
        return ShapeResult.Ok(Shape.Of(output.ToArray()), [.. weights]);
    }

    private static ShapeError QueryKey(Shape query, Shape key, AttentionScoreKind scoreMode, string why) =>
        ShapeError.Rejected(query, ShapeIds.AttentionQueryKey, scoreMode == AttentionScoreKind.Concat ? "scoreMode" : null,
            query.ToString(), key.ToString(), scoreMode == AttentionScoreKind.Dot ? "dot" : "concat", why);

    // An unknown or named size is checked at run time; two known sizes must agree.
    private static bool IsOne(Dim d) => d.IsKnown && d.Size == 1;
}
