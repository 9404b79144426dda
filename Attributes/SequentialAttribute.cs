using System;

namespace StaticKeras;

/// <summary>
/// Declares a Keras <c>Sequential</c> model: the class's layer fields and get-only properties run in
/// declaration order. The class must be <c>partial</c> and carry an <see cref="InputAttribute"/>.
/// </summary>
/// <example>
/// <code>
/// [Sequential, Input(28, 28)]
/// [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
/// public partial class MnistMlp
/// {
///     readonly Flatten flatten = new();
///     readonly Dense hidden = new(128, Activation.Relu);
///     readonly Dense output = new(10, Activation.Softmax);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SequentialAttribute : Attribute
{
}
