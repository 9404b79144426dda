using System;

namespace StaticKeras;

/// <summary>
/// Declares a Keras functional model: the class's layer fields and get-only properties are wired
/// together by its <see cref="GraphAttribute"/> method, straight-line code over <c>layer.Call(x)</c>
/// that the generator reads as a graph (chains, branches, shared layers). The class must be
/// <c>partial</c>; its inputs are the graph method's <see cref="InputAttribute"/> parameters.
/// </summary>
/// <example>
/// <code>
/// [Model]
/// [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
/// public partial class SmallCnn
/// {
///     readonly Conv2D conv = new(32, (3, 3), Activation.Relu);
///     readonly Flatten flatten = new();
///     readonly Dense classifier = new(10, Activation.Softmax);
///
///     [Graph]
///     Tensor Call([Input(28, 28, 1)] Tensor image) => classifier.Call(flatten.Call(conv.Call(image)));
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ModelAttribute : Attribute
{
}
