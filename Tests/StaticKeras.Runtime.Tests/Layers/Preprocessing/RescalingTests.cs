using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Preprocessing;

public sealed class RescalingTests
{
    [Theory]
    [InlineData(1.0 / 255, 0.0)]
    [InlineData(2.0, -1.0)]
    public void Conforms(double scale, double offset) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new Rescaling(scale, offset),
        BuildShape = [4, 4, 3],
        Shapes = [([2, 4, 4, 3], [2, 4, 4, 3])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => x * scale + offset,
    });

    [Fact]
    public void MapsIntegerPixelsToFloatsAsKeras()
    {
        // Keras 3.16: keras.layers.Rescaling(1/255, offset=-1)([[0, 255, 51]]) = [[-1, 0, -0.8]].
        var y = new Rescaling(1.0 / 255, offset: -1).Call(tensor(new byte[] { 0, 255, 51 }).reshape(1, 3));
        Assert.Equal(ScalarType.Float32, y.dtype);
        Numerics.AssertClose(Numerics.Doubles([-1, 0, -0.8], 1, 3), y, 1e-6, "Rescaling(1/255, -1)");
    }
}
