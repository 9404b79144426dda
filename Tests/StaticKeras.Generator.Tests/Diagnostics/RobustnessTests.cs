using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>
/// The cases a stress run found (issue 12): each is a clear STK diagnostic on the right span, or
/// works; the generator never throws, and one model's problem never drops another model's file.
/// </summary>
public sealed class RobustnessTests
{
    private const string Usings = "using StaticKeras;\nusing StaticKeras.Layers;\nusing Parameter = TorchSharp.Modules.Parameter;\nusing static TorchSharp.torch;\n\nnamespace Samples;\n\n";

    private static string Mlp(string name, string header = "public partial class", string extra = "", string input = "Input(28, 28)") => $$"""
        [Sequential, {{input}}]
        [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)]
        {{header}} {{name}}
        {
            {{extra}}
            readonly Flatten flatten = new();
            readonly Dense output = new(10, Activation.Softmax);
        }

        """;

    private static GeneratorRun Run(params string[] declarations) => GeneratorRunner.Run(Usings + string.Concat(declarations));

    // The one STK diagnostic reported, with the source text under its span.
    private static (string Id, string Span) Single(GeneratorRun run)
    {
        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.Diagnostics);
        return (diagnostic.Id, SpanText(run, diagnostic));
    }

    private static string SpanText(GeneratorRun run, Diagnostic diagnostic) =>
        run.Input.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path).GetText().ToString(diagnostic.Location.SourceSpan);

    [Fact]
    public void ModelsWhoseNamesDifferOnlyInCaseBothGetTheirFiles()
    {
        var run = Run(Mlp("Net"), Mlp("NET"), Mlp("Other"));

        Assert.Null(run.Result.Exception);
        Assert.Equal(
            [SourceOutput.WithCaseSuffix("Samples.NET.g.cs"), SourceOutput.WithCaseSuffix("Samples.Net.g.cs"), "Samples.Other.g.cs"],
            run.Sources.Select(s => s.HintName).Order(System.StringComparer.Ordinal));
        run.AssertClean();
    }

    [Fact]
    public void CaseSuffixesDependOnlyOnTheExactName()
    {
        Assert.Equal(SourceOutput.WithCaseSuffix("Samples.Net.g.cs"), SourceOutput.WithCaseSuffix("Samples.Net.g.cs"));
        Assert.NotEqual(SourceOutput.WithCaseSuffix("Samples.Net.g.cs"), SourceOutput.WithCaseSuffix("Samples.NET.g.cs"));
        Assert.Matches("^Samples\\.Net\\.[0-9a-f]{8}\\.g\\.cs$", SourceOutput.WithCaseSuffix("Samples.Net.g.cs"));
    }

    [Fact]
    public void SequentialOnTwoPartialPartsGivesOneFileAndOtherModelsKeepTheirs()
    {
        var run = Run(Mlp("Net"), "[Sequential, Input(28, 28)]\npublic partial class Net\n{\n}\n", Mlp("Other"));

        Assert.Null(run.Result.Exception);
        Assert.Equal(["Samples.Net.g.cs", "Samples.Other.g.cs"], run.Sources.Select(s => s.HintName).Order(System.StringComparer.Ordinal));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("STK9", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("public int Info;", "Info")]
    [InlineData("public int TrainStep { get; }", "TrainStep")]
    [InlineData("public class Inputs { }", "Inputs")]
    public void AMemberNamedLikeGeneratedCodeIsSTK0076AtTheMember(string member, string name)
    {
        var run = Run(Mlp("Net", extra: member), Mlp("Other"));

        Assert.Equal(("STK0076", name), Single(run));
        Assert.Contains(run.Sources, s => s.HintName == "Samples.Other.g.cs");
    }

    [Fact]
    public void ADuplicatedLayerFieldIsSTK0077AtTheSecond()
    {
        var run = Run(Mlp("Net", extra: "readonly Dense output = new(3);"));

        Assert.Null(run.Result.Exception);
        var duplicate = Assert.Single(run.Diagnostics);
        Assert.Equal("STK0077", duplicate.Id);
        Assert.Equal("output", SpanText(run, duplicate));
        Assert.Contains("readonly Dense output = new(10, Activation.Softmax);", run.Input.SyntaxTrees.First().GetText().Lines[duplicate.Location.GetLineSpan().StartLinePosition.Line].ToString());
    }

    [Theory]
    [InlineData("file partial class", "Net", "Net")]
    [InlineData("public partial class", "@class", "class")]
    [InlineData("public partial class", "Call", "Call")]
    public void ATypeThePartCannotBeAddedToIsSTK0078AtItsName(string header, string name, string span) =>
        Assert.Equal(("STK0078", name.StartsWith('@') ? "@" + span : span), Single(Run(Mlp(name, header))));

    [Fact]
    public void ALayerArrayIsSTK0079InsteadOfSilentlyLeftOut() =>
        Assert.Equal(("STK0079", "Dense[]"), Single(Run(Mlp("Net", extra: "readonly Dense[] hidden = [new(128)];"))));

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void ACustomLayerOfSizeZeroOrNegativeIsAUserDiagnostic(string units)
    {
        var layer = """
            [Layer(Input = "..., d", Output = "..., units")]
            public partial class MyLayer(int units)
            {
                [Weight("d, units", Initializer.GlorotUniform)] partial Parameter W { get; }
                public Tensor Call(Tensor inputs) => inputs.matmul(W);
            }

            """;
        var run = Run(layer, Mlp("Net", extra: $"readonly MyLayer custom = new({units});"));

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("STK1073", diagnostic.Id);
        Assert.Contains($"constructor argument 'units' must be a positive whole number, found {units}", diagnostic.GetMessage());
    }

    [Fact]
    public void SizesWhoseCountsOverflowAreSTK1075() =>
        Assert.Equal("STK1075", Single(Run(Mlp("Net", input: "Input(2147483647, 2147483647)"))).Id);

    [Theory]
    [InlineData("Input(2147483647)")]
    [InlineData("Input(1073741824, 4)")]
    [InlineData("Input(65536, 65536)")]
    public void SizesNearIntMaxValueAreNoGeneratorFailure(string input)
    {
        var run = Run(Mlp("Net", input: input));

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("STK9", System.StringComparison.Ordinal));
        if (!run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            run.AssertCompiles();
    }

    [Theory]
    [InlineData("\"a\\\"b\"")]
    [InlineData("\"back\\\\slash\"")]
    [InlineData("\"ünï cödé\"")]
    public void SymbolicDimensionNamesWithQuotesWork(string name)
    {
        var run = Run($$"""
            [Sequential, Input({{name}}, 16)]
            [Compile(Optimizer.Adam, Loss.MeanSquaredError)]
            public partial class Net
            {
                readonly Dense output = new(1);
            }

            """);

        run.AssertClean();
    }

    [Fact]
    public void ASymbolicDimensionNameWithALineBreakIsSTK0009() =>
        Assert.Equal(("STK0009", "\"line\\nbreak\""), Single(Run(Mlp("Net", input: "Input(\"line\\nbreak\", 16)"))));

    [Fact]
    public void ACustomLayerParameterNamedLikeAMemberIsSTK0077AtTheParameter()
    {
        var run = Run("""
            [Layer(Input = "..., d", Output = "..., Call")]
            public partial class MyLayer(int Call)
            {
                [Weight("d, Call", Initializer.GlorotUniform)] partial Parameter W { get; }
                public Tensor Call(Tensor inputs) => inputs.matmul(W);
            }

            """);

        Assert.Equal(("STK0077", "Call"), Single(run));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\" \"")]
    public void AnEmptyWeightSignatureIsSTK0050(string signature)
    {
        var run = Run($$"""
            [Layer(Input = "..., d", Output = "..., d")]
            public partial class MyLayer
            {
                [Weight({{signature}}, Initializer.Zeros)] partial Parameter W { get; }
                public Tensor Call(Tensor inputs) => inputs + W;
            }

            """);

        Assert.Equal("STK0050", Single(run).Id);
    }
}
