using System;

namespace StaticKeras;

/// <summary>
/// Declares a custom layer with its shape contract, as Keras' <c>Layer</c> subclasses with
/// <c>build</c>, <c>call</c> and <c>compute_output_shape</c>. The class must be <c>partial</c>,
/// declare <c>public Tensor Call(Tensor inputs)</c>, and declare its weights as
/// <c>[Weight(...)] partial Parameter</c> properties; the generator derives it from
/// <c>StaticKeras.Layers.CustomLayer</c> and writes <c>Build</c> and the checked <c>Call</c>.
/// </summary>
/// <remarks>
/// Signatures list dimensions without the batch, separated by commas: a name binds to the input's
/// size there (or, when it names a primary-constructor parameter, must equal it); <c>...</c> matches
/// any number of leading dimensions; an integer literal must match exactly; output dimensions may
/// use <c>+ - * /</c> (division must be exact) and parentheses. See docs/custom-layers.md.
/// </remarks>
/// <example>
/// <code>
/// [Layer(Input = "..., d", Output = "..., units")]
/// public partial class MyDense(int units)
/// {
///     [Weight("d, units", Initializer.GlorotUniform)] partial Parameter W { get; }
///     [Weight("units", Initializer.Zeros)] partial Parameter B { get; }
///     public Tensor Call(Tensor inputs) => inputs.matmul(W) + B;
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class LayerAttribute : Attribute
{
    /// <summary>The input's shape signature without the batch, e.g. <c>"..., d"</c> or <c>"t, d"</c>.</summary>
    public string Input { get; set; } = "...";

    /// <summary>The output's shape signature without the batch, e.g. <c>"..., units"</c> or <c>"t, 2 * d"</c>.</summary>
    public string Output { get; set; } = "...";
}
