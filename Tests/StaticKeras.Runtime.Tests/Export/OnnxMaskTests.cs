using System.Linq;
using StaticKeras.Export.Onnx;
using StaticKeras.Layers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>The ONNX export's mask rules (OnnxMasks) cover every layer type, so no layer passes or loses a mask unnoticed.</summary>
public class OnnxMaskTests
{
    [Fact]
    public void EveryLayerTypeHasAKnownMaskRule()
    {
        var unknown = typeof(Layer).Assembly.GetTypes()
            .Where(t => typeof(Layer).IsAssignableFrom(t) && !t.IsAbstract && !OnnxMasks.Knows(t))
            .Select(t => t.Name);

        Assert.Empty(unknown);
    }
}
