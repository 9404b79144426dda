using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// A synthetic user project for the generator benchmarks: Sequential and functional models of
/// Dense/Dropout/Activation layers, and ordinary classes that have nothing to do with models,
/// compiled against the same references a project using StaticKeras has.
/// </summary>
public static class SyntheticProject
{
    /// <summary>C# as the repository builds it.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>
    /// <paramref name="sequential"/> Sequential and <paramref name="functional"/> functional models of
    /// 5 to 15 layers, and <paramref name="ordinary"/> ordinary files. Files are named <c>Sequential3.cs</c>,
    /// <c>Functional2.cs</c>, <c>Ordinary17.cs</c>.
    /// </summary>
    public static CSharpCompilation Create(int sequential, int functional, int ordinary)
    {
        var trees = new List<SyntaxTree>();
        for (var i = 0; i < sequential; i++)
        {
            trees.Add(Parse($"Sequential{i}.cs", SequentialModel($"Sequential{i}", 5 + (i % 11))));
        }

        for (var i = 0; i < functional; i++)
        {
            trees.Add(Parse($"Functional{i}.cs", FunctionalModel($"Functional{i}", 5 + ((i * 3) % 11))));
        }

        for (var i = 0; i < ordinary; i++)
        {
            trees.Add(Parse($"Ordinary{i}.cs", OrdinaryFile(i)));
        }

        return Compile(trees);
    }

    /// <summary>A compilation of the given trees against the runtime, its attributes, TorchSharp and the framework.</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "SyntheticProject",
        trees,
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Parses <paramref name="text"/> as the file <paramref name="path"/>.</summary>
    public static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: path);

    /// <summary>A Sequential MLP of <paramref name="layers"/> layers: Flatten, then Dense/Dropout/Activation, then a softmax Dense.</summary>
    public static string SequentialModel(string name, int layers)
    {
        var text = new StringBuilder();
        text.Append("using StaticKeras;\nusing StaticKeras.Layers;\n\nnamespace Synthetic;\n\n");
        text.Append("[Sequential]\n[Input(28, 28)]\n[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]\n");
        text.Append("public partial class ").Append(name).Append("\n{\n");
        text.Append("    readonly Flatten flatten = new();\n");
        for (var i = 1; i < layers - 1; i++)
        {
            text.Append("    ").Append(HiddenLayer(i)).Append('\n');
        }

        text.Append("    readonly Dense output = new(10, Activation.Softmax);\n}\n");
        return text.ToString();
    }

    /// <summary>A functional model of <paramref name="layers"/> layers with one residual-free branch and merge.</summary>
    public static string FunctionalModel(string name, int layers)
    {
        var text = new StringBuilder();
        text.Append("using StaticKeras;\nusing StaticKeras.Layers;\nusing static TorchSharp.torch;\n\nnamespace Synthetic;\n\n");
        text.Append("[Model]\n[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]\n");
        text.Append("public partial class ").Append(name).Append("\n{\n");
        text.Append("    readonly Flatten flatten = new();\n");
        for (var i = 1; i < layers - 1; i++)
        {
            text.Append("    readonly Dense d").Append(i).Append(" = new(").Append(32 + i).Append(", Activation.Relu);\n");
        }

        text.Append("    readonly Dense output = new(10, Activation.Softmax);\n\n");
        text.Append("    [Graph]\n    Tensor Call([Input(28, 28)] Tensor image)\n    {\n        var x = flatten.Call(image);\n");
        for (var i = 1; i < layers - 1; i++)
        {
            text.Append("        x = d").Append(i).Append(".Call(x);\n");
        }

        text.Append("        return output.Call(x);\n    }\n}\n");
        return text.ToString();
    }

    /// <summary>A model-free file: a record, a class with a few methods and some LINQ.</summary>
    public static string OrdinaryFile(int index) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Synthetic.Ordinary{{index % 10}};

        public sealed record Point{{index}}(double X, double Y);

        public sealed class Service{{index}}
        {
            private readonly List<Point{{index}}> _points = new();

            public int Count => _points.Count;

            public void Add(double x, double y) => _points.Add(new Point{{index}}(x, y));

            public double Length()
            {
                var total = 0.0;
                for (var i = 1; i < _points.Count; i++)
                {
                    total += Math.Sqrt(Math.Pow(_points[i].X - _points[i - 1].X, 2) + Math.Pow(_points[i].Y - _points[i - 1].Y, 2));
                }

                return total;
            }

            public IEnumerable<string> Describe() => _points.Where(p => p.X > 0).Select(p => $"({p.X}, {p.Y})");
        }
        """;

    private static string HiddenLayer(int i) => (i % 3) switch
    {
        0 => $"readonly Dropout drop{i} = new(0.1);",
        1 => $"readonly Dense hidden{i} = new({16 + i}, Activation.Relu);",
        _ => $"readonly ActivationLayer act{i} = new(Activation.Tanh);",
    };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    // The shared framework the benchmark runs on, StaticKeras.Runtime, its attributes and TorchSharp.
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal) && IsManaged(p))
            .Concat([typeof(Model).Assembly.Location, typeof(SequentialAttribute).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location])
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
