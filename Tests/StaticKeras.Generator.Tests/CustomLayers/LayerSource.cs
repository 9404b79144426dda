using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Tests.Infrastructure;

namespace StaticKeras.Generator.Tests.CustomLayers;

/// <summary>
/// Builds the source of a <c>[Layer]</c> class for a test, as a user writes it. Spans may be
/// marked <c>[|like this|]</c>; <see cref="Build"/> removes the markers.
/// </summary>
public sealed class LayerSource
{
    private readonly List<string> _members = [];
    private readonly List<string> _after = [];
    private string _attribute;
    private string _header;

    private LayerSource(string attribute, string header) => (_attribute, _header) = (attribute, header);

    /// <summary>Seed example 3: <c>MyCustomLayer(int units)</c>, (..., d) -> (..., units), W (d, units) RandomNormal, B (units) Zeros.</summary>
    public static LayerSource MyCustomLayer() => Layer("Input = \"..., d\", Output = \"..., units\"", "public partial class MyCustomLayer(int units)")
        .Member("[Weight(\"d, units\", Initializer.RandomNormal)] partial Parameter W { get; }")
        .Member("[Weight(\"units\", Initializer.Zeros)] partial Parameter B { get; }")
        .Member("public Tensor Call(Tensor inputs) => inputs.matmul(W) + B;");

    /// <summary>A class with <c>[Layer(arguments)]</c> and the given header, no members yet.</summary>
    public static LayerSource Layer(string arguments, string header) => new(arguments, header);

    /// <summary>Adds a member.</summary>
    public LayerSource Member(string member)
    {
        _members.Add(member);
        return this;
    }

    /// <summary>Adds code after the class (a model using it, say).</summary>
    public LayerSource After(string code)
    {
        _after.Add(code);
        return this;
    }

    /// <summary>The source with markers removed, and the marked spans.</summary>
    public Markup Build() => Markup.Parse(ToString());

    /// <summary>The source with its markers.</summary>
    public override string ToString()
    {
        var lines = new List<string>
        {
            "using StaticKeras;", "using StaticKeras.Layers;", "using TorchSharp.Modules;", "using static TorchSharp.torch;", string.Empty,
            "namespace Samples;", string.Empty,
            $"[Layer({_attribute})]", _header, "{",
        };
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
