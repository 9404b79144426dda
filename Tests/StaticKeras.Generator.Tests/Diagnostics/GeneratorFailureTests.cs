using System;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK9001: the generator never throws; an internal failure becomes a diagnostic and the build goes on.</summary>
public sealed class GeneratorFailureTests
{
    // A runtime whose Dense does not follow the generated-code contract (no `units` parameter):
    // the generator cannot read the layer, which is its own failure, not the user's mistake.
    private const string MismatchedRuntime = """
        namespace StaticKeras
        {
            public abstract class Model { protected Model(string name) { } }
        }

        namespace StaticKeras.Layers
        {
            public abstract class Layer { }
            public sealed class Dense : Layer { public Dense(int size) { } }
        }
        """;

    [Fact]
    public void ContractMismatchBecomesStk9001()
    {
        var markup = ModelSource.Sequential().Name("[|MnistMlp|]").Layer("readonly Dense output = new(10);").Build();

        var run = GeneratorRunner.Run(GeneratorRunner.DefaultAssemblyName, References.WithoutRuntime, markup.Text, MismatchedRuntime)
            .AssertDiagnostics(new ExpectedDiagnostic(
                "STK9001",
                "The StaticKeras generator failed while reading 'MnistMlp': InvalidOperationException: Dense's constructor has no parameter 'units'; please report this with the model's declaration",
                markup.Span))
            .AssertCompiles();

        Assert.Empty(run.Sources);
        run.VerifyDiagnostics();
    }

    [Fact]
    public void InferenceFailureBecomesStk9001()
    {
        var spec = ModelSpec.Sequential("Odd");
        var declaration = spec.Add(new AlienDeclaration("alien", "alien", spec.NextLocation())).Declaration();

        var model = ShapeInference.Infer(declaration, default);

        var failure = Assert.Single(model.Diagnostics);
        Assert.Equal("STK9001", failure.Id);
        Assert.Equal(["inferring shapes of", "Odd", "ArgumentException: no shape rule for AlienDeclaration (Parameter 'layer')"], failure.Arguments);
        Assert.False(model.IsComplete);
    }

    [Fact]
    public void EmissionFailureBecomesStk9001AndNoSource()
    {
        var spec = ModelSpec.Sequential("Odd").Input(4);
        var declaration = spec.Add(new AlienDeclaration("alien", "alien", spec.NextLocation())).Declaration();
        var shapes = EquatableArray.Of(new NodeShape(EquatableArray.Of(TestShapes.Of(4)), TestShapes.Of(4), EquatableArray<WeightSpec>.Empty));

        var generated = ModelEmitter.Emit(new InferredModel(declaration, shapes, EquatableArray<DiagnosticInfo>.Empty), default);

        Assert.Null(generated.HintName);
        Assert.Null(generated.Source);
        Assert.Equal(["writing", "Odd", "ArgumentException: no emitter for AlienDeclaration (Parameter 'layer')"], Assert.Single(generated.Diagnostics).Arguments);
    }

    [Fact]
    public void GuardReturnsTheBodyResult() =>
        Assert.Equal(42, GeneratorGuard.Run(() => 42, _ => -1));

    [Fact]
    public void GuardTurnsAnExceptionIntoTheFailureResult() =>
        Assert.Equal("boom", GeneratorGuard.Run<string>(() => throw new InvalidOperationException("boom"), e => e.Message));

    [Fact]
    public void GuardLetsCancellationEscape() =>
        Assert.Throws<OperationCanceledException>(() => GeneratorGuard.Run<int>(() => throw new OperationCanceledException(), _ => -1));

    [Fact]
    public void FailureDiagnosticNamesTheStepTheTypeAndTheException()
    {
        var location = new SourceLocation("Model.cs", new Microsoft.CodeAnalysis.Text.TextSpan(3, 4), default);

        var failure = GeneratorGuard.Failure("writing", "MnistMlp", location, new ArgumentException("bad"));

        Assert.Equal(
            "The StaticKeras generator failed while writing 'MnistMlp': ArgumentException: bad; please report this with the model's declaration",
            failure.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("STK9001", failure.Id);
        Assert.Equal(location, failure.Location);
    }
}

/// <summary>A layer kind no rule or emitter knows, to drive the generator into an internal failure.</summary>
internal sealed record AlienDeclaration(string Name, string Identifier, SourceLocation Location) : LayerDeclaration(Name, Identifier, Location)
{
    public override string TypeName => "Alien";
}
