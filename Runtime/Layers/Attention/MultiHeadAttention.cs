using System;
using System.Text.Json.Nodes;
using StaticKeras.Saving.Keras;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>MultiHeadAttention</c>: scaled dot-product attention of a <c>query</c> over a
/// <c>value</c> (and <c>key</c>, the value by default) in <see cref="NumHeads"/> heads, as in
/// "Attention Is All You Need". Inputs <c>(batch, T, dim_q)</c>, <c>(batch, S, dim_v)</c> and
/// <c>(batch, S, dim_k)</c>; output <c>(batch, T, dim_q)</c>, or <c>(batch, T, output_shape...)</c>.
/// Inputs of higher rank attend over all their axes between batch and features together (Keras'
/// default <c>attention_axes</c>).
/// </summary>
/// <remarks>
/// <para>Weights, with Keras' shapes and names: <c>query.kernel</c> <c>(dim_q, heads, key_dim)</c>,
/// <c>key.kernel</c> <c>(dim_k, heads, key_dim)</c>, <c>value.kernel</c> <c>(dim_v, heads, value_dim)</c>,
/// <c>attention_output.kernel</c> <c>(heads, value_dim, output...)</c>, each glorot_uniform, and a zero
/// bias of each kernel's trailing shape (with <c>useBias</c>).</para>
/// <para>Masks (true or 1 where a position counts): the query's <c>(batch, T)</c>, the value's and the
/// key's <c>(batch, S)</c>, an explicit <c>(batch, T, S)</c> attention mask, and the causal mask, all
/// combined with AND as Keras' <c>_compute_attention_mask</c>. Masked scores get no weight; a query
/// position that may attend to nothing gets zero weights everywhere (Keras' masked softmax; Keras'
/// fused kernel used without dropout gives such rows uniform weights instead; either way the row is padding).</para>
/// <para>Keras' call argument <c>use_causal_mask</c> is the constructor argument <see cref="UseCausalMask"/>
/// here: a model declaration's calls pass tensors only, so a per-call constant lives with the layer.</para>
/// </remarks>
public sealed partial class MultiHeadAttention : MultiInputLayer
{
    private readonly long[] outputShape;
    private EinsumProjection? query;
    private EinsumProjection? key;
    private EinsumProjection? value;
    private EinsumProjection? output;
    private long[] builtQuery = [];
    private long[] builtValue = [];
    private long[] builtKey = [];

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="numHeads">The number of attention heads; positive.</param>
    /// <param name="keyDim">The size of each head for query and key; positive.</param>
    /// <param name="valueDim">The size of each head for value; null (default) for <paramref name="keyDim"/>.</param>
    /// <param name="dropout">The dropout rate on the attention weights in training, in [0, 1] (1 zeroes them, as Keras); 0 by default.</param>
    /// <param name="useBias">Whether the projections have biases; true by default.</param>
    /// <param name="outputShape">The output's trailing shape; null (default) for the query's last dimension.</param>
    /// <param name="useCausalMask">Whether each query position attends only to value positions up to its own (Keras' <c>use_causal_mask</c> call argument); false by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public MultiHeadAttention(
        int numHeads, int keyDim, int? valueDim = null, double dropout = 0.0, bool useBias = true, int[]? outputShape = null, bool useCausalMask = false)
        : base(nameof(MultiHeadAttention))
    {
        LayerChecks.Positive(nameof(MultiHeadAttention), nameof(numHeads), numHeads);
        LayerChecks.Positive(nameof(MultiHeadAttention), nameof(keyDim), keyDim);
        if (valueDim is { } v)
        {
            LayerChecks.Positive(nameof(MultiHeadAttention), nameof(valueDim), v);
        }

        if (dropout is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, $"MultiHeadAttention: dropout must be in [0, 1], found {dropout}.");
        }

        if (outputShape is not null && (outputShape.Length == 0 || outputShape.Any(d => d < 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(outputShape), $"MultiHeadAttention: outputShape must list positive sizes, found [{string.Join(", ", outputShape)}].");
        }

        (NumHeads, KeyDim, ValueDim, Dropout, UseBias, UseCausalMask) = (numHeads, keyDim, valueDim ?? keyDim, dropout, useBias, useCausalMask);
        this.outputShape = outputShape is null ? [] : outputShape.Select(d => (long)d).ToArray();
    }

    /// <summary>The number of heads.</summary>
    public int NumHeads { get; }

    /// <summary>The size of each query and key head.</summary>
    public int KeyDim { get; }

    /// <summary>The size of each value head.</summary>
    public int ValueDim { get; }

    /// <summary>The dropout rate on the attention weights.</summary>
    public double Dropout { get; }

    /// <summary>Whether the projections have biases.</summary>
    public bool UseBias { get; }

    /// <summary>Whether attention is causal.</summary>
    public bool UseCausalMask { get; }

    /// <summary>The output's trailing shape as given; empty when it is the query's last dimension.</summary>
    public long[] OutputShape => (long[])outputShape.Clone();

    /// <summary>
    /// Creates the four projections for inputs of these shapes (batch excluded): query
    /// <c>(T..., dim_q)</c>, value <c>(S..., dim_v)</c> and key <c>(S..., dim_k)</c> (the value's shape when null).
    /// </summary>
    /// <exception cref="ArgumentException">Ranks below 2, different ranks, an unknown feature size, or value and key differing before their last axis.</exception>
    /// <exception cref="InvalidOperationException">The layer is already built.</exception>
    public override void Build(long[] queryShape, long[] valueShape, long[]? keyShape = null)
    {
        ArgumentNullException.ThrowIfNull(queryShape);
        ArgumentNullException.ThrowIfNull(valueShape);
        keyShape ??= valueShape;
        LayerWeights.BuildOnce(this, query is not null, queryShape);
        foreach (var (shape, what) in new[] { (queryShape, "query"), (valueShape, "value"), (keyShape, "key") })
        {
            LayerChecks.Dimensions(nameof(MultiHeadAttention), shape);
            if (shape.Length < 2 || shape.Length != queryShape.Length)
            {
                throw new ArgumentException(
                    $"MultiHeadAttention: query, value and key must have one rank of at least 3 (batch included), found query {LayerChecks.Describe(queryShape)}, " +
                    $"value {LayerChecks.Describe(valueShape)} and key {LayerChecks.Describe(keyShape)}.", nameof(queryShape));
            }

            LayerChecks.Known(nameof(MultiHeadAttention), shape, shape.Length - 1, $"{what} feature (last)");
        }

        if (!valueShape[..^1].SequenceEqual(keyShape[..^1]))
        {
            throw new ArgumentException(
                $"MultiHeadAttention: all dimensions of value and key except the last must be equal, found value {LayerChecks.Describe(valueShape)} " +
                $"and key {LayerChecks.Describe(keyShape)}.", nameof(keyShape));
        }

        long heads = NumHeads;
        query = new EinsumProjection("query", [queryShape[^1]], [heads, KeyDim], UseBias);
        key = new EinsumProjection("key", [keyShape[^1]], [heads, KeyDim], UseBias);
        value = new EinsumProjection("value", [valueShape[^1]], [heads, ValueDim], UseBias);
        output = new EinsumProjection("attention_output", [heads, ValueDim], outputShape.Length > 0 ? outputShape : [queryShape[^1]], UseBias);
        register_module("query", query);
        register_module("key", key);
        register_module("value", value);
        register_module("attention_output", output);
        (builtQuery, builtValue, builtKey) = (queryShape, valueShape, keyShape);
    }

    /// <summary>Self-attention or attention of <paramref name="query"/> over <paramref name="value"/>, as Keras' <c>layer(query, value, training=...)</c>.</summary>
    public override Tensor Call(Tensor query, Tensor value, bool training = false) => Output(query, value, null, null, null, null, null, training);

    /// <summary>
    /// Attention of <paramref name="query"/> over <paramref name="value"/> with the keys <paramref name="key"/>, as Keras'
    /// <c>layer(query, value, key, training=...)</c>; the form generated training and test steps call.
    /// </summary>
    public override Tensor Call(Tensor query, Tensor value, Tensor key, bool training) => Output(query, value, key, null, null, null, null, training);

    /// <summary>
    /// Attention of <paramref name="query"/> over <paramref name="value"/> with the keys <paramref name="key"/> and masks, as Keras'
    /// <c>layer(query, value, key, ..., training=...)</c> with the inputs' Keras masks and <c>attention_mask</c>.
    /// </summary>
    /// <param name="query">The queries, <c>(batch, T..., dim_q)</c>.</param>
    /// <param name="value">The values, <c>(batch, S..., dim_v)</c>.</param>
    /// <param name="key">The keys, <c>(batch, S..., dim_k)</c>; the values when null.</param>
    /// <param name="queryMask">Which query positions are real, <c>(batch, T...)</c>; null for all.</param>
    /// <param name="valueMask">Which value positions are real, <c>(batch, S...)</c>; null for all.</param>
    /// <param name="keyMask">Which key positions are real, <c>(batch, S...)</c>; null for all.</param>
    /// <param name="attentionMask">Which query position may attend to which value position, <c>(batch, T, S)</c>; null for all.</param>
    /// <param name="training">Whether to apply dropout to the attention weights.</param>
    /// <returns>The attention output, <c>(batch, T..., dim_q or output_shape...)</c>.</returns>
    public Tensor Call(
        Tensor query, Tensor value, Tensor? key, Tensor? queryMask = null, Tensor? valueMask = null, Tensor? keyMask = null, Tensor? attentionMask = null, bool training = false) =>
        Output(query, value, key, queryMask, valueMask, keyMask, attentionMask, training);

    private Tensor Output(
        Tensor query, Tensor value, Tensor? key, Tensor? queryMask, Tensor? valueMask, Tensor? keyMask, Tensor? attentionMask, bool training)
    {
        var scores = Attend(query, value, key, queryMask, valueMask, keyMask, attentionMask, training, out var result);
        scores.Dispose();
        return result;
    }

    /// <summary>
    /// As <see cref="Call(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?, Tensor?, bool)"/>, also returning the attention
    /// weights <c>(batch, heads, T, S)</c> (before dropout), Keras' <c>return_attention_scores=True</c>.
    /// </summary>
    public (Tensor Output, Tensor Scores) CallWithScores(
        Tensor query, Tensor value, Tensor? key = null, Tensor? queryMask = null, Tensor? valueMask = null, Tensor? keyMask = null, Tensor? attentionMask = null, bool training = false)
    {
        var scores = Attend(query, value, key, queryMask, valueMask, keyMask, attentionMask, training, out var result);
        return (result, scores);
    }

    private Tensor Attend(
        Tensor queryInput, Tensor valueInput, Tensor? keyInput, Tensor? queryMask, Tensor? valueMask, Tensor? keyMask, Tensor? attentionMask, bool isTraining, out Tensor result)
    {
        ArgumentNullException.ThrowIfNull(queryInput);
        ArgumentNullException.ThrowIfNull(valueInput);
        if (query is null)
        {
            Build(LayerChecks.WithoutBatch(queryInput), LayerChecks.WithoutBatch(valueInput), keyInput is null ? null : LayerChecks.WithoutBatch(keyInput));
        }

        var keyTensor = keyInput ?? valueInput;
        CheckInput(queryInput, builtQuery, "query");
        CheckInput(valueInput, builtValue, "value");
        CheckInput(keyTensor, builtKey, "key");
        if (!valueInput.shape[..^1].SequenceEqual(keyTensor.shape[..^1]))
        {
            throw new ArgumentException(
                $"MultiHeadAttention: value and key must agree on every axis but the last, found value {LayerChecks.Describe(valueInput)} and key {LayerChecks.Describe(keyTensor)}.",
                nameof(keyInput));
        }

        long batch = queryInput.shape[0];
        long t = queryInput.shape[1..^1].Aggregate(1L, (a, b) => a * b);
        long s = valueInput.shape[1..^1].Aggregate(1L, (a, b) => a * b);

        // Projections to (batch, heads, positions, size); the query scaled by 1/sqrt(key_dim) first, as Keras.
        var q = Heads(query!.Apply(queryInput), batch, t, KeyDim) * (1.0 / Math.Sqrt(KeyDim));
        var k = Heads(key!.Apply(keyTensor), batch, s, KeyDim);
        var v = Heads(value!.Apply(valueInput), batch, s, ValueDim);
        var logits = q.matmul(k.transpose(-1, -2));   // (batch, heads, T, S)

        var mask = CombinedMask(queryInput, valueInput, queryMask, valueMask, keyInput is null ? null : keyMask, attentionMask, batch, t, s);
        var weights = mask is null ? logits.softmax(-1) : MaskedSoftmax(logits, mask.unsqueeze(1));
        var dropped = isTraining && Dropout > 0 ? nn.functional.dropout(weights, Dropout, training: true) : weights;

        // (batch, heads, T, value_dim) -> (batch, T, heads · value_dim) -> the output projection.
        var attended = dropped.matmul(v).permute(0, 2, 1, 3).reshape(batch, t, NumHeads * (long)ValueDim);
        long[] trailing = outputShape.Length > 0 ? outputShape : [builtQuery[^1]];
        result = output!.Apply(attended).reshape([batch, .. queryInput.shape[1..^1], .. trailing]);
        return weights;
    }

    // (batch, positions, heads · size) -> (batch, heads, positions, size)
    private Tensor Heads(Tensor projected, long batch, long positions, long size) =>
        projected.reshape(batch, positions, NumHeads, size).permute(0, 2, 1, 3);

    // Keras' _compute_attention_mask: query (B, T, 1) & value (B, 1, S) & key (B, 1, S) & causal (1, T, S) & explicit (B, T, S).
    private Tensor? CombinedMask(
        Tensor queryInput, Tensor valueInput, Tensor? queryMask, Tensor? valueMask, Tensor? keyMask, Tensor? attentionMask, long batch, long t, long s)
    {
        Tensor? combined = null;
        void And(Tensor m) => combined = combined is null ? m : combined.logical_and(m);
        if (queryMask is not null)
        {
            And(Boolean(queryMask, queryInput.shape[..^1], "queryMask").reshape(batch, t, 1));
        }

        if (valueMask is not null)
        {
            And(Boolean(valueMask, valueInput.shape[..^1], "valueMask").reshape(batch, 1, s));
        }

        if (keyMask is not null)
        {
            And(Boolean(keyMask, valueInput.shape[..^1], "keyMask").reshape(batch, 1, s));
        }

        if (UseCausalMask)
        {
            if (queryInput.dim() != 3)
            {
                throw new ArgumentException(
                    $"MultiHeadAttention: a causal mask needs inputs of rank 3 (batch, time, features), found query {LayerChecks.Describe(queryInput)}.", nameof(queryInput));
            }

            And(ones(t, s, dtype: ScalarType.Bool, device: queryInput.device).tril().unsqueeze(0));
        }

        if (attentionMask is not null)
        {
            if (attentionMask.dim() < 2 || attentionMask.shape[^2..].Aggregate(1L, (a, b) => a * b) != t * s && attentionMask.numel() % (t * s) != 0)
            {
                throw new ArgumentException(
                    $"MultiHeadAttention: attentionMask must have shape (batch, T, S) = ({batch}, {t}, {s}), found {LayerChecks.Describe(attentionMask)}.", nameof(attentionMask));
            }

            And((attentionMask.dtype == ScalarType.Bool ? attentionMask : attentionMask.ne(0)).reshape(-1, t, s));
        }

        return combined;
    }

    private static Tensor Boolean(Tensor mask, long[] expected, string what)
    {
        if (!mask.shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"MultiHeadAttention: {what} must have shape ({string.Join(", ", expected)}), found {LayerChecks.Describe(mask)}.", what);
        }

        return mask.dtype == ScalarType.Bool ? mask : mask.ne(0);
    }

    // Keras' Softmax(mask): masked logits set to a large negative number, then masked weights zeroed
    // (a row masked entirely gives zeros rather than a uniform distribution).
    private static Tensor MaskedSoftmax(Tensor logits, Tensor mask)
    {
        var filled = logits.masked_fill(mask.logical_not(), Softmax.LargeNegative(logits.dtype));
        return filled.softmax(-1).masked_fill(mask.logical_not(), 0.0);
    }

    private static void CheckInput(Tensor input, long[] built, string what)
    {
        if (input.dim() != built.Length + 1 || built.Where((d, i) => d >= 0 && input.shape[i + 1] != d).Any())
        {
            throw new ArgumentException(
                $"MultiHeadAttention was built for a {what} of shape {LayerChecks.Describe(built)}, found {LayerChecks.Describe(input)}.", what);
        }
    }

    /// <summary>
    /// Keras' <c>get_config()</c> entries: num_heads, key_dim, value_dim, dropout, use_bias,
    /// output_shape and attention_axes (null: every axis between batch and features, as here).
    /// <c>useCausalMask</c> is a call argument in Keras, written in the call's <c>kwargs</c>.
    /// </summary>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["num_heads"] = NumHeads;
        config["key_dim"] = KeyDim;
        config["value_dim"] = ValueDim;
        config["dropout"] = Dropout;
        config["use_bias"] = UseBias;
        config["output_shape"] = outputShape.Length == 0 ? null : KerasValues.List(outputShape);
        config["attention_axes"] = null;
        return true;
    }
}
