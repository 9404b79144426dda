using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>MultiHeadAttention.compute_output_shape</c> and <c>build</c>: query <c>(T..., dq)</c>,
/// value <c>(S..., dv)</c>, key <c>(S..., dk)</c> (the value when not given) of one rank of at least 3
/// (batch included) with known feature sizes; value and key equal before their last axis. Output
/// <c>(T..., dq)</c>, or <c>(T..., outputShape...)</c>. Weights: query/key/value EinsumDense kernels
/// <c>(d, heads, size)</c> with biases <c>(heads, size)</c>, output kernel <c>(heads, valueDim, out...)</c>
/// with bias <c>(out...)</c>.
/// </summary>
internal static class AttentionRule
{
    /// <summary>The output and weights of <c>MultiHeadAttention</c> on <paramref name="inputs"/> (query, value[, key]).</summary>
    public static ShapeResult MultiHead(IReadOnlyList<Shape> inputs, AttentionSpec spec)
    {
        if (QueryValueKeyProblem(inputs) is { } problem)
        {
            return problem;
        }

        Shape query = inputs[0], value = inputs[1], key = inputs.Count == 3 ? inputs[2] : inputs[1];

        foreach (var (shape, what) in new[] { (query, "query features"), (value, "value features"), (key, "key features") })
        {
            if (InputChecks.Known(shape, shape.Rank - 1, what) is { } unknown)
            {
                return ShapeResult.Fail(unknown);
            }
        }

        if (spec.UseCausalMask && query.Rank != 2)
        {
            return ShapeResult.Fail(ShapeError.Rejected(query, ShapeIds.RankMismatch, "useCausalMask", "3", "(batch, time, features) for a causal mask", query.ToString()));
        }

        long heads = spec.NumHeads, keyDim = spec.KeyDim, valueDim = spec.ValueDim;
        long dq = query.Dims[query.Rank - 1].Size;
        long[] trailing = spec.OutputShape.Count > 0 ? spec.OutputShape.Select(d => (long)d).ToArray() : [dq];
        var weights = new List<WeightSpec>();
        void Projection(string name, long[] input, long[] output)
        {
            weights.Add(WeightSpec.Of(name + ".kernel", [.. input, .. output]));
            if (spec.UseBias)
            {
                weights.Add(WeightSpec.Of(name + ".bias", output));
            }
        }

        Projection("query", [dq], [heads, keyDim]);
        Projection("key", [key.Dims[key.Rank - 1].Size], [heads, keyDim]);
        Projection("value", [value.Dims[value.Rank - 1].Size], [heads, valueDim]);
        Projection("attention_output", [heads, valueDim], trailing);

        var output = query.Dims.Take(query.Rank - 1).Concat(trailing.Select(Dim.Known));
        return ShapeResult.Ok(Shape.Of(output.ToArray()), [.. weights]);
    }

    /// <summary>
    /// KerasHub's <c>PositionEmbedding(sequenceLength)</c> on <c>(batch, steps, features)</c>: the same shape,
    /// weight <c>embeddings (sequenceLength, features)</c>; features known (STK1004); a known length
    /// above <paramref name="sequenceLength"/> is STK1044 at <c>sequenceLength</c>.
    /// </summary>
    public static ShapeResult PositionEmbedding(Shape input, int sequenceLength)
    {
        if ((InputChecks.ExactRank(input, 2, "(batch, steps, features)") ?? InputChecks.Known(input, 1, "features")) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        if (input.Dims[0].IsKnown && input.Dims[0].Size > sequenceLength)
        {
            return ShapeResult.Fail(ShapeError.Rejected(input, ShapeIds.SequenceTooLong, "sequenceLength", Formatting.Number(sequenceLength), input.ToString()));
        }

        return ShapeResult.Ok(input, WeightSpec.Of("embeddings", sequenceLength, input.Dims[1].Size));
    }

    // Keras compares value_shape[1:-1] with key_shape[1:-1]; an unknown size is checked at run time.
    /// <summary>
    /// What both attention layers require of (query, value[, key]) (the key is the value when not given):
    /// two or three inputs, one rank of at least 2, value and key alike but for the last axis; the
    /// failure, or <see langword="null"/>.
    /// </summary>
    internal static ShapeResult? QueryValueKeyProblem(IReadOnlyList<Shape> inputs)
    {
        if (inputs.Count is < 2 or > 3)
        {
            return ShapeResult.Fail(ShapeError.Rejected(inputs.Count > 0 ? inputs[0] : Shape.Of(System.Array.Empty<long>()), ShapeIds.AttentionInputCount, null,
                Formatting.Number(inputs.Count), string.Join(" and ", inputs.Select(i => i.ToString()))));
        }

        Shape query = inputs[0], value = inputs[1], key = inputs.Count == 3 ? inputs[2] : inputs[1];
        if (query.Rank < 2 || value.Rank != query.Rank || key.Rank != query.Rank)
        {
            return ShapeResult.Fail(ShapeError.Rejected(query, ShapeIds.AttentionRanks, null, query.ToString(), value.ToString(), key.ToString()));
        }

        return Enumerable.Range(0, value.Rank - 1).Any(i => !Compatible(value.Dims[i], key.Dims[i]))
            ? ShapeResult.Fail(ShapeError.Rejected(value, ShapeIds.AttentionValueKey, null, value.ToString(), key.ToString()))
            : null;
    }

    /// <summary>Whether two sizes may be equal: equal, or one not known yet.</summary>
    internal static bool Compatible(Dim a, Dim b) => !a.IsKnown || !b.IsKnown || a.Size == b.Size;
}
