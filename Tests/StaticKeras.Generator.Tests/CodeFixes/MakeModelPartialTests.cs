using System.Threading.Tasks;
using StaticKeras.CodeFixes;
using Xunit;

namespace StaticKeras.Generator.Tests.CodeFixes;

/// <summary>STK0001's fix: "Make 'X' partial" on the model class and on each containing type.</summary>
public sealed class MakeModelPartialTests
{
    private readonly CodeFixRunner _runner = new(new MakeModelPartialCodeFixProvider(), "STK0001");

    [Fact]
    public async Task TopLevelClass()
    {
        const string before = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples
            {
                [Sequential, Input(28, 28)]
                public class MnistMlp
                {
                    readonly Flatten flatten = new();
                    readonly Dense output = new(10, Activation.Softmax);
                }
            }
            """;
        const string after = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples
            {
                [Sequential, Input(28, 28)]
                public partial class MnistMlp
                {
                    readonly Flatten flatten = new();
                    readonly Dense output = new(10, Activation.Softmax);
                }
            }
            """;

        var fixedSource = await _runner.Fix(before, "Make 'MnistMlp' partial");

        Assert.Equal(after, fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    [Fact]
    public async Task ModifiersKeepTheirOrderInAFileScopedNamespace()
    {
        const string before = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples;

            /// <summary>A one-layer model.</summary>
            [Sequential, Input(3)]
            public sealed class Tiny // the smallest model
            {
                readonly Dense output = new(2);
            }
            """;
        const string after = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples;

            /// <summary>A one-layer model.</summary>
            [Sequential, Input(3)]
            public sealed partial class Tiny // the smallest model
            {
                readonly Dense output = new(2);
            }
            """;

        var fixedSource = await _runner.Fix(before, "Make 'Tiny' partial");

        Assert.Equal(after, fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    // The containing class and the model each get an STK0001 and a fix of their own; the model has
    // no modifiers, so `partial` takes over the indentation before `class`.
    private const string Nested = """
        using StaticKeras;
        using StaticKeras.Layers;

        namespace Samples;

        public static class Models
        {
            [Sequential, Input(3)]
            class Tiny
            {
                readonly Dense output = new(2);
            }
        }
        """;

    [Fact]
    public async Task ContainingTypeGetsItsOwnFix() => Assert.Equal(
        """
        using StaticKeras;
        using StaticKeras.Layers;

        namespace Samples;

        public static partial class Models
        {
            [Sequential, Input(3)]
            class Tiny
            {
                readonly Dense output = new(2);
            }
        }
        """,
        await _runner.Fix(Nested, "Make 'Models' partial", index: 0));

    [Fact]
    public async Task NestedModelWithoutModifiers() => Assert.Equal(
        """
        using StaticKeras;
        using StaticKeras.Layers;

        namespace Samples;

        public static class Models
        {
            [Sequential, Input(3)]
            partial class Tiny
            {
                readonly Dense output = new(2);
            }
        }
        """,
        await _runner.Fix(Nested, "Make 'Tiny' partial", index: 1));

    [Fact]
    public async Task FixAllMakesTheModelAndItsContainingTypesPartial()
    {
        const string after = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples;

            public static partial class Models
            {
                [Sequential, Input(3)]
                partial class Tiny
                {
                    readonly Dense output = new(2);
                }
            }
            """;

        var fixedSource = await _runner.FixAllInDocument(Nested);

        Assert.Equal(after, fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }

    [Fact]
    public async Task FixAllInADocumentWithTwoModels()
    {
        const string before = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples;

            [Sequential, Input(3)] internal class First { readonly Dense output = new(2); }

            [Sequential, Input(4)] class Second { readonly Dense output = new(2); }
            """;
        const string after = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples;

            [Sequential, Input(3)] internal partial class First { readonly Dense output = new(2); }

            [Sequential, Input(4)] partial class Second { readonly Dense output = new(2); }
            """;

        var fixedSource = await _runner.FixAllInDocument(before);

        Assert.Equal(after, fixedSource);
        (await _runner.Generate(fixedSource)).AssertClean();
    }
}
