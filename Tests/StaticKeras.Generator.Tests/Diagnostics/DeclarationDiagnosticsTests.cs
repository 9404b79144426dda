using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK0001-STK0003, STK0007, STK0008, STK0011, STK0013: what the class itself must be.</summary>
public sealed class DeclarationDiagnosticsTests
{
    private static ModelSource Mlp() => ModelSource.MnistMlp();

    [Fact]
    public void ClassNotPartial()
    {
        var run = DiagnosticCheck.Single(
            Mlp().Declaration("public class").Name("[|MnistMlp|]"),
            "STK0001",
            "'MnistMlp' must be partial so the generator can add the model's members, found 'public class MnistMlp'");

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ContainingTypeNotPartial()
    {
        const string source = """
            using StaticKeras;
            using StaticKeras.Layers;

            public static class [|Models|]
            {
                [Sequential, Input(3)]
                public partial class Tiny
                {
                    readonly Dense output = new(2);
                }
            }
            """;
        var markup = Markup.Parse(source);

        var run = GeneratorRunner.Run(markup.Text)
            .AssertDiagnostics(new ExpectedDiagnostic(
                "STK0001", "'Models' must be partial so the generator can add the model's members, found 'public static class Models'", markup.Span))
            .AssertCompiles();

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void MissingInput() => DiagnosticCheck.Single(
        Mlp().Input(null).Name("[|MnistMlp|]"),
        "STK0002",
        "Sequential model 'MnistMlp' needs an [Input(...)] attribute with its input shape without the batch dimension, e.g. [Input(28, 28)], found none");

    [Fact]
    public void BaseClassOtherThanModel()
    {
        var run = DiagnosticCheck.Single(
            Mlp().BaseList("[|System.Collections.Generic.List<int>|]"),
            "STK0003",
            "Model 'MnistMlp' must be a non-static class deriving from object or StaticKeras.Model, found base class 'System.Collections.Generic.List<int>'");

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void RecordModel() => DiagnosticCheck.Single(
        Mlp().Declaration("public partial record").Name("[|MnistMlp|]"),
        "STK0003",
        "Model 'MnistMlp' must be a non-static class deriving from object or StaticKeras.Model, found a record");

    [Fact]
    public void StaticModel() => DiagnosticCheck.Single(
        ModelSource.Sequential().Declaration("public static partial class").Name("[|MnistMlp|]"),
        "STK0003",
        "Model 'MnistMlp' must be a non-static class deriving from object or StaticKeras.Model, found a static class");

    [Fact]
    public void NoLayers()
    {
        var run = DiagnosticCheck.Single(
            ModelSource.Sequential("Empty").Name("[|Empty|]").Layer("readonly int epochs = 3;").Layer("public int Epochs => epochs;"),
            "STK0007",
            "Sequential model 'Empty' needs at least one layer (a field or get-only property initialized with a StaticKeras.Layers type), found none");

        Assert.Contains("model has errors: STK0007", run.SingleSource);
    }

    [Fact]
    public void GenericModel()
    {
        var run = DiagnosticCheck.Single(
            Mlp().Name("Box[|<T>|]"),
            "STK0008",
            "Model 'Box' must be a non-generic class in non-generic types, found type parameters in 'Box<T>'");

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void RuntimeNotReferenced()
    {
        var markup = Markup.Parse("""
            using StaticKeras;

            [Sequential, Input(2)]
            public partial class [|Lonely|]
            {
            }
            """);

        var run = GeneratorRunner.Run(GeneratorRunner.DefaultAssemblyName, References.WithoutRuntime, markup.Text)
            .AssertDiagnostics(new ExpectedDiagnostic(
                "STK0011", "Model 'Lonely' needs a reference to StaticKeras.Runtime (type StaticKeras.Model), found no such type in the compilation", markup.Span))
            .AssertCompiles();

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ExplicitConstructor()
    {
        var run = DiagnosticCheck.Single(
            Mlp().Layer("public [|MnistMlp|](int seed) : base(\"MnistMlp\") => Seed = seed;").Layer("public int Seed { get; }"),
            "STK0013",
            "Model 'MnistMlp' must not declare constructors: the generated constructor builds and registers the layers, found 'MnistMlp(int)'");

        Assert.DoesNotContain("public MnistMlp()", run.SingleSource);
        run.VerifySources();
    }

    [Fact]
    public void ErrorsAreAllReportedAndListedInTheThrowingMembers()
    {
        var markup = Mlp().Input(null).Name("[|MnistMlp|]").Layer("readonly Dense extra = new([|0|]);").Build();

        var run = GeneratorRunner.Run(markup.Text)
            .AssertDiagnostics(
                new ExpectedDiagnostic("STK0002", "Sequential model 'MnistMlp' needs an [Input(...)] attribute with its input shape without the batch dimension, e.g. [Input(28, 28)], found none", markup.Spans[0]),
                new ExpectedDiagnostic("STK0010", "Dense 'extra': units must be a positive int, found 0", markup.Spans[1]))
            .AssertCompiles();

        Assert.Contains("throw new global::System.InvalidOperationException(\"model has errors: STK0002, STK0010\");", run.SingleSource);
        run.VerifySources();
    }
}
