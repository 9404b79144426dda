using System.Linq;
using StaticKeras.Generator.Reading;

namespace StaticKeras.Generator.Diagnostics;

/// <summary>The built-in layer types [Sequential] models support, as STK0005 lists them.</summary>
internal static class SupportedLayers
{
    /// <summary>The names (not MultiHeadAttention or Attention, which take a query and a value: graphs only), sorted and comma-separated: <c>ActivationLayer, AveragePooling1D, ...</c>.</summary>
    public static string List { get; } = string.Join(
        ", ", new[] { "ActivationLayer", "Dense", "Dropout", "Flatten" }.Concat(RuleLayerFactory.TypeNames.Where(n => n is not ("MultiHeadAttention" or "Attention"))).OrderBy(n => n, System.StringComparer.Ordinal));
}
