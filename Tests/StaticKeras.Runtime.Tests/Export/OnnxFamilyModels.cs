using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>1-D convolutions (causal, dilated, same), pooling and a GELU head over a symbolic time axis.</summary>
[Sequential, Input("time", 3)]
public partial class OnnxSequenceNet
{
    readonly Conv1D causal = new(8, 3, Activation.Relu, padding: Padding.Causal, dilationRate: 2);
    readonly Conv1D same = new(6, 2, Activation.Elu, padding: Padding.Same);
    readonly Dense pointwise = new(5, Activation.Gelu);
    readonly GlobalAveragePooling1D average = new();
    readonly Dense head = new(4, Activation.Softmax);
}

/// <summary>1-D pooling and flattening over a known length.</summary>
[Sequential, Input(12, 4)]
public partial class OnnxPooled1D
{
    readonly MaxPooling1D max = new(2);
    readonly AveragePooling1D average = new(2, strides: 1, padding: Padding.Same);
    readonly GlobalMaxPooling1D global = new(keepdims: true);
    readonly Flatten flatten = new();
    readonly Dense head = new(3, Activation.Sigmoid);
}

/// <summary>2-D padding, strided same convolutions, batch normalization, activations, pooling, dropout.</summary>
[Sequential, Input(11, 9, 2)]
public partial class OnnxImageNet
{
    readonly ZeroPadding2D pad = new((1, 2), (0, 1));
    readonly Conv2D conv = new(6, (3, 3), strides: (2, 2), padding: Padding.Same, useBias: false);
    readonly BatchNormalization norm = new();
    readonly ActivationLayer silu = new(Activation.Silu);
    readonly Conv2D grouped = new(6, (2, 2), Activation.LeakyRelu, groups: 2, dilationRate: (1, 1));
    readonly AveragePooling2D average = new((2, 2), padding: Padding.Same);
    readonly MaxPooling2D max = new((2, 2), strides: (1, 1), padding: Padding.Same);
    readonly GlobalMaxPooling2D global = new();
    readonly Dropout dropout = new(0.3);
    readonly Dense head = new(4, Activation.Selu);
}

/// <summary>Reshaping layers and layer normalization.</summary>
[Sequential, Input(6, 4)]
public partial class OnnxReshaping
{
    readonly Permute swap = new(2, 1);
    readonly LayerNormalization norm = new();
    readonly Reshape reshape = new(2, 3, 4);
    readonly GlobalAveragePooling2D average = new();
    readonly Dense head = new(2, Activation.Softplus);
}

/// <summary>Keras' Normalization: adapted statistics per step (axis 1), given ones inverted along the features.</summary>
[Sequential, Input(6, 4), ExportOnnx]
public partial class OnnxNormalized
{
    readonly Normalization perStep = new([1]);
    readonly Normalization scaled = new(mean: [0.5, -1, 2, 0], variance: [4, 1, 0.25, 9], invert: true);
    readonly Flatten flatten = new();
    readonly Dense head = new(3);
}

/// <summary>Token ids through an embedding.</summary>
[Sequential, Input(5)]
public partial class OnnxEmbedded
{
    readonly Embedding embedding = new(20, 4);
    readonly Flatten flatten = new();
    readonly Dense head = new(3, Activation.Tanh);
}

/// <summary>A recurrent layer whose activation ONNX's recurrent operators cannot name: no ONNX form.</summary>
[Sequential, Input(7, 3)]
public partial class OnnxRecurrent
{
    readonly LSTM lstm = new(4, Activation.Selu);
    readonly Dense head = new(2);
}

/// <summary>Every recurrent layer over a symbolic time axis: sequences and last states, GRU with and without reset_after.</summary>
[Sequential, Input("time", 3), ExportOnnx]
public partial class OnnxRecurrentStack
{
    readonly SimpleRNN simple = new(5, Activation.Relu, returnSequences: true);
    readonly LSTM lstm = new(4, returnSequences: true, unitForgetBias: false);
    readonly GRU classic = new(3, returnSequences: true, resetAfter: false);
    readonly GRU gru = new(6);
    readonly Dense head = new(2, Activation.Softmax);
}

/// <summary>Every merge layer and a shared layer called twice.</summary>
[Model]
public partial class OnnxMerges
{
    readonly Dense a = new(4, Activation.Tanh);
    readonly Dense b = new(4);
    readonly Add add = new();
    readonly Subtract subtract = new();
    readonly Multiply multiply = new();
    readonly Average average = new();
    readonly Maximum maximum = new();
    readonly Minimum minimum = new();
    readonly Concatenate concatenate = new();
    readonly Dense head = new(3, Activation.Softmax);

    [Graph]
    Tensor Call([Input(6)] Tensor x)
    {
        var p = a.Call(x);
        var q = b.Call(x);
        var r = a.Call(x);
        var s = add.Call(p, q, r);
        var t = subtract.Call(s, r);
        var u = multiply.Call(t, p);
        var v = average.Call(u, q);
        var w = maximum.Call(v, p, r);
        var y = minimum.Call(w, q);
        return head.Call(concatenate.Call(y, s));
    }
}


/// <summary>Transposed convolutions (valid, same, strides above the kernel, output padding, dilation) and up-sampling.</summary>
[Sequential, Input(5, 4, 2), ExportOnnx]
public partial class OnnxUpsampling
{
    readonly Conv2DTranspose valid = new(3, (3, 2), Activation.Relu, strides: (2, 3));
    readonly Conv2DTranspose same = new(4, (3, 3), strides: (2, 2), padding: Padding.Same, useBias: false);
    readonly UpSampling2D nearest = new((2, 1));
    readonly Conv2DTranspose padded = new(2, (3, 3), Activation.Tanh, strides: (2, 2), padding: Padding.Same, outputPadding: (0, 1));
    readonly UpSampling2D bilinear = new((2, 3), Interpolation.Bilinear);
    readonly Conv2DTranspose dilated = new(2, (2, 2), dilationRate: (2, 2));
    readonly GlobalAveragePooling2D average = new();
    readonly Dense head = new(3, Activation.Softmax);
}

/// <summary>
/// Flatten with <c>dataFormat: DataFormat.ChannelsFirst</c> on a rank-4 and (inside the nested model) a rank-3 value:
/// a Transpose to channels last before each Flatten, the rank read from the export's probe.
/// </summary>
[Sequential, Input(2, 5, 4), ExportOnnx]
public partial class OnnxFlattenFirst
{
    readonly Conv2D conv = new(3, 3, Activation.Relu, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly Flatten flatten = new(DataFormat.ChannelsFirst);
    readonly Reshape rows = new(6, 10);
    readonly OnnxFlattenFirstHead head = new();
}

/// <summary>The head OnnxFlattenFirst uses as a layer: a channels-first Flatten of (6, 10), then Dense.</summary>
[Sequential, Input(6, 10)]
public partial class OnnxFlattenFirstHead
{
    readonly Flatten flatten = new(DataFormat.ChannelsFirst);
    readonly Dense dense = new(4, Activation.Softmax);
}

/// <summary>The convolution and pooling layers with <c>dataFormat: DataFormat.ChannelsFirst</c>: no Transpose nodes around them.</summary>
[Sequential, Input(2, 9, 8), ExportOnnx]
public partial class OnnxChannelsFirst
{
    readonly Conv2D conv = new(4, 3, Activation.Relu, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling2D max = new(padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly Conv2DTranspose up = new(3, (2, 3), strides: (2, 1), dataFormat: DataFormat.ChannelsFirst);
    readonly UpSampling2D grow = new((1, 2), Interpolation.Bilinear, DataFormat.ChannelsFirst);
    readonly UpSampling2D repeat = new((2, 1), dataFormat: DataFormat.ChannelsFirst);
    readonly ZeroPadding2D pad = new((1, 0), (2, 1), DataFormat.ChannelsFirst);
    readonly Cropping2D crop = new((0, 1), (1, 0), DataFormat.ChannelsFirst);
    readonly AveragePooling2D mean = new((2, 2), padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly Reshape rows = new(3, -1);
    readonly Conv1D seq = new(5, 3, Activation.Tanh, padding: Padding.Causal, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling1D seqMax = new(2, dataFormat: DataFormat.ChannelsFirst);
    readonly AveragePooling1D seqMean = new(2, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly GlobalMaxPooling1D global = new(dataFormat: DataFormat.ChannelsFirst);
    readonly Dense head = new(3, Activation.Softmax);
}
