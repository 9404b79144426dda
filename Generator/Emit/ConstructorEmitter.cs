using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes the constructor: every layer of the model with weights is built once,
/// with the static input shape of its first call (a shared layer's later calls were checked to
/// need the same weights), then registered under its member name. A model used as a layer was
/// built by its own constructor and is only registered.
/// </summary>
internal static class ConstructorEmitter
{
    // /// <summary>Creates the model with every weight allocated and initialized as Keras does.</summary>
    // public SmallCnn() : base("SmallCnn")
    // {
    //     conv1.Build(28, 28, 1);  // kernel (3, 3, 1, 32), bias (32,)
    //     register_module("conv1", conv1);
    // }
    /// <summary>Writes the constructor.</summary>
    public static void Write(CodeWriter writer, InferredModel model)
    {
        var name = model.Declaration.Type.Name;
        var layers = model.LiveLayers();
        writer.Line("/// <summary>Creates the model with every weight allocated and initialized as Keras does.</summary>");
        using (writer.Block($"public {name}() : base({Literals.String(name)})"))
        {
            writer.Lines(layers
                .Where(pair => pair.FirstCall.Weights.Count > 0 && pair.Layer is not NestedModelDeclaration)
                .Select(pair => new CodeLine(
                    $"{pair.Layer.Identifier}.Build({BuildArguments(pair.FirstCall.Inputs)});",
                    string.Join(", ", pair.FirstCall.Weights))));
            foreach (var (layer, _) in layers)
            {
                writer.Line($"register_module({Literals.String(layer.Name)}, {layer.Identifier});");
            }
        }
    }

    // One input: its sizes, `28, 28, 1`; several (attention's query, value, key): one list each, `[8, 16], [8, 16]`.
    private static string BuildArguments(EquatableArray<Shapes.Shape> inputs)
    {
        string Sizes(Shapes.Shape shape) => string.Join(", ", shape.Dims.Select(d => Formatting.Number(d.IsKnown ? d.Size : -1)));
        return inputs.Count == 1 ? Sizes(inputs[0]) : string.Join(", ", inputs.Select(i => "[" + Sizes(i) + "]"));
    }
}
