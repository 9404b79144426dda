using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes the constructor: every layer with weights is built with its static input shape (no
/// lazy build), then every layer is registered under its member name for state_dict and to(device).
/// </summary>
internal static class ConstructorEmitter
{
    // /// <summary>Creates the model with every weight allocated and initialized as Keras does.</summary>
    // public MnistMlp() : base("MnistMlp")
    // {
    //     hidden.Build(784);  // kernel (784, 128), bias (128,)
    //     register_module("flatten", flatten);
    //     register_module("hidden", hidden);
    // }
    /// <summary>Writes the constructor.</summary>
    public static void Write(CodeWriter writer, InferredModel model)
    {
        var name = model.Declaration.Type.Name;
        writer.Line("/// <summary>Creates the model with every weight allocated and initialized as Keras does.</summary>");
        using (writer.Block($"public {name}() : base({Literals.String(name)})"))
        {
            writer.Lines(model.Layers
                .Where(pair => pair.Shape.Weights.Count > 0)
                .Select(pair => new CodeLine(
                    $"{pair.Layer.Identifier}.Build({string.Join(", ", pair.Shape.Input.Dims.Select(d => Formatting.Number(d.IsKnown ? d.Size : -1)))});",
                    string.Join(", ", pair.Shape.Weights))));
            foreach (var (layer, _) in model.Layers)
            {
                writer.Line($"register_module({Literals.String(layer.Name)}, {layer.Identifier});");
            }
        }
    }
}
