using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// STK0080: in a model marked <c>[ExportOnnx]</c>, each layer the runtime's ONNX export cannot write,
/// reported on that layer (or on the argument that rules the export out). The rules mirror the
/// runtime layers' <c>HasOnnxForm</c>; the runtime still refuses such a layer by name if no
/// attribute asked for the check.
/// </summary>
internal static class OnnxExportChecks
{
    // The activations ONNX's RNN, LSTM and GRU operators take by name without parameters.
    private static readonly ActivationKind[] s_recurrentActivations = [ActivationKind.Tanh, ActivationKind.Sigmoid, ActivationKind.Relu, ActivationKind.Softplus];

    /// <summary>Whether <paramref name="type"/> carries <c>[ExportOnnx]</c>.</summary>
    public static bool IsRequested(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.ExportOnnxAttribute);

    /// <summary>Reports STK0080 for each layer of <paramref name="layers"/> with no ONNX form.</summary>
    public static void Check(string model, IEnumerable<LayerDeclaration> layers, ReadContext context)
    {
        var all = layers.ToList();
        // The export carries Keras' masks to GlobalAveragePooling1D and the attention layers, but ONNX's
        // recurrent operators cannot skip masked steps: with a layer that makes a mask, each recurrent layer
        // has no ONNX form (a declaration-level judgement, as the runtime's).
        var producer = all.FirstOrDefault(l => l.Mask == MaskRule.Produces);
        foreach (var layer in all)
        {
            var problem = Problem(layer);
            if (problem is null && producer is not null && layer is RecurrentDeclaration or BidirectionalDeclaration)
            {
                problem = ($"it can take the mask layer '{producer.Name}' makes, and ONNX's recurrent operators cannot skip masked steps", layer.Location);
            }

            if (problem is { } found)
            {
                context.Report(DiagnosticDescriptors.NoOnnxForm, found.Location, layer.TypeName, layer.Name, found.Reason, model);
            }
        }
    }

    private static (string Reason, SourceLocation Location)? Problem(LayerDeclaration layer) => layer switch
    {
        CustomLayerDeclaration => ("a custom layer's Call is C# code, which ONNX cannot express", layer.Location),
        NestedModelDeclaration { OnnxProblem: { } inner } => ($"its {inner}", layer.Location),
        RecurrentDeclaration r when !s_recurrentActivations.Contains(r.Activation) =>
            ($"its activation {Name(r.Activation)} is not one ONNX's recurrent operators name (tanh, sigmoid, relu, softplus)", r.LocationOf("activation")),
        RecurrentDeclaration r when r.Kind != Shapes.RecurrentKind.SimpleRNN && !s_recurrentActivations.Contains(r.RecurrentActivation) =>
            ($"its recurrent activation {Name(r.RecurrentActivation)} is not one ONNX's recurrent operators name (tanh, sigmoid, relu, softplus)", r.LocationOf("recurrentActivation")),
        BatchNormalizationDeclaration b when b.Axis != -1 => ($"it normalizes axis {b.Axis}; the export folds axis -1 only", b.LocationOf("axis")),
        LayerNormalizationDeclaration n when !(n.Axes.Count == 1 && n.Axes[0] == -1) => ("it normalizes over other axes than -1; ONNX's LayerNormalization takes the last", n.LocationOf("axis")),
        LayerNormalizationDeclaration n when !n.Center || !n.Scale => ("it has no center or no scale; the export writes ONNX's LayerNormalization with both", n.LocationOf(!n.Center ? "center" : "scale")),
        DepthwiseConvDeclaration d when d.Padding == Shapes.PaddingKind.Same && d.Strides.Any(x => x > 1) && d.Dilation.Any(x => x > 1) =>
            ("it pads 'same' with strides and dilation both above 1, an amount ONNX's Conv cannot pad without the input's size", d.LocationOf("padding")),
        BidirectionalDeclaration { Layer: var f, BackwardLayer: { } b }
            when (b.Kind, b.Units, b.UseBias, b.ResetAfter, b.Activation, b.RecurrentActivation) != (f.Kind, f.Units, f.UseBias, f.ResetAfter, f.Activation, f.RecurrentActivation) =>
            ("its backward layer is configured otherwise than its forward layer; one ONNX operator runs both directions", b.Location),
        BidirectionalDeclaration bi when Problem(bi.Layer) is { } wrapped => ($"its wrapped {bi.Layer.TypeName}: {wrapped.Reason}", wrapped.Location),
        TimeDistributedDeclaration td when Problem(td.Layer) is { } wrapped => ($"its wrapped {td.Layer.TypeName}: {wrapped.Reason}", wrapped.Location),
        _ => null,
    };

    /// <summary>Why <paramref name="layer"/> has no ONNX form, or <see langword="null"/> when it has one.</summary>
    public static string? Reason(LayerDeclaration layer) => Problem(layer)?.Reason;

    private static string Name(ActivationKind activation) => activation switch
    {
        ActivationKind.LeakyRelu => "leaky_relu",
        _ => activation.ToString().ToLowerInvariant(),
    };
}
