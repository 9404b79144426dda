using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>The activation layers, Rescaling, Cropping1D, SpatialDropout1D and Masking over a sequence; [ExportOnnx] checks them at build time.</summary>
[Sequential, Input(9, 4), ExportOnnx]
public partial class OnnxActivationLayers
{
    readonly Masking masking = new(0.25);
    readonly Rescaling rescale = new(2.0, offset: -0.5);
    readonly ReLU clipped = new(maxValue: 0.6, negativeSlope: 0.1, threshold: 0.05);
    readonly Dense mix = new(6);
    readonly LeakyReLU leaky = new(0.2);
    readonly PReLU prelu = new(sharedAxes: [1]);
    readonly ReLU plain = new();
    readonly SpatialDropout1D drop = new(0.3);
    readonly Cropping1D crop = new((1, 2));
    readonly Softmax softmax = new(axis: 1);
}

/// <summary>Cropping2D and SpatialDropout2D on an image, then a leaky ReLU layer.</summary>
[Sequential, Input(9, 8, 2), ExportOnnx]
public partial class OnnxCroppedImage
{
    readonly Cropping2D crop = new((1, 2), (0, 3));
    readonly SpatialDropout2D drop = new(0.2);
    readonly ReLU leaky = new(negativeSlope: 0.3);
    readonly Flatten flatten = new();
    readonly Dense head = new(3, Activation.Softmax);
}

/// <summary>Learned positions over a symbolic length, up to 10 steps.</summary>
[Sequential, Input("steps", 4), ExportOnnx]
public partial class OnnxPositions
{
    readonly PositionEmbedding positions = new(10);
    readonly Dense head = new(3);
}

/// <summary>A mask made by an embedding and taken by an LSTM: values export, masks do not.</summary>
[Sequential, Input(6)]
public partial class OnnxMaskedTagger
{
    readonly Embedding embed = new(12, 4, maskZero: true);
    readonly LSTM lstm = new(3);
}

/// <summary>TimeDistributed over a symbolic time axis: a convolution, pooling, flatten and dense per frame, then a GRU.</summary>
[Sequential, Input("frames", 6, 6, 1)]
public partial class OnnxTimeDistributed
{
    readonly TimeDistributed conv = new(new Conv2D(2, (3, 3), Activation.Relu));
    readonly TimeDistributed pool = new(new MaxPooling2D());
    readonly TimeDistributed flatten = new(new Flatten());
    readonly TimeDistributed project = new(new Dense(5, Activation.Tanh));
    readonly GRU gru = new(3);
}

/// <summary>Bidirectional LSTM (sequences, concatenated), GRU (sequences, summed), SimpleRNN (averaged) and LSTM (last step, multiplied).</summary>
[Sequential, Input(7, 3)]
public partial class OnnxBidirectional
{
    readonly Bidirectional lstm = new(new LSTM(4, returnSequences: true));
    readonly Bidirectional gru = new(new GRU(3, returnSequences: true, resetAfter: false), MergeMode.Sum);
    readonly Bidirectional rnn = new(new SimpleRNN(5, returnSequences: true), MergeMode.Ave);
    readonly Bidirectional last = new(new LSTM(2), MergeMode.Mul, new LSTM(2));
}

/// <summary>A backward layer of other units: one ONNX operator cannot run both directions.</summary>
[Sequential, Input(7, 3)]
public partial class OnnxUnevenBidirectional
{
    readonly Bidirectional bi = new(new LSTM(4), backwardLayer: new LSTM(2));
}
