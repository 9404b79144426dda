using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// Builds the source of a model declaration for a test, line by line, as a user would write it.
/// Spans may be marked <c>[|like this|]</c> anywhere; <see cref="Build"/> removes the markers.
/// </summary>
public sealed class ModelSource
{
    private readonly List<string> _members = [];
    private readonly List<string> _attributes = [];
    private readonly List<string> _after = [];
    private string? _namespace = "Samples";
    private string _name;
    private string _declaration = "public partial class";
    private string _baseList = string.Empty;
    private string _input = "Input(28, 28)";

    private ModelSource(string name) => _name = name;

    /// <summary>A <c>[Sequential]</c> class with <c>[Input(28, 28)]</c> and no layers yet.</summary>
    public static ModelSource Sequential(string name = "MnistMlp") => new(name);

    /// <summary>Seed example 1 with a Dropout: Flatten, Dense(128, relu), Dropout(0.2), Dense(10, softmax), Adam, sparse CE, accuracy.</summary>
    public static ModelSource MnistMlp() => Sequential()
        .Compile("Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy]")
        .Layer("readonly Flatten flatten = new();")
        .Layer("readonly Dense hidden = new(128, Activation.Relu);")
        .Layer("readonly Dropout drop = new(0.2);")
        .Layer("readonly Dense output = new(10, Activation.Softmax);");

    /// <summary>Sets the namespace; <see langword="null"/> for the global namespace.</summary>
    public ModelSource Namespace(string? name)
    {
        _namespace = name;
        return this;
    }

    /// <summary>Sets the <c>[Input]</c> arguments: <c>Input("28, 28")</c> writes <c>[Input(28, 28)]</c>; <see langword="null"/> leaves it out.</summary>
    public ModelSource Input(string? arguments)
    {
        _input = arguments is null ? string.Empty : "Input(" + arguments + ")";
        return this;
    }

    /// <summary>Adds <c>[Compile(arguments)]</c>.</summary>
    public ModelSource Compile(string arguments) => Attribute("Compile(" + arguments + ")");

    /// <summary>Adds an attribute line to the class.</summary>
    public ModelSource Attribute(string attribute)
    {
        _attributes.Add(attribute);
        return this;
    }

    /// <summary>Replaces <c>public partial class</c>, e.g. with <c>public class</c>.</summary>
    public ModelSource Declaration(string modifiersAndKeyword)
    {
        _declaration = modifiersAndKeyword;
        return this;
    }

    /// <summary>Sets the class name as written (it may carry a type parameter list or markers).</summary>
    public ModelSource Name(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Adds a base list: <c>BaseList("Foo")</c> writes <c>: Foo</c>.</summary>
    public ModelSource BaseList(string types)
    {
        _baseList = " : " + types;
        return this;
    }

    /// <summary>Adds a layer member (any member, in fact) in declaration order.</summary>
    public ModelSource Layer(string member)
    {
        _members.Add(member);
        return this;
    }

    /// <summary>Adds code after the class, in the same namespace.</summary>
    public ModelSource After(string code)
    {
        _after.Add(code);
        return this;
    }

    /// <summary>The source with markers removed, and the marked spans.</summary>
    public Markup Build() => Markup.Parse(ToString());

    /// <summary>The source with its markers.</summary>
    public override string ToString()
    {
        var lines = new List<string> { "using StaticKeras;", "using StaticKeras.Layers;", string.Empty };
        if (_namespace is not null)
        {
            lines.Add($"namespace {_namespace};");
            lines.Add(string.Empty);
        }

        lines.Add(_input.Length > 0 ? $"[Sequential, {_input}]" : "[Sequential]");
        lines.AddRange(_attributes.Select(a => $"[{a}]"));
        lines.Add($"{_declaration} {_name}{_baseList}");
        lines.Add("{");
        lines.AddRange(_members.Select(m => "    " + m));
        lines.Add("}");
        foreach (var code in _after)
        {
            lines.Add(string.Empty);
            lines.Add(code);
        }

        return string.Join("\n", lines) + "\n";
    }
}
