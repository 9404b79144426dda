using System;
using System.IO;
using System.Text.Json.Nodes;
using StaticKeras.Runtime.Tests.Saving.Keras.Imported;
using StaticKeras.Tools.KerasImport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// The KerasImport tool: every declaration in Imported/ is exactly what it writes for its Keras-made
/// file; they compile (they are part of this project), and KerasLoadTests and the wrapper, nested and
/// attention import tests load those files into them.
/// </summary>
public class KerasImportTests
{
    [Theory]
    [InlineData("mlp", "ImportedMlp")]
    [InlineData("cnn", "ImportedCnn")]
    [InlineData("branches", "ImportedBranches")]
    [InlineData("import_wrappers", "ImportedWrappers")]
    [InlineData("wrappers", "ImportedClips")]
    [InlineData("nested", "ImportedNested")]
    [InlineData("nested_block", "ImportedNestedBlock")]
    [InlineData("import_attention", "ImportedAttention")]
    public void CheckedInDeclarationsAreWhatTheToolWrites(string file, string className)
    {
        var result = KerasFileImport.Import(KerasFiles.Path($"{file}.keras"), className, KerasFiles.ImportedNamespace);

        Assert.Empty(result.Problems);
        Assert.Equal(KerasFiles.Declaration(className), result.Code);
    }

    [Fact]
    public void ADeclarationOfItsOwnMakingRoundTrips()
    {
        // StaticKeras writes ImportedMlp as .keras; importing that gives ImportedMlp again.
        using var dir = new TempDirectory();
        using var model = new ImportedMlp();
        var path = dir.File("again.keras");
        model.SaveKeras(path);

        var result = KerasFileImport.Import(path, "ImportedMlp", KerasFiles.ImportedNamespace);

        Assert.Empty(result.Problems);
        Assert.Equal(
            KerasFiles.Declaration("ImportedMlp").Replace("from mlp.keras.", "from again.keras."),
            result.Code);
    }

    [Fact]
    public void SeveralInputsAndOutputsRoundTripThroughTheirImportedDeclaration()
    {
        // TwoHeadNet (two inputs, two outputs) written as .keras imports to ImportedTwoHead, checked
        // in (so it compiles), which loads that file with TwoHeadNet's predictions.
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var model = new EndToEnd.TwoHeadNet();
        var path = dir.File("twohead.keras");
        model.SaveKeras(path);

        var result = KerasFileImport.Import(path, "ImportedTwoHead", KerasFiles.ImportedNamespace);

        Assert.Empty(result.Problems);
        Assert.Equal(KerasFiles.Declaration("ImportedTwoHead"), result.Code);
        using var imported = new Imported.ImportedTwoHead();
        imported.LoadWeights(path);
        var x = rand(5, 8, 8, 1);
        var stats = rand(5, 4);
        var expected = model.Predict(new EndToEnd.TwoHeadNet.Inputs(x, stats));
        var (cls, value) = imported.Predict(new Imported.ImportedTwoHead.Inputs(x, stats));
        Assert.True(cls.allclose(expected.Cls, rtol: 1e-6, atol: 1e-7));
        Assert.True(value.allclose(expected.Value, rtol: 1e-6, atol: 1e-7));
    }

    [Fact]
    public void MergesAreWrittenAndLayersWithoutAnEquivalentAreListedInPlace()
    {
        var config = JsonNode.Parse("""
            {"class_name": "Functional", "config": {"name": "branchy",
              "input_layers": [["x", 0, 0]], "output_layers": [["add", 0, 0]],
              "layers": [
                {"class_name": "InputLayer", "name": "x", "config": {"name": "x", "batch_shape": [null, null, 8]}, "inbound_nodes": []},
                {"class_name": "Dense", "name": "a", "config": {"name": "a", "units": 8, "activation": "linear", "use_bias": false}, "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}], "kwargs": {}}]},
                {"class_name": "Lambda", "name": "l", "config": {"name": "l"}, "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}], "kwargs": {}}]},
                {"class_name": "Add", "name": "add", "config": {"name": "add"}, "inbound_nodes": [{"args": [[{"class_name": "__keras_tensor__", "config": {"keras_history": ["a", 0, 0]}}, {"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}]], "kwargs": {}}]}
              ]}}
            """)!;

        var result = DeclarationWriter.Write(config, "Branchy", "Samples", "branchy.keras");

        Assert.Equal(["layer 'l' (Lambda): StaticKeras has no Lambda layer"], result.Problems);
        Assert.Contains("    readonly Dense a = new(8, useBias: false);\n    // NOT EXPRESSIBLE: layer 'l' (Lambda): StaticKeras has no Lambda layer\n    readonly Add add = new();\n", result.Code);
        Assert.Contains("    Tensor Call([Input(\"d1\", 8)] Tensor x)\n", result.Code);
        Assert.Contains("        var add_out = add.Call(a_out, x);\n        return add_out;\n", result.Code);
    }

    [Fact]
    public void ASharedLayersLaterCallComesAfterTheLayersItReads()
    {
        // Keras lists a shared layer once, at the depth of its earliest call (x -> s -> t -> s); its
        // second call reads t, listed after it, so it is written after t.
        var config = JsonNode.Parse("""
            {"class_name": "Functional", "config": {"name": "shared",
              "input_layers": [["x", 0, 0]], "output_layers": [["s", 1, 0]],
              "layers": [
                {"class_name": "InputLayer", "name": "x", "config": {"name": "x", "batch_shape": [null, 4]}, "inbound_nodes": []},
                {"class_name": "Dense", "name": "s", "config": {"name": "s", "units": 4, "activation": "linear"}, "inbound_nodes": [
                  {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}], "kwargs": {}},
                  {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["t", 0, 0]}}], "kwargs": {}}]},
                {"class_name": "Dense", "name": "t", "config": {"name": "t", "units": 4, "activation": "linear"}, "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["s", 0, 0]}}], "kwargs": {}}]}
              ]}}
            """)!;

        var result = DeclarationWriter.Write(config, "Shared", "Samples", "shared.keras");

        Assert.Empty(result.Problems);
        Assert.Contains("        var s_out = s.Call(x);\n        var t_out = t.Call(s_out);\n        var s_out1 = s.Call(t_out);\n        return s_out1;\n", result.Code);
    }

    [Fact]
    public void AnEmbeddingWithMaskZeroKeepsIt()
    {
        var config = JsonNode.Parse("""
            {"class_name": "Sequential", "config": {"name": "tagger", "layers": [
                {"class_name": "InputLayer", "config": {"name": "ids", "batch_shape": [null, 12]}},
                {"class_name": "Embedding", "config": {"name": "embed", "input_dim": 50, "output_dim": 8, "mask_zero": true}},
                {"class_name": "LSTM", "config": {"name": "lstm", "units": 4, "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": true, "return_sequences": false, "unit_forget_bias": true}}
              ]}}
            """)!;

        var result = DeclarationWriter.Write(config, "Tagger", "Samples", "tagger.keras");

        Assert.Empty(result.Problems);
        Assert.Contains("    readonly Embedding embed = new(50, 8, maskZero: true);\n", result.Code);
    }

    [Fact]
    public void ChannelsFirstIsWrittenWhereStaticKerasTakesItAndListedElsewhere()
    {
        var config = JsonNode.Parse("""
            {"class_name": "Sequential", "config": {"name": "cf", "layers": [
                {"class_name": "InputLayer", "config": {"name": "images", "batch_shape": [null, 3, 8, 8]}},
                {"class_name": "Conv2D", "config": {"name": "conv", "filters": 4, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid", "data_format": "channels_first", "dilation_rate": [1, 1], "groups": 1, "activation": "relu", "use_bias": true}},
                {"class_name": "DepthwiseConv2D", "config": {"name": "dw", "depth_multiplier": 2, "kernel_size": [3, 3], "strides": [2, 2], "padding": "same", "data_format": "channels_first", "dilation_rate": [1, 1], "activation": "relu", "use_bias": true}},
                {"class_name": "SeparableConv2D", "config": {"name": "sep", "depth_multiplier": 1, "filters": 5, "kernel_size": [3, 2], "strides": [1, 1], "padding": "valid", "data_format": "channels_first", "dilation_rate": [2, 2], "activation": "linear", "use_bias": false}},
                {"class_name": "GlobalMaxPooling2D", "config": {"name": "pool", "data_format": "channels_first", "keepdims": true}},
                {"class_name": "SpatialDropout2D", "config": {"name": "drop", "rate": 0.1, "data_format": "channels_first"}},
                {"class_name": "Conv3D", "config": {"name": "volume", "filters": 2, "kernel_size": [1, 1, 1], "data_format": "channels_first"}},
                {"class_name": "Flatten", "config": {"name": "flat", "data_format": "channels_first"}}
              ]}}
            """)!;

        var result = DeclarationWriter.Write(config, "ChannelsFirst", "Samples", "cf.keras");

        Assert.Contains("    readonly Conv2D conv = new(4, (3, 3), Activation.Relu, dataFormat: DataFormat.ChannelsFirst);\n", result.Code);
        Assert.Contains("    readonly DepthwiseConv2D dw = new((3, 3), Activation.Relu, strides: (2, 2), padding: Padding.Same, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst);\n", result.Code);
        Assert.Contains("    readonly SeparableConv2D sep = new(5, (3, 2), dilationRate: (2, 2), useBias: false, dataFormat: DataFormat.ChannelsFirst);\n", result.Code);
        Assert.Contains("    readonly GlobalMaxPooling2D pool = new(keepdims: true, dataFormat: DataFormat.ChannelsFirst);\n", result.Code);
        Assert.Contains("    readonly Flatten flat = new(dataFormat: DataFormat.ChannelsFirst);\n", result.Code);
        Assert.Contains("    readonly SpatialDropout2D drop = new(0.1, dataFormat: DataFormat.ChannelsFirst);\n", result.Code);
        Assert.Contains(result.Problems, p => p.Contains("data_format 'channels_first' on Conv3D", StringComparison.Ordinal));
    }
}
