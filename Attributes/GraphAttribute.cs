using System;

namespace StaticKeras;

/// <summary>
/// Marks the method of a <see cref="ModelAttribute"/> class that wires its layers together, as
/// Keras' functional API does with <c>keras.Model(inputs, outputs)</c>. Each parameter is a model
/// input with an <see cref="InputAttribute"/>; the body is straight-line code of
/// <c>var x = layer.Call(...);</c>, <c>x = layer.Call(...);</c> and a final <c>return</c>. The
/// generator reads it as a graph at build time; at run time it is ordinary C# a debugger can step through.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class GraphAttribute : Attribute
{
}
