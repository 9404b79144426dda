using System.IO;
using System.Text.Json.Nodes;
using StaticKeras.Runtime.Tests.Saving.Keras.Imported;
using StaticKeras.Tools.KerasImport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// KerasImport of TimeDistributed and Bidirectional: the wrapped layer is written in the argument
/// (<c>new TimeDistributed(new Dense(2))</c>), the merge mode and a backward layer other than the forward
/// layer's copy when the file has them. The declarations are checked in under Imported/ (so they compile)
/// and load the Keras-made files with Keras' predictions.
/// </summary>
public class KerasImportWrapperTests
{
    [Theory]
    [InlineData("import_wrappers", "keras")]
    [InlineData("import_wrappers", "weights.h5")]
    [InlineData("wrappers", "keras")]
    [InlineData("wrappers", "weights.h5")]
    public void TheKerasMadeFilesLoadIntoTheirImportedDeclarations(string file, string format)
    {
        using var scope = NewDisposeScope();
        using Model model = file == "wrappers" ? new ImportedClips() : new ImportedWrappers();
        var (input, expected) = KerasFiles.InputsAndPredictions(file);

        model.LoadWeights(KerasFiles.Path($"{file}.{format}"));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Fact]
    public void ADeclarationOfItsOwnMakingRoundTrips()
    {
        // StaticKeras writes ImportedWrappers as .keras (its backward layers named backward_lstm and backward_gru,
        // go_backwards: true, as Keras writes them); importing that gives ImportedWrappers again (the file's and
        // Keras' model name aside: StaticKeras names the model 'sequential').
        using var dir = new TempDirectory();
        using var model = new ImportedWrappers();
        var path = dir.File("again.keras");
        model.SaveKeras(path);

        var result = KerasFileImport.Import(path, "ImportedWrappers", KerasFiles.ImportedNamespace);

        Assert.Empty(result.Problems);
        Assert.Equal(KerasFiles.Declaration("ImportedWrappers").Replace("from import_wrappers.keras.", "from again.keras.").Replace("model 'wrapped'", "model 'sequential'"), result.Code);
    }

    [Fact]
    public void MergeModeNoneIsListed()
    {
        var result = Import(Bidirectional("null", Lstm("forward_lstm", goBackwards: false), Lstm("backward_lstm", goBackwards: true)));

        Assert.Equal(
            ["layer 'bi' (Bidirectional): merge_mode None (the two directions' outputs as a list; StaticKeras' Bidirectional returns one tensor: concat, sum, mul or ave)"],
            result.Problems);
        Assert.Contains("    // NOT EXPRESSIBLE: layer 'bi' (Bidirectional): merge_mode None", result.Code);
    }

    [Theory]
    [InlineData("""{"class_name": "Lambda", "config": {"name": "l"}}""",
        "layer 'td' (TimeDistributed): its layer (Lambda): StaticKeras has no Lambda layer")]
    [InlineData("""{"class_name": "Sequential", "config": {"name": "s", "layers": []}}""",
        "layer 'td' (TimeDistributed): its layer (Sequential): a model (StaticKeras wraps built-in layers)")]
    [InlineData("""{"class_name": "Dense", "config": {"name": "d", "units": 2, "activation": "swish_custom"}}""",
        "layer 'td' (TimeDistributed): its layer (Dense): its config cannot be read (activation 'swish_custom')")]
    public void ATimeDistributedLayerWithoutAnEquivalentIsListed(string layer, string problem)
    {
        var result = Import($$$"""{"class_name": "TimeDistributed", "config": {"name": "td", "layer": {{{layer}}}}}""");

        Assert.Equal([problem], result.Problems);
        Assert.Contains($"    // NOT EXPRESSIBLE: {problem}\n", result.Code);
    }

    [Fact]
    public void ABidirectionalLayerWithoutAnEquivalentIsListed()
    {
        var stateful = Import(Bidirectional("\"concat\"", Lstm("forward_lstm", goBackwards: false, extra: "\"return_state\": true"), Lstm("backward_lstm", goBackwards: true)));
        var dense = Import(Bidirectional("\"sum\"", """{"class_name": "Dense", "config": {"name": "d", "units": 2, "activation": "linear"}}""", Lstm("backward_lstm", goBackwards: true)));
        var backward = Import(Bidirectional("\"concat\"", Lstm("forward_lstm", goBackwards: false), Lstm("backward_lstm", goBackwards: true, extra: "\"stateful\": true")));

        Assert.Equal(["layer 'bi' (Bidirectional): its layer (LSTM): return_state=True"], stateful.Problems);
        Assert.Equal(["layer 'bi' (Bidirectional): its layer (Dense) is not recurrent (StaticKeras' Bidirectional wraps SimpleRNN, LSTM or GRU)"], dense.Problems);
        Assert.Equal(["layer 'bi' (Bidirectional): its backward_layer (LSTM): stateful=True"], backward.Problems);
    }

    [Fact]
    public void ABackwardLayerOtherThanTheForwardLayersCopyIsWritten()
    {
        var result = Import(Bidirectional("\"mul\"", Lstm("forward_lstm", goBackwards: false), Lstm("back", goBackwards: true, extra: "\"use_bias\": false")));

        Assert.Empty(result.Problems);
        Assert.Contains("    readonly Bidirectional bi = new(new LSTM(4, returnSequences: true), mergeMode: MergeMode.Mul, backwardLayer: new LSTM(4, useBias: false, returnSequences: true));\n", result.Code);
    }

    // A Sequential model of Input(5, 3) and the one layer.
    private static ImportResult Import(string layer) =>
        DeclarationWriter.Write(JsonNode.Parse($$$"""
            {"class_name": "Sequential", "config": {"name": "seq", "layers": [
                {"class_name": "InputLayer", "config": {"name": "x", "batch_shape": [null, 5, 3]}},
                {{{layer}}}]}}
            """)!, "Wrapped", "Samples", "wrapped.keras");

    private static string Bidirectional(string mergeMode, string layer, string backwardLayer) =>
        $$$"""{"class_name": "Bidirectional", "config": {"name": "bi", "merge_mode": {{{mergeMode}}}, "layer": {{{layer}}}, "backward_layer": {{{backwardLayer}}}}}""";

    private static string Lstm(string name, bool goBackwards, string? extra = null) =>
        $$$"""{"class_name": "LSTM", "config": {"name": "{{{name}}}", "units": 4, "activation": "tanh", "recurrent_activation": "sigmoid", "return_sequences": true, "go_backwards": {{{(goBackwards ? "true" : "false")}}}{{{(extra is null ? "" : ", " + extra)}}}}}""";
}
