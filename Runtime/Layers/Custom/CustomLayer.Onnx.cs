using System;
using StaticKeras.Export.Onnx;

namespace StaticKeras.Layers;

/// <summary>
/// A custom layer's ONNX form: the generated part of a <c>[Layer]</c> class that declares
/// <c>public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)</c> overrides <see cref="DeclaresOnnxForm"/>
/// and <see cref="ExportOnnxCore"/> to call it; a class without one has no ONNX form, and an export refuses it by name.
/// </summary>
public abstract partial class CustomLayer
{
    /// <summary>Whether the class declares <c>ExportOnnx(OnnxBuilder, OnnxValue)</c> (set by the generated part).</summary>
    protected virtual bool DeclaresOnnxForm => false;

    /// <summary>Runs the class's <c>ExportOnnx</c> (the generated part overrides this to call it); returns the layer's output.</summary>
    /// <exception cref="NotSupportedException">The class declares no <c>ExportOnnx</c>.</exception>
    protected virtual OnnxValue ExportOnnxCore(OnnxBuilder onnx, OnnxValue inputs) =>
        throw new NotSupportedException($"{GetType().Name} declares no ExportOnnx(OnnxBuilder, OnnxValue), so it has no ONNX form.");

    /// <inheritdoc/>
    internal sealed override bool HasOnnxForm => DeclaresOnnxForm;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The layer's ExportOnnx returned no value of the graph.</exception>
    internal sealed override string ExportOnnx(OnnxGraph graph, string input)
    {
        if (!DeclaresOnnxForm)
        {
            return base.ExportOnnx(graph, input);
        }

        var output = ExportOnnxCore(new OnnxBuilder(graph, this), new OnnxValue(input));
        return output.Name ?? throw new InvalidOperationException(
            $"{GetType().Name}.ExportOnnx must return its output, a value of the graph (its input or one OnnxBuilder made), found default(OnnxValue).");
    }
}
