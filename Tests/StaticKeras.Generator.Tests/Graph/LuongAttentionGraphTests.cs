using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Graph;

/// <summary>Keras' Luong Attention in functional graphs: a masked decoder-encoder model, and its errors at the call or argument.</summary>
public sealed class LuongAttentionGraphTests
{
    [Fact]
    public void MaskedCrossAttentionWithAKeyAndScale()
    {
        var source = GraphSource.Model("Translator")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Embedding source = new(30, 8, maskZero: true);")
            .Layer("readonly Embedding target = new(30, 8, maskZero: true);")
            .Layer("readonly Dense keys = new(8);")
            .Layer("readonly Attention attention = new(useScale: true, scoreMode: AttentionScoreMode.Concat, dropout: 0.1, useCausalMask: false);")
            .Layer("readonly Attention self = new(useCausalMask: true);")
            .Layer("readonly Dense output = new(1);")
            .Graph(
                "[Graph]",
                "Tensor Call([Input(\"time\")] Tensor sourceIds, [Input(\"steps\")] Tensor targetIds)",
                "{",
                "    var memory = source.Call(sourceIds);",
                "    var query = self.Call(target.Call(targetIds), target.Call(targetIds));",
                "    var context = attention.Call(query, memory, keys.Call(memory));",
                "    return output.Call(context);",
                "}");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();
        run.VerifySources();

        // Keras: scale and concat_score_weight, one scalar each.
        Assert.Contains("attention.Build([-1, 8], [-1, 8], [-1, 8]);", run.SingleSource);
        Assert.DoesNotContain("self.Build(", run.SingleSource);
        Assert.Contains("queryMask: mask2, valueMask: mask1, keyMask: mask1, training: true)", run.SingleSource);
    }

    [Fact]
    public void QueryAndKeyOfDifferentSizes() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Attention attention = new();")
            .Graph("[Graph]", "Tensor Call([Input(8, 16)] Tensor decoder, [Input(10, 32)] Tensor encoder) => [|attention.Call(decoder, encoder)|];"),
        "STK1051",
        "Attention 'attention': query (batch, 8, 16) and key (batch, 10, 32) cannot be scored with score mode dot: their feature sizes (last axes) must be equal");

    [Fact]
    public void ConcatScoresPointAtTheScoreMode() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Attention attention = new([|scoreMode: AttentionScoreMode.Concat|]);")
            .Graph("[Graph]", "Tensor Call([Input(8, 16)] Tensor decoder, [Input(10, 32)] Tensor encoder) => attention.Call(decoder, encoder);"),
        "STK1051",
        "Attention 'attention': query (batch, 8, 16) and key (batch, 10, 32) cannot be scored with score mode concat: their feature sizes (last axes) must be equal or 1");

    [Fact]
    public void AttentionInASequentialModelHasOneInput() => DiagnosticCheck.Single(
        ModelSource.Sequential().Input("8, 16").Layer("readonly Attention attention = [|new()|];"),
        "STK1041",
        "Attention 'attention' takes a query and a value, and optionally a key: call it as attention.Call(query, value) or attention.Call(query, value, key), found 1 input(s) (batch, 8, 16)");

    [Fact]
    public void ValueWithoutSteps() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Attention attention = new();")
            .Graph("[Graph]", "Tensor Call([Input(8, 16)] Tensor tokens, [Input(16)] Tensor context) => [|attention.Call(tokens, context)|];"),
        "STK1042",
        "Attention 'attention': query, value and key must have the same rank, at least 3 (batch included), found query (batch, 8, 16), value (batch, 16) and key (batch, 16)");

    [Fact]
    public void DropoutBelowZero() => DiagnosticCheck.Single(
        GraphSource.Model()
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Attention attention = new([|dropout: -0.5|]);")
            .Graph("[Graph]", "Tensor Call([Input(3, 16)] Tensor q) => attention.Call(q, q);"),
        "STK0010",
        "Attention 'attention': dropout must be in [0, 1], found -0.5");

    [Fact]
    public void AnAttentionModelMarkedForOnnxExportIsClean() =>
        GeneratorRunner.Run(GraphSource.Model()
            .Attribute("ExportOnnx")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Attention attention = new();")
            .Graph("[Graph]", "Tensor Call([Input(3, 16)] Tensor q) => attention.Call(q, q);").Build().Text).AssertClean();
}
