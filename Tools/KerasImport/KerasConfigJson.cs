using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StaticKeras.Tools.KerasImport;

/// <summary>Reading values out of Keras' <c>config.json</c>.</summary>
internal static class KerasConfigJson
{
    /// <summary>An integer, or the single element of a one-element list (<c>[3]</c>).</summary>
    public static int Int(JsonNode? node) => node is JsonArray { Count: 1 } single ? Int(single[0]) : node!.GetValue<int>();

    /// <summary>A number, written as a C# double literal.</summary>
    public static string Double(JsonNode? node) =>
        double.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Integers of a list.</summary>
    public static int[] Ints(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<int>()).ToArray();

    /// <summary>A string value, or null.</summary>
    public static string? String(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>A boolean value, or <paramref name="fallback"/> when absent.</summary>
    public static bool Bool(JsonNode? node, bool fallback) => node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? node.GetValue<bool>() : fallback;
}
