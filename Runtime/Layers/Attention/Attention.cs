using System;
using System.Linq;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;
using StaticKeras.Layers.Initializers;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>How <see cref="Attention"/> scores a query against a key (Keras' <c>score_mode</c>).</summary>
public enum AttentionScoreMode
{
    /// <summary>The dot product of query and key (Keras' "dot", the default).</summary>
    Dot,

    /// <summary>The sum over features of <c>tanh(query + key)</c>, times a learned scalar (Keras' "concat").</summary>
    Concat,
}

/// <summary>
/// Keras' <c>Attention</c> layer, Luong-style dot-product attention: scores of a query <c>(batch, Tq, dim)</c>
/// against a key <c>(batch, Tv, dim)</c> (the value when not given), a softmax over the value steps, and the
/// weighted sum of the value <c>(batch, Tv, dim_v)</c>. Output <c>(batch, Tq, dim_v)</c>.
/// </summary>
/// <remarks>
/// <para>Weights (scalars, ones): <c>scale</c> with <see cref="UseScale"/>, multiplying the scores (inside the
/// tanh for "concat"), and <c>concat_score_weight</c> with <see cref="AttentionScoreMode.Concat"/>; none by default.</para>
/// <para>Masks as Keras 3 applies them: a masked value step (<c>valueMask</c> false) has 1e9 subtracted from its
/// score before the softmax (so a row with every step masked gets softmax of the shifted scores, uniform in
/// float32, as Keras); with <see cref="UseCausalMask"/> query step i sees value steps up to i; a masked query step
/// (<c>queryMask</c> false) gets a zero output. Keras 3 ignores a key mask, and so does this layer. Dropout (in
/// training) drops attention weights.</para>
/// <para>Keras' call argument <c>use_causal_mask</c> is the constructor argument <see cref="UseCausalMask"/> here, as
/// for <see cref="MultiHeadAttention"/>: a model declaration's calls pass tensors only.</para>
/// </remarks>
public sealed partial class Attention : MultiInputLayer
{
    private readonly object _gate = new();   // a first call (lazy build) may come from several Predict threads
    private bool _built;
    private long[] _query = [], _value = [], _key = [];

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="useScale">Whether a learned scalar (initially 1) scales the scores; false by default.</param>
    /// <param name="scoreMode">How the scores are computed; <see cref="AttentionScoreMode.Dot"/> by default.</param>
    /// <param name="dropout">The fraction of attention weights dropped in training, in [0, 1] (1 zeroes them, as Keras); 0 by default.</param>
    /// <param name="useCausalMask">Whether query step i attends only to value steps up to i (Keras' <c>use_causal_mask</c>); false by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score mode outside the enum or a dropout outside [0, 1].</exception>
    public Attention(bool useScale = false, AttentionScoreMode scoreMode = AttentionScoreMode.Dot, double dropout = 0.0, bool useCausalMask = false)
        : base(nameof(Attention))
    {
        if (!Enum.IsDefined(scoreMode))
        {
            throw new ArgumentOutOfRangeException(nameof(scoreMode), scoreMode, "Attention: scoreMode must be Dot or Concat (Keras' {\"dot\", \"concat\"}).");
        }

        if (!(dropout >= 0 && dropout <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, $"Attention: dropout must be in [0, 1], found {dropout}.");
        }

        (UseScale, ScoreMode, Dropout, UseCausalMask) = (useScale, scoreMode, dropout, useCausalMask);
    }

    /// <summary>Whether a learned scalar scales the scores.</summary>
    public bool UseScale { get; }

    /// <summary>How the scores are computed.</summary>
    public AttentionScoreMode ScoreMode { get; }

    /// <summary>The fraction of attention weights dropped in training.</summary>
    public double Dropout { get; }

    /// <summary>Whether attention is causal.</summary>
    public bool UseCausalMask { get; }

    /// <summary>The learned score scale (a scalar), or null without <see cref="UseScale"/>.</summary>
    public Parameter? Scale => LayerWeights.Find(this, "scale");

    /// <summary>The learned factor of "concat" scores (a scalar), or null with <see cref="AttentionScoreMode.Dot"/>.</summary>
    public Parameter? ConcatScoreWeight => LayerWeights.Find(this, "concat_score_weight");

    /// <summary>
    /// Creates the weights for inputs of these shapes (batch excluded, -1 where unknown): query <c>(Tq, dim)</c>,
    /// value <c>(Tv, dim_v)</c>, key <c>(Tv, dim)</c> (the value's when null).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that do not fit (see the layer reference).</exception>
    public override void Build(long[] queryShape, long[] valueShape, long[]? keyShape = null)
    {
        ArgumentNullException.ThrowIfNull(queryShape);
        ArgumentNullException.ThrowIfNull(valueShape);
        keyShape ??= valueShape;
        LayerWeights.BuildOnce(this, _built, queryShape);
        Check(queryShape, valueShape, keyShape, nameof(queryShape));
        if (UseScale)
        {
            LayerWeights.Add(this, "scale", [], new Ones());
        }

        if (ScoreMode == AttentionScoreMode.Concat)
        {
            LayerWeights.Add(this, "concat_score_weight", [], new Ones());
        }

        (_query, _value, _key, _built) = (queryShape, valueShape, keyShape, true);
    }

    // The shape rule's checks: one rank of at least 3, value and key alike but for the last axis, query and key
    // features that the score mode can combine, and the axes before the steps alike (-1 fits anything).
    private void Check(long[] query, long[] value, long[] key, string parameter)
    {
        string Found() => $"found query {LayerChecks.Describe(query)}, value {LayerChecks.Describe(value)} and key {LayerChecks.Describe(key)}";
        if (query.Length < 2 || value.Length != query.Length || key.Length != query.Length)
        {
            throw new ArgumentException($"Attention: query, value and key must have the same rank, at least 3 (batch included), {Found()}.", parameter);
        }

        static bool Fits(long a, long b) => a < 0 || b < 0 || a == b;
        if (value.SkipLast(1).Zip(key.SkipLast(1)).Any(p => !Fits(p.First, p.Second)))
        {
            throw new ArgumentException($"Attention: all dimensions of value and key except the last must be equal, {Found()}.", parameter);
        }

        long dq = query[^1], dk = key[^1];
        bool features = ScoreMode == AttentionScoreMode.Dot ? Fits(dq, dk) : Fits(dq, dk) || dq == 1 || dk == 1;
        if (!features || query.SkipLast(2).Zip(key.SkipLast(2)).Any(p => !Fits(p.First, p.Second) && p.First != 1 && p.Second != 1))
        {
            throw new ArgumentException(
                $"Attention: the query's and the key's features must be equal ({(ScoreMode == AttentionScoreMode.Dot ? "dot" : "concat, or 1")}) and their axes before the steps " +
                $"equal or 1, {Found()}.", parameter);
        }
    }

    /// <summary>Attention of <paramref name="query"/> over <paramref name="value"/> (also the key), as Keras' <c>layer([query, value], training=...)</c>.</summary>
    public override Tensor Call(Tensor query, Tensor value, bool training = false) => Call(query, value, null, null, null, null, training);

    /// <summary>Attention of <paramref name="query"/> over <paramref name="value"/> with keys <paramref name="key"/>, as Keras' <c>layer([query, value, key], training=...)</c>.</summary>
    public override Tensor Call(Tensor query, Tensor value, Tensor key, bool training) => Call(query, value, key, null, null, null, training);

    /// <summary>Attention with Keras' masks, as <c>layer([query, value, key], mask=[query_mask, value_mask], training=...)</c>.</summary>
    /// <param name="query">The queries, <c>(batch, Tq, dim)</c>.</param>
    /// <param name="value">The values, <c>(batch, Tv, dim_v)</c>.</param>
    /// <param name="key">The keys, <c>(batch, Tv, dim)</c>; the values when null.</param>
    /// <param name="queryMask">Which query steps are real, <c>(batch, Tq)</c>; the others' outputs are zero. Null for all.</param>
    /// <param name="valueMask">Which value steps may be attended to, <c>(batch, Tv)</c>; null for all.</param>
    /// <param name="keyMask">Ignored, as Keras 3 ignores a third mask (the value mask covers the keys' steps).</param>
    /// <param name="training">Whether to apply dropout to the attention weights.</param>
    /// <returns>The attention output, <c>(batch, Tq, dim_v)</c>.</returns>
    public Tensor Call(Tensor query, Tensor value, Tensor? key, Tensor? queryMask = null, Tensor? valueMask = null, Tensor? keyMask = null, bool training = false)
    {
        var (output, weights) = Attend(query, value, key, queryMask, valueMask, training);
        weights.Dispose();
        return output;
    }

    /// <summary>
    /// As <see cref="Call(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?, bool)"/>, also returning the attention weights
    /// <c>(batch, Tq, Tv)</c> after masking and softmax (before dropout), Keras' <c>return_attention_scores=True</c>.
    /// </summary>
    public (Tensor Output, Tensor Scores) CallWithScores(
        Tensor query, Tensor value, Tensor? key = null, Tensor? queryMask = null, Tensor? valueMask = null, bool training = false) =>
        Attend(query, value, key, queryMask, valueMask, training);

    private (Tensor Output, Tensor Weights) Attend(Tensor query, Tensor value, Tensor? keyInput, Tensor? queryMask, Tensor? valueMask, bool training)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(value);
        var key = keyInput ?? value;
        lock (_gate)
        {
            // Built by its first call (a model builds only layers with weights): the steps stay unknown, so later
            // batches of other lengths fit, as a model's symbolic time axis allows.
            static long[] Steps(Tensor t) => [.. LayerChecks.WithoutBatch(t)[..^1].Select(_ => -1L), t.shape[^1]];
            if (!_built)
            {
                Build(Steps(query), Steps(value), keyInput is null ? null : Steps(keyInput));
            }
        }

        CheckBuilt(query, _query, "query");
        CheckBuilt(value, _value, "value");
        CheckBuilt(key, _key, "key");
        Check(LayerChecks.WithoutBatch(query), LayerChecks.WithoutBatch(value), LayerChecks.WithoutBatch(key), nameof(query));

        var scores = Scores(query, key);                              // (batch, Tq, Tv)
        var scoresMask = ScoresMask(scores, value, valueMask);        // (batch or 1, 1 or Tq, Tv), or null
        if (scoresMask is not null)
        {
            // Keras' _apply_scores: 1e9 subtracted from the masked scores (65504 in float16).
            double big = scores.dtype == ScalarType.Float16 ? 65504.0 : 1.0e9;
            scores = where(scoresMask, scores, scores - big);
        }

        var weights = scores.softmax(-1);
        var dropped = training && Dropout > 0 ? nn.functional.dropout(weights, Dropout, training: true) : weights;
        var output = dropped.matmul(value);
        if (queryMask is not null)
        {
            output = where(Boolean(queryMask, query, "queryMask").unsqueeze(-1), output, zeros_like(output));
        }

        return (output, weights);
    }

    // Keras' _calculate_scores.
    private Tensor Scores(Tensor query, Tensor key)
    {
        if (ScoreMode == AttentionScoreMode.Dot)
        {
            var dot = query.matmul(key.transpose(-2, -1));
            return Scale is { } scale ? dot * scale : dot;
        }

        var sum = query.unsqueeze(-2) + key.unsqueeze(-3);           // (batch, Tq, Tv, dim)
        if (Scale is { } s)
        {
            sum = s * sum;
        }

        return ConcatScoreWeight! * sum.tanh().sum(-1);
    }

    // Keras' _calculate_score_mask: the value mask (batch, 1, Tv), AND the causal mask (1, Tq, Tv) when asked.
    private Tensor? ScoresMask(Tensor scores, Tensor value, Tensor? valueMask)
    {
        var mask = valueMask is null ? null : Boolean(valueMask, value, "valueMask").unsqueeze(-2);
        if (!UseCausalMask)
        {
            return mask;
        }

        var causal = ones(scores.shape[^2], scores.shape[^1], dtype: ScalarType.Bool, device: scores.device).tril().unsqueeze(0);
        return mask is null ? causal : mask.logical_and(causal);
    }

    private static Tensor Boolean(Tensor mask, Tensor input, string what)
    {
        var expected = input.shape[..^1];
        if (!mask.shape.SequenceEqual(expected))
        {
            throw new ArgumentException($"Attention: {what} must have shape ({string.Join(", ", expected)}), found {LayerChecks.Describe(mask)}.", what);
        }

        return mask.dtype == ScalarType.Bool ? mask : mask.ne(0);
    }

    private static void CheckBuilt(Tensor input, long[] built, string what)
    {
        if (input.dim() != built.Length + 1 || built.Where((d, i) => d >= 0 && input.shape[i + 1] != d).Any())
        {
            throw new ArgumentException($"Attention was built for a {what} of shape {LayerChecks.Describe(built)}, found {LayerChecks.Describe(input)}.", what);
        }
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["use_scale"] = UseScale;
        config["score_mode"] = ScoreMode == AttentionScoreMode.Dot ? "dot" : "concat";
        config["dropout"] = Dropout;
        config["seed"] = null;
        return true;
    }
}
