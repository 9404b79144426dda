using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

public sealed class ResizingBackwardTests
{
    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(0, 2, 3, 0)]
    [InlineData(2, 1, 0, 1)]
    public void ZeroPadding2DMatchesAutograd(int top, int bottom, int left, int right)
    {
        random.manual_seed(31);
        var pad = new ZeroPadding2D((top, bottom), (left, right));
        BackwardCheck.Layer(pad, randn(2, 5, 4, 3, ScalarType.Float64), pad.Backward);
        BackwardCheck.Layer(pad, randn(1, 3, 7, 2, ScalarType.Float64), pad.Backward);
    }

    [Theory]
    [InlineData(2, 2, Interpolation.Nearest)]
    [InlineData(3, 1, Interpolation.Nearest)]
    [InlineData(2, 2, Interpolation.Bilinear)]
    [InlineData(3, 2, Interpolation.Bilinear)]
    [InlineData(1, 4, Interpolation.Bilinear)]
    public void UpSampling2DMatchesAutograd(int sizeH, int sizeW, Interpolation interpolation)
    {
        random.manual_seed(32);
        var up = new UpSampling2D((sizeH, sizeW), interpolation);
        BackwardCheck.Layer(up, randn(2, 5, 4, 3, ScalarType.Float64), up.Backward);
        BackwardCheck.Layer(up, randn(1, 1, 7, 2, ScalarType.Float64), up.Backward);
    }
}
