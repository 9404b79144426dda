using System;

namespace StaticKeras;

/// <summary>
/// The shape of one model input without the batch dimension, as Keras' <c>Input(shape=...)</c>.
/// Each dimension is a positive <see cref="int"/> or a <see cref="string"/> naming a symbolic size
/// (<c>[Input("time", 16)]</c>) that is checked for consistency but not known until run time.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Declares the input shape, batch dimension excluded.</summary>
    /// <param name="dimensions">Positive sizes or symbolic dimension names.</param>
    public InputAttribute(params object[] dimensions) => Dimensions = dimensions;

    /// <summary>The declared dimensions, batch excluded.</summary>
    public object[] Dimensions { get; }
}
