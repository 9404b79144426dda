using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>Where one constructor argument of a layer is written, so a shape error it causes is reported there.</summary>
/// <param name="Parameter">The constructor parameter's name, e.g. <c>kernelSize</c>.</param>
/// <param name="Location">The argument's syntax.</param>
internal sealed record ArgumentSite(string Parameter, SourceLocation Location);
