using System;

namespace StaticKeras;

/// <summary>
/// Says that the model is exported to ONNX (<c>model.ExportOnnx(path)</c>), so the build checks that
/// it can be: every layer without an ONNX form (a custom <c>[Layer]</c>, a model used as a layer, a
/// recurrent activation ONNX's recurrent operators cannot name, a normalization over other axes) is
/// a build error (STK0080) on that layer, instead of a <see cref="NotSupportedException"/> at run time.
/// </summary>
/// <example>
/// <code>
/// [Sequential, Input(28, 28), ExportOnnx]
/// public partial class MnistMlp
/// {
///     readonly Flatten flatten = new();
///     readonly Dense output = new(10, Activation.Softmax);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ExportOnnxAttribute : Attribute
{
}
