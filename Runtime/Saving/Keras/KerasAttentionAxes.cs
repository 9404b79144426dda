using System.Linq;
using System.Text.Json.Nodes;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Keras' MultiHeadAttention writes <c>attention_axes</c> as the axes it resolved when built ([1] for a
/// (batch, steps, features) query), where StaticKeras' default is null: every axis between batch and
/// features. One rule for the loader's config check and for Tools/KerasImport, which links this file.
/// </summary>
internal static class KerasAttentionAxes
{
    /// <summary>Whether <paramref name="axes"/> (a list or one integer) are the default axes of <paramref name="layer"/>'s query (its build_config).</summary>
    /// <param name="axes">The config's <c>attention_axes</c>.</param>
    /// <param name="layer">The layer's entry in <c>config.json</c>: <c>build_config.shapes_dict.query_shape</c> gives the query's rank.</param>
    public static bool AreDefault(JsonNode? axes, JsonNode? layer)
    {
        if (layer?["build_config"]?["shapes_dict"]?["query_shape"] is not JsonArray query || axes is null)
        {
            return false;
        }

        var given = axes is JsonArray list ? list.ToArray() : [axes];
        var expected = Enumerable.Range(1, query.Count - 2).ToArray();
        return given.Length == expected.Length
            && given.Zip(expected).All(p => p.First is JsonValue value && value.TryGetValue<int>(out var axis) && axis == p.Second);
    }
}
