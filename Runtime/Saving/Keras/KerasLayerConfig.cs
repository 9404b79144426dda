using System.Text.Json.Nodes;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>A layer's own Keras configuration entries, whatever its base class.</summary>
internal static class KerasLayerConfig
{
    /// <summary>
    /// The entries <paramref name="layer"/> adds to Keras' <c>get_config()</c> (no name, trainable or
    /// dtype), or <see langword="null"/> when Keras has no such layer (custom layers).
    /// </summary>
    public static JsonObject? Own(nn.Module layer)
    {
        var config = new JsonObject();
        var known = layer switch
        {
            Layer single => single.TryDescribeKeras(config),
            MergeLayer merge => merge.TryDescribeKeras(config),
            MultiInputLayer attention => attention.TryDescribeKeras(config),
            _ => false,
        };
        return known ? config : null;
    }
}
