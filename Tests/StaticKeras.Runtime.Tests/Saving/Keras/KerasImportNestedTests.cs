using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StaticKeras.Runtime.Tests.Saving.Keras.Imported;
using StaticKeras.Tools.KerasImport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// KerasImport of models used as layers: a nested Sequential or functional model becomes a class of its own
/// (checked in under Imported/, so it compiles), the Keras-made files load into what the tool writes with
/// Keras' predictions, and what StaticKeras writes for those declarations imports to them again.
/// </summary>
public class KerasImportNestedTests
{
    [Theory]
    [InlineData("nested", "keras")]
    [InlineData("nested", "weights.h5")]
    [InlineData("nested_block", "keras")]
    [InlineData("nested_block", "weights.h5")]
    public void TheKerasMadeFilesLoadIntoTheirImportedDeclarations(string file, string format)
    {
        using var scope = NewDisposeScope();
        using Model model = file == "nested" ? new ImportedNested() : new ImportedNestedBlock();
        var (input, expected) = KerasFiles.InputsAndPredictions(file);

        model.LoadWeights(KerasFiles.Path($"{file}.{format}"));

        Assert.InRange(KerasFiles.MaxRelative(model.Predict(input), expected), 0, 1e-5);
    }

    [Theory]
    [InlineData("ImportedNested", "ImportedNestedDefaults")]
    [InlineData("ImportedNestedBlock", "ImportedNestedBlockDefaults")]
    public void ADeclarationOfItsOwnMakingRoundTrips(string className, string defaultsName)
    {
        // StaticKeras writes the imported declaration as .keras under Keras' default layer names (dense, sequential, ...);
        // importing that gives *Defaults (checked in), which loads the file with the same predictions, and whose own
        // .keras imports to itself again.
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using Model model = className == "ImportedNested" ? new ImportedNested() : new ImportedNestedBlock();
        var path = dir.File("again.keras");
        model.SaveKeras(path);

        var result = KerasFileImport.Import(path, defaultsName, KerasFiles.ImportedNamespace);

        Assert.Empty(result.Problems);
        Assert.Equal(Normalized(KerasFiles.Declaration(defaultsName)), Normalized(result.Code));
        using Model defaults = className == "ImportedNested" ? new ImportedNestedDefaults() : new ImportedNestedBlockDefaults();
        defaults.LoadWeights(path);
        var x = rand(3, 6);
        Assert.Equal(0, (defaults.Predict(x) - model.Predict(x)).abs().max().item<float>());
        var twice = dir.File("twice.keras");
        defaults.SaveKeras(twice);
        Assert.Equal(Normalized(KerasFiles.Declaration(defaultsName)), Normalized(KerasFileImport.Import(twice, defaultsName, KerasFiles.ImportedNamespace).Code));
    }

    [Fact]
    public void AModelInsideASequentialModelIsListed()
    {
        var config = JsonNode.Parse("""
            {"class_name": "Sequential", "config": {"name": "outer", "layers": [
                {"class_name": "InputLayer", "config": {"name": "x", "batch_shape": [null, 6]}},
                {"class_name": "Sequential", "config": {"name": "inner", "layers": [
                    {"class_name": "InputLayer", "config": {"name": "y", "batch_shape": [null, 6]}},
                    {"class_name": "Dense", "config": {"name": "code", "units": 4, "activation": "tanh"}}]}},
                {"class_name": "Dense", "config": {"name": "head", "units": 2, "activation": "linear"}}
              ]}}
            """)!;

        var result = DeclarationWriter.Write(config, "Outer", "Samples", "outer.keras");

        Assert.Equal(["layer 'inner' (Sequential): a model used as a layer of a Sequential model (StaticKeras nests models in functional models)"], result.Problems);
        Assert.Contains("    // NOT EXPRESSIBLE: layer 'inner' (Sequential)", result.Code);
        Assert.Contains("    readonly Dense head = new(2);\n", result.Code);
    }

    [Fact]
    public void ANestedModelsLayerWithoutAnEquivalentIsListedWithItsPath()
    {
        var config = JsonNode.Parse("""
            {"class_name": "Functional", "config": {"name": "outer",
              "input_layers": [["x", 0, 0]], "output_layers": [["enc", 0, 0]],
              "layers": [
                {"class_name": "InputLayer", "name": "x", "config": {"name": "x", "batch_shape": [null, 6]}, "inbound_nodes": []},
                {"class_name": "Sequential", "name": "enc", "config": {"name": "enc", "layers": [
                    {"class_name": "InputLayer", "config": {"name": "y", "batch_shape": [null, 6]}},
                    {"class_name": "Lambda", "config": {"name": "l"}}]},
                  "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}}], "kwargs": {}}]}
              ]}}
            """)!;

        var result = DeclarationWriter.Write(config, "Outer", "Samples", "outer.keras");

        Assert.Equal(["layer 'enc/l' (Lambda): StaticKeras has no Lambda layer"], result.Problems);
        Assert.Contains("    readonly OuterEnc enc = new();\n", result.Code);
        Assert.Contains("[Sequential, Input(6)]\npublic partial class OuterEnc\n", result.Code);
    }

    // The source file's name and Keras' model names (StaticKeras writes its own class names) aside.
    private static string Normalized(string code) =>
        Regex.Replace(code, @"from .*\.keras\.|model '[^']*'", "");
}
