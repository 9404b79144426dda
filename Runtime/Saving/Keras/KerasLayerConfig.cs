using System.Text.Json.Nodes;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>A layer's own Keras configuration entries, whatever its base class.</summary>
internal static class KerasLayerConfig
{
    /// <summary>The entries <paramref name="layer"/> adds to Keras' <c>get_config()</c> (no name, trainable or dtype).</summary>
    public static JsonObject Own(nn.Module layer)
    {
        var config = new JsonObject();
        switch (layer)
        {
            case Layer single:
                single.DescribeKeras(config);
                break;
            case MergeLayer merge:
                merge.DescribeKeras(config);
                break;
        }

        return config;
    }
}
