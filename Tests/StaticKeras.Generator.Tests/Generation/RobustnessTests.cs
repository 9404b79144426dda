using System.Linq;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>Code being typed is often broken; the generator must never throw on it (no CS8785) and never add errors of its own to the compiler's.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("readonly Dense hidden = new(128, ;")]
    [InlineData("readonly Dense hidden = new(128, Activation.);")]
    [InlineData("readonly Dense hidden = new(\"128\");")]
    [InlineData("readonly Dense = new(10);")]
    [InlineData("readonly Unknown thing = new(10);")]
    [InlineData("readonly Dense hidden = new(10) { };")]
    [InlineData("readonly Dense hidden = new(10), other = new(5);")]
    [InlineData("readonly Dense hidden = default!;")]
    [InlineData("readonly Dense hidden = null!;")]
    [InlineData("readonly Dense hidden = new(units: 10, units: 5);")]
    public void BrokenLayerDeclarationsDoNotCrashTheGenerator(string member)
    {
        var run = GeneratorRunner.Run(ModelSource.Sequential().Layer("readonly Flatten flatten = new();").Layer(member).ToString());

        Assert.DoesNotContain(run.CompilationDiagnostics(), d => d.Id is "CS8784" or "CS8785");
        Assert.All(run.Diagnostics, d => Assert.StartsWith("STK", d.Id));
    }

    [Theory]
    [InlineData("[Sequential, Input(28, ]\npublic partial class M { readonly Dense d = new(1); }")]
    [InlineData("[Sequential, Input(28)]\n[Compile(Optimizer.Adam)]\npublic partial class M { readonly Dense d = new(1); }")]
    [InlineData("[Sequential, Input(28)]\n[Compile(Loss.Nope)]\npublic partial class M { readonly Dense d = new(1); }")]
    [InlineData("[Sequential, Input(28)]\npublic partial class")]
    [InlineData("[Sequential(3), Input(28)]\npublic partial class M { readonly Dense d = new(1); }")]
    public void BrokenAttributesDoNotCrashTheGenerator(string declaration)
    {
        var run = GeneratorRunner.Run("using StaticKeras;\nusing StaticKeras.Layers;\n" + declaration);

        Assert.DoesNotContain(run.CompilationDiagnostics(), d => d.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "STK9001");
    }

    [Fact]
    public void ALayerThatDoesNotCompileLeavesOnlyTheCompilersError()
    {
        var run = GeneratorRunner.Run(ModelSource.Sequential().Layer("readonly Dense hidden = new(\"128\");").ToString());

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["CS1503"], run.CompilationDiagnostics().Select(d => d.Id));
    }
}
