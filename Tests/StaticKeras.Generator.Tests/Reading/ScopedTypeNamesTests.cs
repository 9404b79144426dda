using System.Linq;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Reading;

/// <summary>
/// A layer's type name is bound once per compilation for all models declared in the same scope
/// (<c>ScopedTypeNames</c>); a model whose scope gives the name another meaning binds it for itself.
/// </summary>
public sealed class ScopedTypeNamesTests
{
    private const string Usings = "using StaticKeras;\nusing StaticKeras.Layers;\n\n";

    private static string Model(string @namespace, string name, string extra = "") =>
        Usings + $"namespace {@namespace};\n\n[Sequential, Input(4)]\n[Compile(Optimizer.Adam, Loss.MeanSquaredError)]\npublic partial class {name}\n{{\n    readonly Dense output = new(1, Activation.Relu);\n{extra}}}\n";

    [Fact]
    public void AModelInANamespaceWithItsOwnDenseDoesNotGetTheLayer()
    {
        // The same usings, the same text of member: only the namespace tells the two 'Dense' apart.
        var run = GeneratorRunner.Run(
            Model("One", "First"),
            Model("Two", "Second"),
            "namespace Two;\n\npublic sealed class Dense(int units, StaticKeras.Activation activation);\n");

        Assert.Contains(run.Sources, s => s.HintName == "One.First.g.cs");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("STK0007", diagnostic.Id);
        Assert.Contains("'Second'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ANestedTypeNamedLikeTheLayerIsTheModelsOwn()
    {
        // One namespace, the same usings: 'Dense' names the runtime's layer in First (read first, so
        // bound for the scope) and the class's own nested class in Second.
        var run = GeneratorRunner.Run(
            Model("One", "First"),
            Model("One", "Second", "    public sealed class Dense(int units, Activation activation);\n"));

        Assert.Contains(run.Sources, s => s.HintName == "One.First.g.cs");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("STK0007", diagnostic.Id);
        Assert.Contains("'Second'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFileLocalTypeNamedLikeTheLayerIsSeenOnlyInItsFile()
    {
        // One namespace, the same usings: in Second's file, 'Dense' is the file-local class.
        var run = GeneratorRunner.Run(
            Model("One", "First"),
            Model("One", "Second") + "\nfile sealed class Dense(int units, Activation activation);\n");

        Assert.Contains(run.Sources, s => s.HintName == "One.First.g.cs");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("STK0007", diagnostic.Id);
        Assert.Contains("'Second'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
