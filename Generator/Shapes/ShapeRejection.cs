using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// A layer-specific shape rule's verdict as a diagnostic: its id, the constructor parameter whose
/// argument caused it (reported there; <see langword="null"/> for the layer's initializer), and the
/// message arguments after the layer's type and name.
/// </summary>
/// <param name="Id">The diagnostic id, e.g. <c>STK1005</c>.</param>
/// <param name="Parameter">The constructor parameter to report at, e.g. <c>kernelSize</c>.</param>
/// <param name="Arguments">The message arguments from <c>{2}</c> on.</param>
internal sealed record ShapeRejection(string Id, string? Parameter, EquatableArray<string> Arguments);
