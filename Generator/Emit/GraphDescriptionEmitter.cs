using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes <c>StaticGraph</c> for a <c>[Model]</c>: the functional graph the runtime describes to Keras (<c>SaveKeras</c>)
/// and to ONNX (<c>ExportOnnx</c>). Only what the runtime cannot know: which layer each call uses
/// and on which values; each layer class knows its own Keras config and ONNX nodes. A
/// <c>[Sequential]</c> model gets none: the runtime takes it as the chain of its layers.
/// </summary>
internal static class GraphDescriptionEmitter
{
    // /// <inheritdoc/>
    // protected override global::StaticKeras.ModelGraph StaticGraph => s_graph;
    //
    // private static readonly global::StaticKeras.ModelGraph s_graph = new(
    //     Inputs: new string[] { "image" },
    //     Calls: new global::StaticKeras.LayerCall[]
    //     {
    //         new("conv1", new int[] { 0 }),   // 1
    //         new("add", new int[] { 2, 1 }),  // 3
    //     },
    //     Outputs: new int[] { 3 });
    /// <summary>Writes <c>StaticGraph</c> and its backing field for the calls the outputs need.</summary>
    public static void Write(CodeWriter writer, InferredModel model)
    {
        var graph = model.Graph;
        var live = graph.LiveNodes().ToList();
        // Values renumbered over the live calls: inputs first, then live calls in order.
        var number = new Dictionary<int, int>();
        for (var i = 0; i < graph.Inputs.Count; i++)
        {
            number[i] = i;
        }

        foreach (var node in live)
        {
            number[graph.ValueOf(node)] = number.Count;
        }

        writer.Line("/// <inheritdoc/>");
        writer.Line($"{model.Declaration.OverrideModifiers} override global::StaticKeras.ModelGraph StaticGraph => s_graph;");
        writer.Line();
        writer.Line("private static readonly global::StaticKeras.ModelGraph s_graph = new(");
        writer.Line($"    Inputs: new string[] {{ {string.Join(", ", graph.Inputs.Select(i => Literals.String(i.Name)))} }},");
        writer.Line("    Calls: new global::StaticKeras.LayerCall[]");
        writer.Line("    {");
        foreach (var node in live.Select(i => graph.Nodes[i]))
        {
            writer.Line($"        new({Literals.String(node.Layer)}, new int[] {{ {string.Join(", ", node.Inputs.Select(v => Formatting.Number(number[v])))} }}),");
        }

        writer.Line("    },");
        writer.Line($"    Outputs: new int[] {{ {string.Join(", ", graph.Outputs.Select(o => Formatting.Number(number[o.Value])))} }});");
    }
}
