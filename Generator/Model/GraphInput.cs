using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>One <c>[Input(...)]</c> parameter of a <c>[Graph]</c> method: a model input (Keras' <c>InputLayer</c>).</summary>
/// <param name="Name">The parameter's name, the input's name in the summary and in messages.</param>
/// <param name="Shape">Its declared shape without the batch dimension.</param>
/// <param name="Location">The parameter, where input diagnostics go.</param>
internal sealed record GraphInput(string Name, Shape Shape, SourceLocation Location);
