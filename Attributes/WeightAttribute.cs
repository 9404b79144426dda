using System;

namespace StaticKeras;

/// <summary>
/// Declares a weight of a custom layer (see <see cref="LayerAttribute"/>), as Keras'
/// <c>add_weight(shape, initializer)</c>. It marks a get-only <c>partial Parameter</c> property;
/// the generated <c>Build</c> allocates it with the exact shape and registers it under the
/// property's name.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class WeightAttribute : Attribute
{
    /// <summary>Declares a weight.</summary>
    /// <param name="shape">
    /// Its shape signature: names bound by the layer's input signature or its primary-constructor
    /// parameters, integer literals and arithmetic, e.g. <c>"d, units"</c>; no <c>...</c>.
    /// </param>
    /// <param name="initializer">How it is filled; Keras' default for <c>add_weight</c> is glorot_uniform.</param>
    public WeightAttribute(string shape, Initializer initializer = Initializer.GlorotUniform)
    {
        Shape = shape;
        Initializer = initializer;
    }

    /// <summary>The weight's shape signature.</summary>
    public string Shape { get; }

    /// <summary>How the weight is filled when the layer is built.</summary>
    public Initializer Initializer { get; }
}
