using System;
using static TorchSharp.torch;

namespace StaticKeras.Platform;

/// <summary>
/// Small float32 convolutions, forward and backward, whose results are compared with the same ones in
/// float64 (which libtorch never runs on oneDNN): the evidence <see cref="OneDnnConvolutionCheck"/> decides on.
/// </summary>
/// <remarks>
/// The two cases are those found wrong with libtorch 2.10's oneDNN 3.7.1 on an AMD EPYC (family 26, AVX-512,
/// virtualized): a 1-D convolution with 24 input and 4 output channels, channel counts that oneDNN pads to
/// its 16-channel blocks (forward output and dL/dinput off by about the values' size, sometimes NaN, also at
/// <c>ONEDNN_MAX_CPU_ISA=AVX2</c>; right at SSE41), and a depthwise convolution with a channel multiplier on
/// channels-last input, as this library's channels-last layers give it (forward and dL/dinput wrong). Both
/// are right on ATen's own kernels.
/// </remarks>
internal static class ConvolutionProbes
{
    /// <summary>The largest relative error accepted: float32 round-off on sums of a few dozen products is far below it.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>
    /// The largest relative error, over both cases and over output, dL/dinput and dL/dweight, of float32
    /// against float64 (NaN counts as infinitely wrong); and the case it came from.
    /// </summary>
    public static (double Error, string Case) LargestError()
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        // On the CPU whatever the default device: oneDNN is what is checked; the generator keeps the global one untouched.
        using var generator = new TorchSharp.torch.Generator(20261203);
        var worst = (Error: 0.0, Case: "");

        // (batch 3, 24 channels, length 13), as Conv1D runs it: a height-1 2-D convolution.
        var sequence = randn([3, 24, 1, 13], ScalarType.Float64, CPU, generator: generator);
        var sequenceKernel = randn([4, 24, 1, 3], ScalarType.Float64, CPU, generator: generator);
        Compare(ref worst, "conv1d 24 -> 4 channels", sequence, sequenceKernel, groups: 1, generator);

        // (batch 2, 9 x 10, 4 channels) seen channels first, 2 filters per channel.
        var image = randn([2, 9, 10, 4], ScalarType.Float64, CPU, generator: generator).permute(0, 3, 1, 2);
        var depthwiseKernel = randn([8, 1, 3, 3], ScalarType.Float64, CPU, generator: generator);
        Compare(ref worst, "depthwise, multiplier 2, channels-last input", image, depthwiseKernel, groups: 4, generator);
        return worst;
    }

    private static void Compare(ref (double Error, string Case) worst, string name, Tensor input, Tensor kernel, long groups, TorchSharp.torch.Generator generator)
    {
        var outputShape = nn.functional.conv2d(input, kernel, groups: groups).shape;
        var gradOutput = randn(outputShape, ScalarType.Float64, CPU, generator: generator);
        var expected = Run(input, kernel, gradOutput, groups);
        var actual = Run(input.to(ScalarType.Float32), kernel.to(ScalarType.Float32), gradOutput.to(ScalarType.Float32), groups);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = RelativeError(expected[i], actual[i]);
            if (!(error <= worst.Error))
                worst = (error, name);
        }
    }

    /// <summary>The output, dL/dinput and dL/dkernel of <c>conv2d(input, kernel)</c> for dL/doutput = <paramref name="gradOutput"/>.</summary>
    private static Tensor[] Run(Tensor input, Tensor kernel, Tensor gradOutput, long groups)
    {
        var x = input.detach().requires_grad_(true);
        var w = kernel.detach().requires_grad_(true);
        var y = nn.functional.conv2d(x, w, groups: groups);
        var grads = autograd.grad([y], [x, w], [gradOutput]);
        return [y.detach(), grads[0], grads[1]];
    }

    private static double RelativeError(Tensor expected, Tensor actual)
    {
        var difference = (expected.to(ScalarType.Float64) - actual.to(ScalarType.Float64)).abs().max().item<double>();
        var scale = Math.Max(expected.abs().max().item<double>(), 1e-12);
        return double.IsNaN(difference) ? double.PositiveInfinity : difference / scale;
    }
}
