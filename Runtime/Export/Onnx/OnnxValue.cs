namespace StaticKeras.Export.Onnx;

/// <summary>
/// A value of the ONNX graph being written: a graph input, an initializer or a node's output, known by its
/// unique name. A custom layer's <c>ExportOnnx</c> receives its input as one and returns its output as one;
/// <see cref="OnnxBuilder"/> makes the others.
/// </summary>
public readonly record struct OnnxValue
{
    internal OnnxValue(string name) => Name = name;

    /// <summary>The value's name in the ONNX graph (<c>custom/MatMul</c>); null for <c>default(OnnxValue)</c>.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => Name ?? "(no value)";
}
