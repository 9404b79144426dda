using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Vector-Jacobian products of a "valid" 2-D convolution <c>z = conv2d(x, w, stride, dilation, groups)</c>
/// in TorchSharp's layout: x <c>(N, C, H, W)</c> (already padded), w <c>(O, C / groups, kh, kw)</c>,
/// z <c>(N, O, Ho, Wo)</c>. 1-D convolutions pass height 1.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 exposes no <c>convolution_backward</c>. Two ways are kept: composed kernels
/// (the input gradient as a transposed convolution, the weight gradient as im2col and one matrix
/// product) and autograd's native kernels on a local graph of the convolution alone (which runs the
/// forward convolution again). <see cref="UseAutograd"/> picks one: autograd, by measurement (its remarks).
/// </remarks>
internal static class ConvolutionGradients
{
    /// <summary>
    /// Whether <see cref="Backward"/> goes through autograd's native convolution backward (the default)
    /// rather than the composed kernels, which stay for the comparison and are tested too.
    /// </summary>
    /// <remarks>
    /// Measured on the sample CNN (float32, 2 threads, best of 5 runs; the shared 2-core machine had a
    /// load average of 35-65 during both runs, so only the ordering means much):
    /// conv1 (28x28x1 -> 32, 3x3, weights only) batch 32: composed 132 / 958 ms, autograd 109 / 156 ms;
    /// batch 128: composed 351 ms, autograd 107 ms. conv2 (13x13x32 -> 64, 3x3, input and weights)
    /// batch 32: composed 174 / 960 ms, autograd 115 / 237 ms; batch 128: composed 525 ms, autograd 230 ms.
    /// Autograd (libtorch's mkldnn convolution_backward) won every comparison, even though it runs the
    /// forward convolution again (conv1 10 ms, conv2 30 ms at batch 32 in the same run).
    /// Measured again on 2026-12-03 for a tape-free CNN (<c>Benchmarks backward-probe 128 3</c>: the layer's
    /// forward and backward per step, autograd recording the layer alone against a no-tape forward with the
    /// weight gradient as a <c>conv2d</c> over batch-as-channel views, <c>conv2d(x as (C, N, H, W), dL/dz as
    /// (O, N, Ho, Wo))</c>, and the input gradient as <c>conv_transpose2d</c>; load average 25 and 46 in the two
    /// runs): conv1 composed/autograd 0.55 and 1.16, conv2 1.95 and 1.59 (at load 46: forward 122 ms, the
    /// batch-as-channel weight gradient 320 ms, the transposed convolution 104 ms, autograd's whole forward and
    /// backward 302 ms). The weight gradient as a convolution with an output-sized kernel is the slow part, so
    /// the generated step keeps recording convolutions for autograd (BackwardTable) and the CNN is not tape-free.
    /// </remarks>
    internal static bool UseAutograd { get; set; } = true;

    /// <summary>
    /// dL/dx (null unless <paramref name="inputGradient"/>) and dL/dw for <paramref name="gradOutput"/> = dL/dz.
    /// </summary>
    public static (Tensor? Input, Tensor Weight) Backward(
        Tensor input, Tensor weight, Tensor gradOutput, long[] strides, long[] dilation, long groups, bool inputGradient)
    {
        if (UseAutograd)
        {
            return ThroughAutograd(input, weight, gradOutput, strides, dilation, groups, inputGradient);
        }

        var dw = Weight(input, gradOutput, [weight.shape[2], weight.shape[3]], strides, dilation, groups);
        var dx = inputGradient ? Input(gradOutput, weight, [input.shape[2], input.shape[3]], strides, dilation, groups) : null;
        return (dx, dw);
    }

    /// <summary>
    /// dL/dw as im2col then one batched matrix product per group:
    /// <c>dw[g] = gz[g] (O/g, N·L) · cols[g]ᵀ (N·L, C/g·kh·kw)</c>.
    /// </summary>
    /// <param name="input">x, padded, <c>(N, C, H, W)</c>.</param>
    /// <param name="gradOutput">dL/dz <c>(N, O, Ho, Wo)</c>.</param>
    /// <param name="kernel">(kh, kw).</param>
    /// <param name="strides">The stride per axis.</param>
    /// <param name="dilation">The dilation per axis.</param>
    /// <param name="groups">The channel groups.</param>
    /// <returns><c>(O, C / groups, kh, kw)</c>.</returns>
    public static Tensor Weight(Tensor input, Tensor gradOutput, long[] kernel, long[] strides, long[] dilation, long groups)
    {
        long n = input.shape[0], c = input.shape[1], o = gradOutput.shape[1];
        var cols = nn.functional.unfold(input, (kernel[0], kernel[1]), (dilation[0], dilation[1]), (0, 0), (strides[0], strides[1]));
        long l = cols.shape[2];
        long perGroup = c / groups * kernel[0] * kernel[1];
        if (groups == 1)
        {
            // (O, N, L) x (N, L, C kh kw) summed over N: one matrix product over the flattened (N, L).
            var gz = gradOutput.reshape(n, o, l).permute(1, 0, 2).reshape(o, n * l);
            return gz.mm(cols.permute(0, 2, 1).reshape(n * l, perGroup)).reshape(o, c, kernel[0], kernel[1]);
        }

        var a = gradOutput.reshape(n, groups, o / groups, l).permute(1, 2, 0, 3).reshape(groups, o / groups, n * l);
        var b = cols.reshape(n, groups, perGroup, l).permute(1, 0, 3, 2).reshape(groups, n * l, perGroup);
        return a.bmm(b).reshape(o, c / groups, kernel[0], kernel[1]);
    }

    /// <summary>
    /// dL/dx as the transposed convolution of dL/dz, with the output padding that restores the
    /// cells a strided window never reached (their gradient is zero).
    /// </summary>
    /// <param name="gradOutput">dL/dz <c>(N, O, Ho, Wo)</c>.</param>
    /// <param name="weight">w <c>(O, C / groups, kh, kw)</c>.</param>
    /// <param name="inputSize">The padded input's (H, W).</param>
    /// <param name="strides">The stride per axis.</param>
    /// <param name="dilation">The dilation per axis.</param>
    /// <param name="groups">The channel groups.</param>
    public static Tensor Input(Tensor gradOutput, Tensor weight, long[] inputSize, long[] strides, long[] dilation, long groups)
    {
        var extra = new long[2];
        for (int axis = 0; axis < 2; axis++)
        {
            long reached = (gradOutput.shape[2 + axis] - 1) * strides[axis] + ConvArithmetic.EffectiveSize(weight.shape[2 + axis], dilation[axis]);
            extra[axis] = inputSize[axis] - reached;
        }

        return nn.functional.conv_transpose2d(
            gradOutput, weight, strides: strides, padding: [0, 0], output_padding: extra, dilation: dilation, groups: groups);
    }

    /// <summary>
    /// Both gradients from autograd's native convolution backward, on a local graph holding only this
    /// convolution (its forward runs again on detached copies; nothing outside is recorded).
    /// </summary>
    public static (Tensor? Input, Tensor Weight) ThroughAutograd(
        Tensor input, Tensor weight, Tensor gradOutput, long[] strides, long[] dilation, long groups, bool inputGradient)
    {
        using var grad = enable_grad();
        var x = input.detach().requires_grad_(inputGradient);
        var w = weight.detach().requires_grad_(true);
        var z = nn.functional.conv2d(x, w, strides: strides, padding: [0, 0], dilation: dilation, groups: groups);
        var grads = autograd.grad([z], inputGradient ? [x, w] : [w], [gradOutput]);
        return inputGradient ? (grads[0], grads[1]) : (null, grads[0]);
    }
}
