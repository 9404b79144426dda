using System.Threading.Tasks;
using StaticKeras.CodeFixes;
using Xunit;

namespace StaticKeras.Generator.Tests.CodeFixes;

/// <summary>STK0054's fix: "Make 'W' partial" on a [Weight] property that lacks only partial.</summary>
public sealed class MakeWeightPartialTests
{
    private readonly CodeFixRunner _runner = new(new MakeWeightPartialCodeFixProvider(), "STK0054");

    private static string Layer(params string[] weights) => $$"""
        using StaticKeras;
        using StaticKeras.Layers;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Samples;

        [Layer(Input = "..., d", Output = "..., d")]
        public partial class Scale
        {
        {{string.Join("\n", weights)}}

            public Tensor Call(Tensor inputs) => inputs * W;
        }
        """;

    [Fact]
    public async Task PropertyWithoutModifiers()
    {
        var fixedSource = await _runner.Fix(Layer("""    [Weight("d")] Parameter W { get; }"""), "Make 'W' partial");

        Assert.Equal(Layer("""    [Weight("d")] partial Parameter W { get; }"""), fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    [Fact]
    public async Task AttributeOnItsOwnLineAndAnAccessModifier()
    {
        var fixedSource = await _runner.Fix(Layer("    [Weight(\"d\")]", "    public Parameter W { get; }"), "Make 'W' partial");

        Assert.Equal(Layer("    [Weight(\"d\")]", "    public partial Parameter W { get; }"), fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    [Fact]
    public async Task FixAllInDocument()
    {
        var fixedSource = await _runner.FixAllInDocument(Layer("""    [Weight("d")] Parameter W { get; }""", """    [Weight("d")] internal Parameter B { get; }"""));

        Assert.Equal(Layer("""    [Weight("d")] partial Parameter W { get; }""", """    [Weight("d")] internal partial Parameter B { get; }"""), fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    // A setter, a body, an initializer, static or another type: `partial` alone would not do.
    [Theory]
    [InlineData("Parameter W { get; set; }")]
    [InlineData("Parameter W => null!;")]
    [InlineData("Parameter W { get; } = null!;")]
    [InlineData("static Parameter W { get; }")]
    [InlineData("Tensor W { get; }")]
    public async Task NoFixWhenMoreThanPartialIsWrong(string property) =>
        Assert.Empty(await _runner.Titles(Layer("    [Weight(\"d\")] " + property)));
}
