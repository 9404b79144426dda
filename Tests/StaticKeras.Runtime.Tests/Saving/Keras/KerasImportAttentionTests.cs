using System.IO;
using System.Text.Json.Nodes;
using StaticKeras.Runtime.Tests.Saving.Keras.Imported;
using StaticKeras.Saving;
using StaticKeras.Tools.KerasImport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// KerasImport of MultiHeadAttention and Attention: their configs, Keras' call argument use_causal_mask as the
/// constructor's useCausalMask, and the query, value and key given by name in Keras passed in order.
/// ImportedAttention is checked in under Imported/ (so it compiles) and loads the Keras-made file with Keras' predictions.
/// </summary>
public class KerasImportAttentionTests
{
    [Theory]
    [InlineData("keras")]
    [InlineData("weights.h5")]
    public void TheKerasMadeFileLoadsIntoItsImportedDeclaration(string format)
    {
        using var scope = NewDisposeScope();
        using var model = new ImportedAttention();
        using var file = SafeTensorsFile.Open(KerasFiles.Path("import_attention.io.safetensors"));

        model.LoadWeights(KerasFiles.Path($"import_attention.{format}"));

        var output = model.Predict(new ImportedAttention.Inputs(file.ReadTensor("input_x"), file.ReadTensor("input_m")));
        Assert.InRange(KerasFiles.MaxRelative(output, file.ReadTensor("output")), 0, 1e-5);
    }

    [Fact]
    public void WhatStaticKerasSavesImportsWithTheSameArguments()
    {
        // StaticKeras writes Keras' default layer names, the key as a third argument and use_causal_mask in the call's kwargs.
        using var dir = new TempDirectory();
        using var model = new ImportedAttention();
        var path = dir.File("again.keras");
        model.SaveKeras(path);

        var result = KerasFileImport.Import(path, "Again", "Samples");

        Assert.Empty(result.Problems);
        Assert.Contains("    readonly MultiHeadAttention multi_head_attention = new(2, 3);\n", result.Code);
        Assert.Contains("    readonly MultiHeadAttention multi_head_attention_1 = new(2, 3, valueDim: 5, useBias: false, outputShape: [7], useCausalMask: true);\n", result.Code);
        Assert.Contains("    readonly Attention attention = new(useScale: true, scoreMode: AttentionScoreMode.Concat);\n", result.Code);
        Assert.Contains("        var multi_head_attention_1_out = multi_head_attention_1.Call(add_out, m, dense_out);\n", result.Code);
    }

    [Fact]
    public void ACausalLuongAttentionKeepsItsCausalMaskInTheSavedFile()
    {
        // Keras takes use_causal_mask as a call argument of Attention too: a .keras file without it would attend to later steps.
        using var dir = new TempDirectory();
        using var model = new CausalLuong();
        var path = dir.File("causal.keras");
        model.SaveKeras(path);

        var result = KerasFileImport.Import(path, "Again", "Samples");

        Assert.Empty(result.Problems);
        Assert.Contains("    readonly Attention attention = new(useCausalMask: true);\n", result.Code);
        using var reloaded = new CausalLuong();
        reloaded.LoadWeights(path);
    }

    [Theory]
    [InlineData("\"use_gate\": true", "{}", "use_gate=True (StaticKeras' MultiHeadAttention has no gate)")]
    [InlineData("\"sliding_window\": 4", "{}", "sliding_window 4 (StaticKeras attends over every step)")]
    [InlineData("\"attention_axes\": [2]", "{}", "attention_axes [2] (StaticKeras attends over every axis between batch and features, Keras' default)")]
    [InlineData("\"dropout\": 0.0", """{"return_attention_scores": true}""",
        "the call argument return_attention_scores=true (a graph's calls pass the inputs, and masks as the layers make them)")]
    [InlineData("\"dropout\": 0.0", """{"attention_mask": {"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}}""",
        "the call argument attention_mask='x' (a graph's calls pass the inputs, and masks as the layers make them)")]
    [InlineData("\"dropout\": 0.0", """{"key": {"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}, "value": {"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}}""",
        "a call with its key and value given by name (Keras then lists the layers before it key first, an order StaticKeras does not make, so the file would not load)")]
    public void AMultiHeadAttentionWithoutAnEquivalentIsListed(string setting, string kwargs, string problem)
    {
        var result = Import($$$"""
            {"class_name": "MultiHeadAttention", "name": "mha", "config": {"name": "mha", "num_heads": 2, "key_dim": 3, {{{setting}}}},
             "build_config": {"shapes_dict": {"query_shape": [null, 5, 8], "value_shape": [null, 5, 8]}},
             "inbound_nodes": [{"args": [{{{X}}}, {{{X}}}], "kwargs": {{{kwargs}}}}]}
            """);

        Assert.Equal([$"layer 'mha' (MultiHeadAttention): {problem}"], result.Problems);
    }

    [Fact]
    public void TheDefaultAttentionAxesAreLeftOutAndCallsThatDifferInTheirCausalMaskAreListed()
    {
        var axes = Import($$$"""
            {"class_name": "MultiHeadAttention", "name": "mha", "config": {"name": "mha", "num_heads": 2, "key_dim": 3, "value_dim": 3, "attention_axes": [1]},
             "build_config": {"shapes_dict": {"query_shape": [null, 5, 8], "value_shape": [null, 5, 8]}},
             "inbound_nodes": [{"args": [{{{X}}}, {{{X}}}], "kwargs": {"use_causal_mask": false}}]}
            """);
        var twice = Import($$$"""
            {"class_name": "Attention", "name": "att", "config": {"name": "att", "use_scale": false, "score_mode": "dot", "dropout": 0.0},
             "inbound_nodes": [{"args": [[{{{X}}}, {{{X}}}]], "kwargs": {"use_causal_mask": true}}, {"args": [[{{{X}}}, {{{X}}}]], "kwargs": {}}]}
            """);

        Assert.Empty(axes.Problems);
        Assert.Contains("    readonly MultiHeadAttention mha = new(2, 3);\n", axes.Code);
        Assert.Equal(["layer 'att' (Attention): calls with and without use_causal_mask (StaticKeras takes it once, as the constructor argument useCausalMask)"], twice.Problems);
    }

    [Fact]
    public void AttentionInASequentialModelIsListed()
    {
        var config = JsonNode.Parse("""
            {"class_name": "Sequential", "config": {"name": "seq", "layers": [
                {"class_name": "InputLayer", "config": {"name": "x", "batch_shape": [null, 5, 8]}},
                {"class_name": "MultiHeadAttention", "config": {"name": "mha", "num_heads": 2, "key_dim": 3}}]}}
            """)!;

        var result = DeclarationWriter.Write(config, "Seq", "Samples", "seq.keras");

        Assert.Equal(["layer 'mha' (MultiHeadAttention): attention in a Sequential model (it takes a query and a value: StaticKeras calls it in a functional model)"], result.Problems);
    }

    private const string X = """{"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}""";

    // A functional model of x (5, 8) and the one layer, its output.
    private static ImportResult Import(string layer) =>
        DeclarationWriter.Write(JsonNode.Parse($$$"""
            {"class_name": "Functional", "config": {"name": "f", "input_layers": [["x", 0, 0]], "output_layers": [["out", 0, 0]], "layers": [
                {"class_name": "InputLayer", "name": "x", "config": {"name": "x", "batch_shape": [null, 5, 8]}, "inbound_nodes": []},
                {{{layer}}}]}}
            """)!, "Attending", "Samples", "attending.keras");
}

[Model]
public partial class CausalLuong
{
    readonly StaticKeras.Layers.Attention attention = new(useCausalMask: true);
    readonly StaticKeras.Layers.GlobalAveragePooling1D pool = new();

    [Graph]
    Tensor Call([Input(5, 4)] Tensor x) => pool.Call(attention.Call(x, x));
}
