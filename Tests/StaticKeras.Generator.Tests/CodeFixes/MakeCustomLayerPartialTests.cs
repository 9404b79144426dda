using System.Threading.Tasks;
using StaticKeras.CodeFixes;
using Xunit;

namespace StaticKeras.Generator.Tests.CodeFixes;

/// <summary>STK0052's fix: "Make 'X' partial" on a [Layer] class (and its containing types) when only partial is missing.</summary>
public sealed class MakeCustomLayerPartialTests
{
    private const string Usings = """
        using StaticKeras;
        using StaticKeras.Layers;
        using static TorchSharp.torch;

        namespace Samples;

        """;

    private readonly CodeFixRunner _runner = new(new MakeCustomLayerPartialCodeFixProvider(), "STK0052");

    [Fact]
    public async Task TopLevelLayer()
    {
        const string before = Usings + """
            [Layer(Input = "..., d", Output = "..., d")]
            public sealed class Plain
            {
                public Tensor Call(Tensor inputs) => inputs;
            }
            """;
        const string after = Usings + """
            [Layer(Input = "..., d", Output = "..., d")]
            public sealed partial class Plain
            {
                public Tensor Call(Tensor inputs) => inputs;
            }
            """;

        var fixedSource = await _runner.Fix(before, "Make 'Plain' partial");

        Assert.Equal(after, fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    [Fact]
    public async Task LayerThatAlreadyNamesCustomLayerAsItsBase()
    {
        const string before = Usings + """
            [Layer(Input = "..., d", Output = "..., d")]
            class Plain : CustomLayer
            {
                public Tensor Call(Tensor inputs) => inputs;
            }
            """;

        var fixedSource = await _runner.Fix(before, "Make 'Plain' partial");

        Assert.Equal(before.Replace("class Plain", "partial class Plain"), fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    // STK0052 is reported once, at the layer; its containing types need `partial` as well.
    [Fact]
    public async Task NestedLayerAndItsContainingType()
    {
        const string before = Usings + """
            internal static class Layers
            {
                [Layer(Input = "..., d", Output = "..., d")]
                public class Plain
                {
                    public Tensor Call(Tensor inputs) => inputs;
                }
            }
            """;
        const string after = Usings + """
            internal static partial class Layers
            {
                [Layer(Input = "..., d", Output = "..., d")]
                public partial class Plain
                {
                    public Tensor Call(Tensor inputs) => inputs;
                }
            }
            """;

        var fixedSource = await _runner.Fix(before, "Make 'Plain' and 'Layers' partial");

        Assert.Equal(after, fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    [Fact]
    public async Task FixAllWithTwoLayersInOneContainingType()
    {
        const string before = Usings + """
            static class Layers
            {
                [Layer(Input = "..., d", Output = "..., d")]
                public class First { public Tensor Call(Tensor inputs) => inputs; }

                [Layer(Input = "..., d", Output = "..., d")]
                public class Second { public Tensor Call(Tensor inputs) => inputs; }
            }
            """;
        const string after = Usings + """
            static partial class Layers
            {
                [Layer(Input = "..., d", Output = "..., d")]
                public partial class First { public Tensor Call(Tensor inputs) => inputs; }

                [Layer(Input = "..., d", Output = "..., d")]
                public partial class Second { public Tensor Call(Tensor inputs) => inputs; }
            }
            """;

        var fixedSource = await _runner.FixAllInDocument(before);

        Assert.Equal(after, fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    // `partial` alone would leave STK0052 standing: no single edit is right, so nothing is offered.
    [Theory]
    [InlineData("public class Plain : System.Collections.Generic.List<int>")]
    [InlineData("public class Plain<T>")]
    [InlineData("public static class Plain")]
    [InlineData("public record Plain")]
    public async Task NoFixWhenMoreThanPartialIsWrong(string header) => Assert.Empty(await _runner.Titles(Usings + $$"""
        [Layer(Input = "..., d", Output = "..., d")]
        {{header}}
        {
            public Tensor Call(Tensor inputs) => inputs;
        }
        """));
}
