using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>MultiHeadAttention in functional graphs: a transformer block, a key, and its errors at the call or argument.</summary>
public sealed class AttentionGraphTests
{
    [Fact]
    public void TransformerBlockWithResidualsAndLayerNormalization()
    {
        var source = GraphSource.Model("Encoder")
            .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
            .Layer("readonly Embedding embed = new(50, 16);")
            .Layer("readonly MultiHeadAttention attention = new(numHeads: 2, keyDim: 8, dropout: 0.1);")
            .Layer("readonly Add residual = new();")
            .Layer("readonly LayerNormalization norm = new();")
            .Layer("readonly GlobalAveragePooling1D pool = new();")
            .Layer("readonly Dense classes = new(2, Activation.Softmax);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(10)] Tensor tokens)",
                "{",
                "    var x = embed.Call(tokens);",
                "    var a = attention.Call(x, x);",
                "    x = norm.Call(residual.Call(x, a));",
                "    return classes.Call(pool.Call(x));",
                "}");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        // Keras: 3 · (16 · 2 · 8 + 2 · 8) + 2 · 8 · 16 + 16 = 1,088.
        Assert.Contains("│ attention           │ (None, 10, 16)    │      1,088 │ embed[0][0],      │", run.SingleSource);
        Assert.Contains("attention.Build([10, 16], [10, 16]);", run.SingleSource);
        Assert.Contains("attention.Call(tracked[0], tracked[1], training: true)", run.SingleSource);
    }

    [Fact]
    public void CrossAttentionWithAKeyAndACausalMask()
    {
        var source = GraphSource.Model("Decoder")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly MultiHeadAttention self = new(2, 4, useCausalMask: true);")
            .Layer("readonly MultiHeadAttention cross = new(2, 4, valueDim: 3, outputShape: [6]);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(\"time\", 8)] Tensor target, [Input(5, 12)] Tensor memory, [Input(5, 4)] Tensor keys)",
                "{",
                "    var x = self.Call(target, target);",
                "    return cross.Call(x, memory, keys);",
                "}");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        Assert.Contains("cross.Build([-1, 8], [5, 12], [5, 4]);", run.SingleSource);
        Assert.Contains("var x2 = cross.Call(x1, x[1], x[2], training: false);", run.SingleSource);
    }

    [Fact]
    public void AttentionInASequentialModelHasOneInput() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("8, 16").Layer("readonly MultiHeadAttention mha = [|new(2, 8)|];"),
        "STK1041",
        "MultiHeadAttention 'mha' takes a query and a value, and optionally a key: call it as mha.Call(query, value) or mha.Call(query, value, key), found 1 input(s) (batch, 8, 16)");

    [Fact]
    public void ValueWithoutPositions() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly MultiHeadAttention mha = new(2, 8);")
            .Graph("[Graph]", "Tensor Call([Input(8, 16)] Tensor tokens, [Input(16)] Tensor context) => [|mha.Call(tokens, context)|];"),
        "STK1042",
        "MultiHeadAttention 'mha': query, value and key must have the same rank, at least 3 (batch included), found query (batch, 8, 16), value (batch, 16) and key (batch, 16)");

    [Fact]
    public void KeyWithOtherPositionsThanTheValue() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly MultiHeadAttention mha = new(2, 8);")
            .Graph("[Graph]", "Tensor Call([Input(3, 16)] Tensor q, [Input(6, 16)] Tensor v, [Input(5, 16)] Tensor k) => [|mha.Call(q, v, k)|];"),
        "STK1043",
        "MultiHeadAttention 'mha': all dimensions of value and key except the last must be equal, found value (batch, 6, 16) and key (batch, 5, 16)");

    [Fact]
    public void ZeroHeads() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly MultiHeadAttention mha = new([|0|], 8);")
            .Graph("[Graph]", "Tensor Call([Input(3, 16)] Tensor q) => mha.Call(q, q);"),
        "STK0010",
        "MultiHeadAttention 'mha': numHeads must be a positive int, found 0");

    [Fact]
    public void DropoutAboveOne() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly MultiHeadAttention mha = new(2, 8, [|dropout: 1.5|]);")
            .Graph("[Graph]", "Tensor Call([Input(3, 16)] Tensor q) => mha.Call(q, q);"),
        "STK0010",
        "MultiHeadAttention 'mha': dropout must be in [0, 1], found 1.5");

    // Keras accepts dropout=1.0 (its Dropout layer checks [0, 1]): the attention weights are all dropped in training.
    [Fact]
    public void DropoutOfOneIsAccepted() => GeneratorRunner.Run(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly MultiHeadAttention mha = new(2, 8, dropout: 1.0);")
            .Layer("readonly Attention attention = new(dropout: 1.0);")
            .Graph("[Graph]", "Tensor Call([Input(3, 16)] Tensor q) => attention.Call(mha.Call(q, q), q);").Build().Text).AssertClean();

    [Fact]
    public void MaskedTransformerPassesThePaddingMaskToAttentionAndPooling()
    {
        var source = GraphSource.Model("MaskedEncoder")
            .Compile("Optimizer.Adam, Loss.BinaryCrossentropy")
            .Layer("readonly Embedding tokens = new(20, 8, maskZero: true);")
            .Layer("readonly PositionEmbedding positions = new(12);")
            .Layer("readonly Add embed = new();")
            .Layer("readonly MultiHeadAttention attention = new(2, 4);")
            .Layer("readonly Add residual = new();")
            .Layer("readonly LayerNormalization norm = new();")
            .Layer("readonly GlobalAveragePooling1D pool = new();")
            .Layer("readonly Dense score = new(1, Activation.Sigmoid);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(\"time\")] Tensor ids)",
                "{",
                "    var x = tokens.Call(ids);",
                "    x = embed.Call(x, positions.Call(x));",
                "    x = norm.Call(residual.Call(x, attention.Call(x, x)));",
                "    return score.Call(pool.Call(x));",
                "}");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        Assert.Contains("var mask1 = tokens.ComputeMask(x[0]);", run.SingleSource);
        Assert.Contains("attention.Call(x3, x3, null, queryMask: mask1, valueMask: mask1, training: true)", run.SingleSource);
        Assert.Contains("pool.Call(x6, mask: mask1)", run.SingleSource);
        Assert.Contains("positions.Build(-1, 8);", run.SingleSource);
    }

    [Fact]
    public void SequenceLongerThanThePositionEmbedding() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("16, 32").Layer("readonly PositionEmbedding positions = new([|10|]);"),
        "STK1044",
        "PositionEmbedding 'positions': sequenceLength 10 is shorter than the input's steps, found (batch, 16, 32)");
}
