using System;
using System.Text.Json.Nodes;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Backward;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using TorchSharp;
using Padding = StaticKeras.Layers.Padding;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

/// <summary>
/// <c>dataFormat: DataFormat.ChannelsFirst</c> (Keras' data_format="channels_first") on the convolution
/// and pooling layers: Keras-made numbers, the conformance checks against the channels-last layer on
/// the transposed input, and the explicit backward kernels against autograd.
/// </summary>
public sealed class ChannelsFirstTests
{
    // Inputs and weights the Keras numbers were made from (Keras 3.16, numpy backend):
    // x = (arange(2*3*5*4).reshape(2,3,5,4) % 7 - 3) / 4, kernel = (arange(3*2*3*2).reshape(3,2,3,2) % 5 - 2) / 5.
    private static Tensor Image() => ((arange(2 * 3 * 5 * 4, ScalarType.Float32).reshape(2, 3, 5, 4) % 7) - 3) / 4;

    // x1 = (arange(2*3*6).reshape(2,3,6) % 5 - 2) / 3.
    private static Tensor Sequence() => ((arange(2 * 3 * 6, ScalarType.Float32).reshape(2, 3, 6) % 5) - 2) / 3;

    [Fact]
    public void Conv2DMatchesKeras()
    {
        // keras.layers.Conv2D(2, (3, 2), strides=(2, 1), padding="same", data_format="channels_first"), bias [0.1, -0.2].
        var conv = new Conv2D(2, (3, 2), strides: (2, 1), padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
        conv.Build(3, 5, 4);
        using (no_grad())
        {
            conv.Kernel.copy_(((arange(3 * 2 * 3 * 2, ScalarType.Float32).reshape(3, 2, 3, 2) % 5) - 2) / 5);
            conv.Bias!.copy_(tensor(new[] { 0.1f, -0.2f }));
        }

        float[] keras =
        [
            0.35f, -0.25f, 0.9f, -0.25f, -0.5f, 0.55f, 0.2f, 0.7500001f, -0.2f, 0.05f, 0.3f, 0.7f, -0.8f, -0.5f, -0.2f, 0.4f,
            -0.35f, -0.1f, 0.15f, 0.45f, 0f, 0f, -0.35f, -0.55f, 0.05f, -0.2f, -0.45f, 0.35f, 0.55f, -0.5f, 0.2f, -0.4f,
            -0.25f, 0.35f, -0.45f, -0.15f, 0.75f, 0f, -0.75f, -0.85f, -0.4f, -0.5f, -0.6f, -0.15f, -0.35f, -0.35f, 0f, -0.1f,
        ];
        AssertKeras(keras, [2, 2, 3, 4], conv.Call(Image()));
    }

    [Fact]
    public void Conv1DCausalMatchesKeras()
    {
        // keras.layers.Conv1D(2, 3, padding="causal", data_format="channels_first"),
        // kernel (arange(18).reshape(3,3,2) % 4 - 1.5) / 3, bias [0.5, -0.25].
        var conv = new Conv1D(2, 3, padding: Padding.Causal, dataFormat: DataFormat.ChannelsFirst);
        conv.Build(3, 6);
        using (no_grad())
        {
            conv.Kernel.copy_(((arange(3 * 3 * 2, ScalarType.Float32).reshape(3, 3, 2) % 4) - 1.5) / 3);
            conv.Bias!.copy_(tensor(new[] { 0.5f, -0.25f }));
        }

        float[] keras =
        [
            0.7777778f, 0.5555556f, 0.5f, 0.7222222f, -0.4444445f, 1.4444444f, -0.3055556f, -0.5277778f, -0.25f, 0.4166667f, -0.8611112f, 0.3611112f,
            0.7777778f, -0.1666667f, 1.4444444f, 0.2777778f, 0.5f, 0.7222222f, 0.1388889f, -0.9166667f, 0.3611112f, -0.9166667f, -0.25f, 0.4166667f,
        ];
        AssertKeras(keras, [2, 2, 6], conv.Call(Sequence()));
    }

    [Fact]
    public void Conv2DTransposeMatchesKeras()
    {
        // keras.layers.Conv2DTranspose(2, (2, 3), strides=(2, 1), padding="same", data_format="channels_first") on x[:, :, :3, :3],
        // kernel (arange(36).reshape(2,3,2,3) % 7 - 3) / 6, bias [0.25, -0.5].
        var conv = new Conv2DTranspose(2, (2, 3), strides: (2, 1), padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
        conv.Build(3, 3, 3);
        using (no_grad())
        {
            conv.Kernel.copy_(((arange(2 * 3 * 2 * 3, ScalarType.Float32).reshape(2, 3, 2, 3) % 7) - 3) / 6);
            conv.Bias!.copy_(tensor(new[] { 0.25f, -0.5f }));
        }

        float[] keras =
        [
            -0.2916667f, 0.4166667f, -0.2916667f, 0.5833334f, 0f, 0.125f, 0.125f, 0f, 0.5833334f, 0.3333333f, 0.625f, 0.3333333f, 0.5416666f, -0.125f, 0.5833334f, -0.2083333f,
            -0.2083333f, -0.0416667f, -0.1666667f, -0.5f, -0.2916667f, -1.0416667f, -0.3333333f, -1.0416667f, -0.5416667f, -0.5f, -0.7916667f, -0.625f, -0.75f, -0.1666667f, -0.625f, -0.5f,
            -0.4166667f, -0.2083333f, -0.875f, -0.1666667f, 0.125f, 0f, 0.5833334f, 0.3333333f, 0.625f, 0.3333333f, 0.5416666f, -0.125f, 0.5833334f, -0.2083333f, -0.2083333f, -0.0416667f,
            -0.2083333f, 0.625f, -0.2916667f, 0.7083334f, 0.7083334f, 0.4583333f, -0.5416667f, -0.5f, -0.7916667f, -0.625f, -0.75f, -0.1666667f, -0.625f, -0.5f, -0.4166667f, -0.2083333f,
            -0.875f, -0.1666667f, -0.4166667f, -0.5f, -0.625f, -0.9583334f, -0.125f, -1.0416667f,
        ];
        AssertKeras(keras, [2, 2, 6, 3], conv.Call(Image()[.., .., ..3, ..3]));
    }

    [Theory]
    [InlineData(Padding.Valid)]
    [InlineData(Padding.Same)]
    public void Conv2DTransposeConforms(Padding padding)
    {
        var (outH, outW) = padding == Padding.Same ? (10L, 6L) : (11L, 8L);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Conv2DTranspose(3, 3, Activation.Tanh, (2, 1), padding, dataFormat: DataFormat.ChannelsFirst),
            BuildShape = [4, 5, 6],
            Shapes = [([2, 4, 5, 6], [2, 3, outH, outW])],
            Trainable = (3 * 3 * 3 * 4) + 3,
            WeightNames = ["kernel", "bias"],
            Perturb = layer => ((Conv2DTranspose)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var last = ChannelsLastTwin(new Conv2DTranspose(3, 3, Activation.Tanh, (2, 1), padding), layer, [5, 6, 4]);
                return last.Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
            },
        });
    }

    [Fact]
    public void MaxPooling2DMatchesKeras()
    {
        // keras.layers.MaxPooling2D((2, 2), strides=(2, 1), padding="same", data_format="channels_first").
        float[] keras =
        [
            0.5f, 0.75f, 0.75f, 0f, 0.75f, 0.75f, 0.25f, 0.25f, 0f, 0.25f, 0.5f, 0.5f, 0.75f, 0.5f, 0.75f, 0.75f, 0.5f, 0.75f, 0.75f, 0f, -0.25f, 0f, 0.25f, 0.25f, 0.75f, 0.75f, 0.5f,
            0.5f, 0.75f, 0.5f, 0.75f, 0.75f, -0.5f, -0.25f, 0f, 0f, 0.5f, 0.75f, 0.75f, 0.25f, 0.75f, 0.75f, 0.5f, 0.5f, 0.75f, -0.5f, -0.25f, -0.25f, 0.25f, 0.5f, 0.75f, 0.75f, 0.5f, 0.75f,
            0.75f, 0.25f, 0.75f, 0.75f, -0.5f, -0.5f, 0.75f, 0.25f, 0.5f, 0.5f, 0.25f, 0.5f, 0.75f, 0.75f, 0.5f, 0.75f, 0.75f, -0.75f,
        ];
        var pool = new MaxPooling2D((2, 2), (2, 1), Padding.Same, DataFormat.ChannelsFirst);
        AssertKeras(keras, [2, 3, 3, 4], pool.Call(Image()));
    }

    [Fact]
    public void AveragePooling2DMatchesKeras()
    {
        // keras.layers.AveragePooling2D((2, 3), strides=(2, 2), padding="same", data_format="channels_first").
        float[] keras =
        [
            0f, -0.0625f, -0.0416667f, -0.25f, 0f, 0.375f, 0.0416667f, 0.125f, 0f, -0.0625f, -0.25f, 0.125f, 0.0833333f, -0.125f, 0.0416667f, 0.125f,
            -0.5f, -0.125f, 0.125f, 0.0625f, 0.0833333f, -0.125f, -0.1666667f, -0.375f, -0.125f, 0.25f, 0.125f, 0.0625f, 0.1666667f, -0.625f, -0.0833333f, 0f,
            -0.125f, 0.25f, 0.5f, 0f,
        ];
        var pool = new AveragePooling2D((2, 3), (2, 2), Padding.Same, DataFormat.ChannelsFirst);
        AssertKeras(keras, [2, 3, 3, 2], pool.Call(Image()));
    }

    [Fact]
    public void Pooling1DMatchesKeras()
    {
        // keras.layers.MaxPooling1D(2, strides=2, padding="same", data_format="channels_first") and
        // AveragePooling1D(3, strides=2, padding="same", ...) on x1[:, :, :5].
        var x = Sequence()[.., .., ..5];
        float[] max =
        [
            -0.3333333f, 0.3333333f, 0.6666667f, 0f, 0.6666667f, -0.6666667f, 0.3333333f, 0.6666667f, -0.3333333f,
            0.6666667f, -0.3333333f, 0f, 0.6666667f, 0f, 0.3333333f, -0.3333333f, 0.3333333f, 0.6666667f,
        ];
        float[] average =
        [
            -0.5f, 0f, 0.5f, -0.1666667f, 0.3333333f, 0f, 0.1666667f, 0.1111111f, -0.5f,
            0.5f, -0.1111111f, -0.1666667f, 0f, -0.3333333f, 0.1666667f, -0.5f, 0f, 0.5f,
        ];
        AssertKeras(max, [2, 3, 3], new MaxPooling1D(2, 2, Padding.Same, DataFormat.ChannelsFirst).Call(x));
        AssertKeras(average, [2, 3, 3], new AveragePooling1D(3, 2, Padding.Same, DataFormat.ChannelsFirst).Call(x));
    }

    [Theory]
    [InlineData(Padding.Valid, 1, 1)]
    [InlineData(Padding.Same, 2, 1)]
    [InlineData(Padding.Valid, 1, 2)]
    public void Conv2DConforms(Padding padding, int stride, int groups)
    {
        // input (4, 7, 8) channels first; kernel (3, 3), 6 filters.
        var (outH, outW) = padding == Padding.Same ? (4L, 4L) : ((7L - 3) / stride + 1, (8L - 3) / stride + 1);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Conv2D(6, 3, Activation.Tanh, stride, padding, groups: groups, dataFormat: DataFormat.ChannelsFirst),
            BuildShape = [4, 7, 8],
            Shapes = [([2, 4, 7, 8], [2, 6, outH, outW]), ([1, 4, 7, 8], [1, 6, outH, outW])],
            Trainable = (3 * 3 * (4 / groups) * 6) + 6,
            WeightNames = ["kernel", "bias"],
            Perturb = layer => ((Conv2D)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var conv = (Conv2D)layer;
                var last = ChannelsLastTwin(new Conv2D(6, 3, Activation.Tanh, stride, padding, groups: groups), conv, [7, 8, 4]);
                return last.Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
            },
        });
    }

    [Theory]
    [InlineData(Padding.Valid)]
    [InlineData(Padding.Causal)]
    public void Conv1DConforms(Padding padding)
    {
        long steps = padding == Padding.Valid ? 7 : 9;
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Conv1D(5, 3, Activation.Sigmoid, padding: padding, dataFormat: DataFormat.ChannelsFirst),
            BuildShape = [4, 9],
            Shapes = [([2, 4, 9], [2, 5, steps]), ([3, 4, 9], [3, 5, steps])],
            Trainable = (3 * 4 * 5) + 5,
            WeightNames = ["kernel", "bias"],
            Perturb = layer => ((Conv1D)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var last = ChannelsLastTwin(new Conv1D(5, 3, Activation.Sigmoid, padding: padding), layer, [9, 4]);
                return last.Call(x.permute(0, 2, 1)).permute(0, 2, 1);
            },
        });
    }

    [Theory]
    [InlineData(true, Padding.Valid)]
    [InlineData(true, Padding.Same)]
    [InlineData(false, Padding.Valid)]
    [InlineData(false, Padding.Same)]
    public void Pooling2DConforms(bool max, Padding padding)
    {
        Func<DataFormat, Layer> make = format => max
            ? new MaxPooling2D((2, 3), (2, 2), padding, format)
            : new AveragePooling2D((2, 3), (2, 2), padding, format);
        var (outH, outW) = padding == Padding.Same ? (4L, 3L) : (3L, 2L);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => make(DataFormat.ChannelsFirst),
            BuildShape = [3, 7, 6],
            Shapes = [([2, 3, 7, 6], [2, 3, outH, outW])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => make(DataFormat.ChannelsLast).Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2),
        });
    }

    [Theory]
    [InlineData(true, Padding.Valid)]
    [InlineData(false, Padding.Same)]
    public void Pooling1DConforms(bool max, Padding padding)
    {
        Func<DataFormat, Layer> make = format => max
            ? new MaxPooling1D(3, 2, padding, format)
            : new AveragePooling1D(3, 2, padding, format);
        long steps = padding == Padding.Same ? 4 : 3;
        LayerConformance.Check(new LayerSpec
        {
            Create = () => make(DataFormat.ChannelsFirst),
            BuildShape = [3, 7],
            Shapes = [([2, 3, 7], [2, 3, steps])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => make(DataFormat.ChannelsLast).Call(x.permute(0, 2, 1)).permute(0, 2, 1),
        });
    }

    [Theory]
    [InlineData(Padding.Valid, Activation.Relu)]
    [InlineData(Padding.Same, Activation.Gelu)]
    public void ConvolutionKernelsMatchAutograd(Padding padding, Activation activation)
    {
        random.manual_seed(21);
        var conv2 = new Conv2D(5, (3, 2), activation, (2, 1), padding, dataFormat: DataFormat.ChannelsFirst);
        conv2.Build(4, -1, -1);
        conv2.to(ScalarType.Float64);
        BackwardCheck.Layer(conv2, randn(2, 4, 9, 7, ScalarType.Float64), conv2.Backward);

        var conv1 = new Conv1D(5, 3, activation, 2, padding, dataFormat: DataFormat.ChannelsFirst);
        conv1.Build(4, -1);
        conv1.to(ScalarType.Float64);
        BackwardCheck.Layer(conv1, randn(3, 4, 11, ScalarType.Float64), conv1.Backward);

        var transposed = new Conv2DTranspose(3, (3, 2), activation, (2, 1), padding, dataFormat: DataFormat.ChannelsFirst);
        transposed.Build(4, -1, -1);
        transposed.to(ScalarType.Float64);
        BackwardCheck.Layer(transposed, randn(2, 4, 5, 6, ScalarType.Float64), transposed.Backward);
    }

    [Fact]
    public void PoolingKernelsMatchAutograd()
    {
        random.manual_seed(22);
        var average2 = new AveragePooling2D((2, 3), (2, 2), Padding.Same, DataFormat.ChannelsFirst);
        BackwardCheck.Layer(average2, randn(2, 3, 7, 6, ScalarType.Float64), average2.Backward);
        var max2 = new MaxPooling2D((2, 2), null, Padding.Same, DataFormat.ChannelsFirst);
        BackwardCheck.Layer(max2, randn(2, 3, 7, 5, ScalarType.Float64), max2.Backward);
        var average1 = new AveragePooling1D(3, 2, Padding.Same, DataFormat.ChannelsFirst);
        BackwardCheck.Layer(average1, randn(2, 3, 8, ScalarType.Float64), average1.Backward);
        var max1 = new MaxPooling1D(2, 1, Padding.Valid, DataFormat.ChannelsFirst);
        BackwardCheck.Layer(max1, randn(2, 3, 8, ScalarType.Float64), max1.Backward);
    }

    [Fact]
    public void GlobalPoolingMatchesKeras()
    {
        // keras.layers.Global*Pooling*(data_format="channels_first"), on x and x1 above; the mask [[1,1,1,0,0,0],[1,0,1,1,1,1]].
        var cf = DataFormat.ChannelsFirst;
        AssertKeras([-0.0375f, -0.025f, -0.0125f, 0f, 0.0125f, 0.025f], [2, 3, 1, 1], new GlobalAveragePooling2D(keepdims: true, dataFormat: cf).Call(Image()));
        AssertKeras([0.75f, 0.75f, 0.75f, 0.75f, 0.75f, 0.75f], [2, 3], new GlobalMaxPooling2D(dataFormat: cf).Call(Image()));
        AssertKeras([-0.1111111f, -0.0555556f, 0f, 0.0555556f, 0.1111111f, -0.1111111f], [2, 3], new GlobalAveragePooling1D(dataFormat: cf).Call(Sequence()));
        AssertKeras([0.6666667f, 0.6666667f, 0.6666667f, 0.6666667f, 0.6666667f, 0.6666667f], [2, 3, 1], new GlobalMaxPooling1D(keepdims: true, dataFormat: cf).Call(Sequence()));
        var mask = tensor(new[] { true, true, true, false, false, false, true, false, true, true, true, true }).reshape(2, 6);
        AssertKeras([-0.3333333f, 0f, 0.3333333f, -0.0666667f, 0.2666667f, -0.0666667f], [2, 3], new GlobalAveragePooling1D(dataFormat: cf).Call(Sequence(), mask: mask));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void GlobalPoolingConformsAndItsKernelsMatchAutograd(bool max, bool keepdims)
    {
        Func<DataFormat, Layer> make2 = format => max ? new GlobalMaxPooling2D(keepdims, format) : new GlobalAveragePooling2D(keepdims, format);
        Func<DataFormat, Layer> make1 = format => max ? new GlobalMaxPooling1D(keepdims, format) : new GlobalAveragePooling1D(keepdims, format);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => make2(DataFormat.ChannelsFirst),
            BuildShape = [3, 5, 4],
            Shapes = [([2, 3, 5, 4], keepdims ? [2, 3, 1, 1] : [2, 3])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) =>
            {
                var y = make2(DataFormat.ChannelsLast).Call(x.permute(0, 2, 3, 1));
                return keepdims ? y.permute(0, 3, 1, 2) : y;
            },
        });
        LayerConformance.Check(new LayerSpec
        {
            Create = () => make1(DataFormat.ChannelsFirst),
            BuildShape = [3, 6],
            Shapes = [([2, 3, 6], keepdims ? [2, 3, 1] : [2, 3])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) =>
            {
                var y = make1(DataFormat.ChannelsLast).Call(x.permute(0, 2, 1));
                return keepdims ? y.permute(0, 2, 1) : y;
            },
        });

        random.manual_seed(23);
        var global2 = (GlobalPooling)make2(DataFormat.ChannelsFirst);
        BackwardCheck.Layer(global2, randn(2, 3, 5, 4, ScalarType.Float64), global2.Backward);
        var global1 = (GlobalPooling)make1(DataFormat.ChannelsFirst);
        BackwardCheck.Layer(global1, randn(2, 3, 6, ScalarType.Float64), global1.Backward);
    }

    [Fact]
    public void UpSampling2DMatchesKeras()
    {
        // keras.layers.UpSampling2D(size, interpolation, data_format="channels_first") on (arange(12).reshape(1,2,2,3) % 7 - 3) / 4.
        var x = ((arange(12, ScalarType.Float32).reshape(1, 2, 2, 3) % 7) - 3) / 4;
        float[] nearest = [-0.75f, -0.5f, -0.25f, -0.75f, -0.5f, -0.25f, 0f, 0.25f, 0.5f, 0f, 0.25f, 0.5f, 0.75f, -0.75f, -0.5f, 0.75f, -0.75f, -0.5f, -0.25f, 0f, 0.25f, -0.25f, 0f, 0.25f];
        AssertKeras(nearest, [1, 2, 4, 3], new UpSampling2D((2, 1), dataFormat: DataFormat.ChannelsFirst).Call(x));
        float[] bilinear =
        [
            -0.75f, -0.6875f, -0.5625f, -0.4375f, -0.3125f, -0.25f, -0.5625f, -0.5f, -0.375f, -0.25f, -0.125f, -0.0625f,
            -0.1875f, -0.125f, 0f, 0.125f, 0.25f, 0.3125f, 0f, 0.0625f, 0.1875f, 0.3125f, 0.4375f, 0.5f,
            0.75f, 0.375f, -0.375f, -0.6875f, -0.5625f, -0.5f, 0.5f, 0.234375f, -0.296875f, -0.5f, -0.375f, -0.3125f,
            0f, -0.046875f, -0.140625f, -0.125f, 0f, 0.0625f, -0.25f, -0.1875f, -0.0625f, 0.0625f, 0.1875f, 0.25f,
        ];
        AssertKeras(bilinear, [1, 2, 4, 6], new UpSampling2D(2, Interpolation.Bilinear, DataFormat.ChannelsFirst).Call(x));
    }

    [Theory]
    [InlineData(Interpolation.Nearest)]
    [InlineData(Interpolation.Bilinear)]
    public void UpSampling2DConformsAndItsKernelMatchesAutograd(Interpolation interpolation)
    {
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new UpSampling2D((2, 3), interpolation, DataFormat.ChannelsFirst),
            BuildShape = [3, 4, 5],
            Shapes = [([2, 3, 4, 5], [2, 3, 8, 15])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => new UpSampling2D((2, 3), interpolation).Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2),
        });
        random.manual_seed(24);
        var up = new UpSampling2D((2, 3), interpolation, DataFormat.ChannelsFirst);
        BackwardCheck.Layer(up, randn(2, 3, 4, 5, ScalarType.Float64), up.Backward);
    }

    [Fact]
    public void ZeroPadding2DMatchesKeras()
    {
        // keras.layers.ZeroPadding2D(((1, 0), (0, 2)), data_format="channels_first") on (arange(12).reshape(1,2,2,3) % 7 - 3) / 4.
        var x = ((arange(12, ScalarType.Float32).reshape(1, 2, 2, 3) % 7) - 3) / 4;
        float[] keras =
        [
            0f, 0f, 0f, 0f, 0f, -0.75f, -0.5f, -0.25f, 0f, 0f, 0f, 0.25f, 0.5f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0.75f, -0.75f, -0.5f, 0f, 0f, -0.25f, 0f, 0.25f, 0f, 0f,
        ];
        AssertKeras(keras, [1, 2, 3, 5], new ZeroPadding2D((1, 0), (0, 2), DataFormat.ChannelsFirst).Call(x));
    }

    [Fact]
    public void ZeroPadding2DConformsAndItsKernelMatchesAutograd()
    {
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new ZeroPadding2D((2, 1), (0, 3), DataFormat.ChannelsFirst),
            BuildShape = [3, 4, 5],
            Shapes = [([2, 3, 4, 5], [2, 3, 7, 8])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => new ZeroPadding2D((2, 1), (0, 3)).Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2),
        });
        var pad = new ZeroPadding2D((1, 2), dataFormat: DataFormat.ChannelsFirst);
        BackwardCheck.Layer(pad, randn(2, 3, 4, 5, ScalarType.Float64), pad.Backward);
    }

    [Fact]
    public void Cropping2DMatchesKerasAndConforms()
    {
        // keras.layers.Cropping2D(((1, 2), (0, 3)), data_format="channels_first") on (arange(40).reshape(1,2,4,5) % 7 - 3) / 4.
        var x = ((arange(40, ScalarType.Float32).reshape(1, 2, 4, 5) % 7) - 3) / 4;
        AssertKeras([0.5f, 0.75f, 0.25f, 0.5f], [1, 2, 1, 2], new Cropping2D((1, 2), (0, 3), DataFormat.ChannelsFirst).Call(x));
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Cropping2D((1, 0), (2, 1), DataFormat.ChannelsFirst),
            BuildShape = [3, 4, 5],
            Shapes = [([2, 3, 4, 5], [2, 3, 3, 2])],
            Trainable = 0,
            WeightNames = [],
            Reference = (_, x) => new Cropping2D((1, 0), (2, 1)).Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2),
        });
        Assert.Throws<ArgumentException>(() => new Cropping2D(2, DataFormat.ChannelsFirst).Build(3, 4, 9));
    }

    [Fact]
    public void RejectsTheWrongChannelCountAndRank()
    {
        var conv = new Conv2D(2, 3, dataFormat: DataFormat.ChannelsFirst);
        conv.Build(3, 8, 8);
        var wrongChannels = Assert.Throws<ArgumentException>(() => conv.Call(zeros(1, 8, 8, 3)));
        Assert.Contains("channels", wrongChannels.Message);
        var wrongRank = Assert.Throws<ArgumentException>(() => new MaxPooling2D(dataFormat: DataFormat.ChannelsFirst).Build(3, 8));
        Assert.Contains("(batch, channels, height, width)", wrongRank.Message);
        Assert.Throws<ArgumentException>(() => new Conv1D(2, 3, dataFormat: (DataFormat)7));
    }

    [Fact]
    public void KerasConfigNamesChannelsFirst()
    {
        Assert.Equal("channels_first", KerasConfig(new Conv2D(2, 3, dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new AveragePooling1D(2, dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_last", KerasConfig(new MaxPooling2D())["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new ZeroPadding2D(dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new Cropping2D(1, DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new UpSampling2D(dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new GlobalMaxPooling1D(dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new Conv2DTranspose(2, 3, dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
    }

    private static JsonObject KerasConfig(Layer layer)
    {
        var config = new JsonObject();
        Assert.True(layer.TryDescribeKeras(config));
        return config;
    }

    // A channels-last layer holding the same weights as `source`, built for `shape`.
    private static Layer ChannelsLastTwin(Layer twin, Layer source, long[] shape)
    {
        twin.Build(shape);
        twin.to(source.parameters().GetEnumerator() is var e && e.MoveNext() ? e.Current.dtype : ScalarType.Float32);
        twin.load_state_dict(source.state_dict());
        return twin;
    }

    private static void AssertKeras(float[] keras, long[] shape, Tensor actual)
    {
        Assert.Equal(shape, actual.shape);
        Numerics.AssertClose(tensor(keras).reshape(shape).to_type(ScalarType.Float64), actual.to_type(ScalarType.Float64), 1e-6, "output vs Keras");
    }
}
