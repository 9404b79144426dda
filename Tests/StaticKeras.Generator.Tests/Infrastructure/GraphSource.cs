using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// Builds the source of a functional <c>[Model]</c> declaration for a test: attributes, layer
/// members and the <c>[Graph]</c> method, as a user would write them. Spans may be marked
/// <c>[|like this|]</c>; <see cref="Build"/> removes the markers.
/// </summary>
public sealed class GraphSource
{
    private readonly List<string> _attributes = [];
    private readonly List<string> _members = [];
    private readonly List<string> _after = [];
    private string _name;

    private GraphSource(string name) => _name = name;

    /// <summary>A <c>[Model]</c> class with no members yet.</summary>
    public static GraphSource Model(string name = "Net") => new(name);

    /// <summary>Seed Example 2: the small CNN of DESIGN.md, as a functional model.</summary>
    public static GraphSource SmallCnn() => Model("SmallCnn")
        .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
        .Layer("readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);")
        .Layer("readonly MaxPooling2D pool1 = new((2, 2));")
        .Layer("readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu);")
        .Layer("readonly MaxPooling2D pool2 = new((2, 2));")
        .Layer("readonly Flatten flatten = new();")
        .Layer("readonly Dense hidden = new(128, Activation.Relu);")
        .Layer("readonly Dense classifier = new(10, Activation.Softmax);")
        .Graph(
            "[Graph]",
            "Tensor Call([Input(28, 28, 1)] Tensor image)",
            "{",
            "    var x = pool1.Call(conv1.Call(image));",
            "    x = pool2.Call(conv2.Call(x));",
            "    return classifier.Call(hidden.Call(flatten.Call(x)));",
            "}");

    /// <summary>Adds <c>[Compile(arguments)]</c>.</summary>
    public GraphSource Compile(string arguments) => Attribute("Compile(" + arguments + ")");

    /// <summary>Adds an attribute line to the class.</summary>
    public GraphSource Attribute(string attribute)
    {
        _attributes.Add(attribute);
        return this;
    }

    /// <summary>Sets the class name as written (it may carry markers).</summary>
    public GraphSource Name(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Adds a layer member (any member, in fact) in declaration order.</summary>
    public GraphSource Layer(string member)
    {
        _members.Add(member);
        return this;
    }

    /// <summary>Adds the graph method (or any method), one line per argument.</summary>
    public GraphSource Graph(params string[] lines)
    {
        _members.Add(string.Empty);
        _members.AddRange(lines);
        return this;
    }

    /// <summary>Adds code after the class, in the same namespace.</summary>
    public GraphSource After(string code)
    {
        _after.Add(code);
        return this;
    }

    /// <summary>The source with markers removed, and the marked spans.</summary>
    public Markup Build() => Markup.Parse(ToString());

    /// <summary>The source with its markers.</summary>
    public override string ToString()
    {
        var lines = new List<string> { "using StaticKeras;", "using StaticKeras.Layers;", "using static TorchSharp.torch;", string.Empty, "namespace Samples;", string.Empty, "[Model]" };
        lines.AddRange(_attributes.Select(a => $"[{a}]"));
        lines.Add($"public partial class {_name}");
        lines.Add("{");
        lines.AddRange(_members.Select(m => m.Length == 0 ? m : "    " + m));
        lines.Add("}");
        lines.AddRange(_after);
        return string.Join("\n", lines) + "\n";
    }
}
