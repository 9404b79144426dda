using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK0009: every [Input] dimension is a positive int or a symbolic name.</summary>
public sealed class InputDiagnosticsTests
{
    private static ModelSource Model(string input) => ModelSource.MnistMlp().Input(input);

    private static string Message(int position, string found) =>
        $"Input dimension {position} must be a positive int or a symbolic name (a non-empty string), found {found}";

    [Fact]
    public void ZeroSize() => DiagnosticCheck.Single(
        Model("[|0|], 28"),
        "STK0014",
        "Input dimension 0 is 0: every sample would be empty, so the loss is a mean over nothing (NaN); Keras accepts it, StaticKeras does not. Use a positive size or a symbolic name");

    [Fact]
    public void NegativeSize() => DiagnosticCheck.Single(Model("28, [|-28|]"), "STK0009", Message(1, "-28"));

    [Fact]
    public void DoubleSize() => DiagnosticCheck.Single(Model("28, [|2.5|]"), "STK0009", Message(1, "2.5 (double)"));

    [Fact]
    public void LongSize() => DiagnosticCheck.Single(Model("[|28L|], 28"), "STK0009", Message(0, "28 (long)"));

    [Fact]
    public void EmptyName() => DiagnosticCheck.Single(Model("[|\"\"|], 28"), "STK0009", Message(0, "\"\""));

    [Fact]
    public void NullArray() => DiagnosticCheck.Single(
        ModelSource.MnistMlp().Input(null).Attribute("[|Input(null)|]"), "STK0009", Message(0, "null"), compilerIds: ["CS8625"]);

    [Fact]
    public void EveryBadDimensionIsReported()
    {
        var markup = Model("[|-1|], \"time\", [|true|]").Build();

        GeneratorRunner.Run(markup.Text)
            .AssertDiagnostics(
                new ExpectedDiagnostic("STK0009", Message(0, "-1"), markup.Spans[0]),
                new ExpectedDiagnostic("STK0009", Message(2, "True (bool)"), markup.Spans[1]))
            .AssertCompiles();
    }
}
