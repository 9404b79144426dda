using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.CustomLayers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

// Each sample model twice: the generated backward (the default) and the autograd path. SGD keeps a
// one-step comparison of weights linear in the gradients (Adam's first step is lr * sign(g), which
// turns float32 noise in a near-zero gradient into a full step).

[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class MlpGenerated
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(32, Activation.Relu);
    readonly Dropout drop = new(0.3);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class MlpAutograd
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(32, Activation.Relu);
    readonly Dropout drop = new(0.3);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28, 1)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class CnnGenerated
{
    readonly Conv2D conv1 = new(4, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv2 = new(8, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(16, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28, 1)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class CnnAutograd
{
    readonly Conv2D conv1 = new(4, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv2 = new(8, (3, 3), Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(16, Activation.Relu);
    readonly Dense output = new(10, Activation.Softmax);
}

[Model]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class ResidualGenerated
{
    readonly Conv2D stem = new(4, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv1 = new(4, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly Conv2D conv2 = new(4, (3, 3), padding: Padding.Same);
    readonly Add add = new();
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(16, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);

    [Graph]
    Tensor Call([Input(28, 28, 1)] Tensor image)
    {
        var x = pool1.Call(stem.Call(image));
        var shortcut = x;
        x = conv2.Call(conv1.Call(x));
        x = relu.Call(add.Call(x, shortcut));
        x = pool2.Call(x);
        return classifier.Call(hidden.Call(flatten.Call(x)));
    }
}

[Model]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class ResidualAutograd
{
    readonly Conv2D stem = new(4, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly MaxPooling2D pool1 = new((2, 2));
    readonly Conv2D conv1 = new(4, (3, 3), Activation.Relu, padding: Padding.Same);
    readonly Conv2D conv2 = new(4, (3, 3), padding: Padding.Same);
    readonly Add add = new();
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly MaxPooling2D pool2 = new((2, 2));
    readonly Flatten flatten = new();
    readonly Dense hidden = new(16, Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);

    [Graph]
    Tensor Call([Input(28, 28, 1)] Tensor image)
    {
        var x = pool1.Call(stem.Call(image));
        var shortcut = x;
        x = conv2.Call(conv1.Call(x));
        x = relu.Call(add.Call(x, shortcut));
        x = pool2.Call(x);
        return classifier.Call(hidden.Call(flatten.Call(x)));
    }
}

[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class CustomGenerated
{
    readonly Flatten flatten = new();
    readonly MyCustomLayer custom = new(16);
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class CustomAutograd
{
    readonly Flatten flatten = new();
    readonly MyCustomLayer custom = new(16);
    readonly ActivationLayer relu = new(Activation.Relu);
    readonly Dense classifier = new(10, Activation.Softmax);
}

/// <summary>A value read twice (a shared layer called twice, its output also skipped past it) and a regression loss with sample weights.</summary>
[Model]
[Compile(Optimizer.Sgd, Loss.MeanSquaredError, LearningRate = 0.1)]
public partial class SharedGenerated
{
    readonly Dense shared = new(6, Activation.Tanh);
    readonly Dense gelu = new(6, Activation.Gelu);
    readonly Dense head = new(2, Activation.Sigmoid);

    [Graph]
    Tensor Call([Input(6)] Tensor features)
    {
        var h = shared.Call(features);
        var g = shared.Call(h);
        return head.Call(gelu.Call(g));
    }
}

[Model]
[Compile(Optimizer.Sgd, Loss.MeanSquaredError, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class SharedAutograd
{
    readonly Dense shared = new(6, Activation.Tanh);
    readonly Dense gelu = new(6, Activation.Gelu);
    readonly Dense head = new(2, Activation.Sigmoid);

    [Graph]
    Tensor Call([Input(6)] Tensor features)
    {
        var h = shared.Call(features);
        var g = shared.Call(h);
        return head.Call(gelu.Call(g));
    }
}

/// <summary>Two outputs with loss weights: a fused sigmoid/binary cross-entropy head and a regression head.</summary>
[Model]
[Compile(Optimizer.Sgd)]
[Output("flag", Loss.BinaryCrossentropy, LossWeight = 0.5)]
[Output("value", Loss.MeanSquaredError)]
public partial class TwoHeadGenerated
{
    readonly Dense trunk = new(8, Activation.Silu);
    readonly Dense flag = new(1, Activation.Sigmoid);
    readonly Dense value = new(1);

    [Graph]
    (Tensor flag, Tensor value) Call([Input(5)] Tensor features)
    {
        var h = trunk.Call(features);
        return (flag.Call(h), value.Call(h));
    }
}

[Model]
[Compile(Optimizer.Sgd, Backward = BackwardMode.Autograd)]
[Output("flag", Loss.BinaryCrossentropy, LossWeight = 0.5)]
[Output("value", Loss.MeanSquaredError)]
public partial class TwoHeadAutograd
{
    readonly Dense trunk = new(8, Activation.Silu);
    readonly Dense flag = new(1, Activation.Sigmoid);
    readonly Dense value = new(1);

    [Graph]
    (Tensor flag, Tensor value) Call([Input(5)] Tensor features)
    {
        var h = trunk.Call(features);
        return (flag.Call(h), value.Call(h));
    }
}

// A deeper MLP whose memory plan shares buffers: each hidden gradient takes the buffer of an
// activation or gradient that is dead by then (the plan is in the generated file's _trainBuffers).
[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class DeepMlpGenerated
{
    readonly Flatten flatten = new();
    readonly Dense first = new(24, Activation.Relu);
    readonly Dense second = new(24, Activation.Tanh);
    readonly Dense third = new(24, Activation.Gelu);
    readonly Dropout drop = new(0.25);
    readonly Dense fourth = new(24, Activation.Sigmoid);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class DeepMlpAutograd
{
    readonly Flatten flatten = new();
    readonly Dense first = new(24, Activation.Relu);
    readonly Dense second = new(24, Activation.Tanh);
    readonly Dense third = new(24, Activation.Gelu);
    readonly Dropout drop = new(0.25);
    readonly Dense fourth = new(24, Activation.Sigmoid);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28, 1)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class SeparableGenerated
{
    readonly DepthwiseConv2D depthwise = new(3, Activation.Relu, strides: 2, depthMultiplier: 3);
    readonly Dropout drop = new(0.3, noiseShape: [null, 1, 1, null]);
    readonly SeparableConv2D separable = new(4, (3, 2), Activation.Tanh, padding: Padding.Same, dilationRate: 2, depthMultiplier: 2);
    readonly GlobalAveragePooling2D pool = new();
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28, 1)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class SeparableAutograd
{
    readonly DepthwiseConv2D depthwise = new(3, Activation.Relu, strides: 2, depthMultiplier: 3);
    readonly Dropout drop = new(0.3, noiseShape: [null, 1, 1, null]);
    readonly SeparableConv2D separable = new(4, (3, 2), Activation.Tanh, padding: Padding.Same, dilationRate: 2, depthMultiplier: 2);
    readonly GlobalAveragePooling2D pool = new();
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(1, 28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class SeparableFirstGenerated
{
    readonly DepthwiseConv2D depthwise = new(3, Activation.Relu, strides: 2, depthMultiplier: 3, dataFormat: DataFormat.ChannelsFirst);
    readonly SeparableConv2D separable = new(4, (3, 2), Activation.Tanh, padding: Padding.Same, dilationRate: 2, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling2D pool = new(dataFormat: DataFormat.ChannelsFirst);
    readonly Flatten flatten = new(DataFormat.ChannelsFirst);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(1, 28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class SeparableFirstAutograd
{
    readonly DepthwiseConv2D depthwise = new(3, Activation.Relu, strides: 2, depthMultiplier: 3, dataFormat: DataFormat.ChannelsFirst);
    readonly SeparableConv2D separable = new(4, (3, 2), Activation.Tanh, padding: Padding.Same, dilationRate: 2, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling2D pool = new(dataFormat: DataFormat.ChannelsFirst);
    readonly Flatten flatten = new(DataFormat.ChannelsFirst);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(1, 28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class ChannelsFirstGenerated
{
    readonly Conv2D conv = new(4, 3, Activation.Relu, dataFormat: DataFormat.ChannelsFirst);
    readonly AveragePooling2D mean = new(2, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly Conv2DTranspose up = new(3, (2, 2), Activation.Tanh, strides: 2, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling2D max = new(dataFormat: DataFormat.ChannelsFirst);
    readonly UpSampling2D grow = new((1, 2), Interpolation.Bilinear, DataFormat.ChannelsFirst);
    readonly ZeroPadding2D pad = new(1, DataFormat.ChannelsFirst);
    readonly Reshape rows = new(3, -1);
    readonly Conv1D seq = new(4, 3, Activation.Gelu, padding: Padding.Causal, dataFormat: DataFormat.ChannelsFirst);
    readonly AveragePooling1D seqMean = new(2, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling1D seqMax = new(2, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly GlobalAveragePooling1D global = new(dataFormat: DataFormat.ChannelsFirst);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(1, 28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class ChannelsFirstAutograd
{
    readonly Conv2D conv = new(4, 3, Activation.Relu, dataFormat: DataFormat.ChannelsFirst);
    readonly AveragePooling2D mean = new(2, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly Conv2DTranspose up = new(3, (2, 2), Activation.Tanh, strides: 2, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling2D max = new(dataFormat: DataFormat.ChannelsFirst);
    readonly UpSampling2D grow = new((1, 2), Interpolation.Bilinear, DataFormat.ChannelsFirst);
    readonly ZeroPadding2D pad = new(1, DataFormat.ChannelsFirst);
    readonly Reshape rows = new(3, -1);
    readonly Conv1D seq = new(4, 3, Activation.Gelu, padding: Padding.Causal, dataFormat: DataFormat.ChannelsFirst);
    readonly AveragePooling1D seqMean = new(2, dataFormat: DataFormat.ChannelsFirst);
    readonly MaxPooling1D seqMax = new(2, padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst);
    readonly GlobalAveragePooling1D global = new(dataFormat: DataFormat.ChannelsFirst);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1)]
public partial class WrappersGenerated
{
    readonly TimeDistributed project = new(new Dense(6, Activation.Tanh));
    readonly TimeDistributed drop = new(new Dropout(0.2));
    readonly Bidirectional encoder = new(new LSTM(4, returnSequences: true));
    readonly Bidirectional summary = new(new GRU(3), mergeMode: MergeMode.Ave);
    readonly Dense output = new(10, Activation.Softmax);
}

[Sequential, Input(28, 28)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, LearningRate = 0.1, Backward = BackwardMode.Autograd)]
public partial class WrappersAutograd
{
    readonly TimeDistributed project = new(new Dense(6, Activation.Tanh));
    readonly TimeDistributed drop = new(new Dropout(0.2));
    readonly Bidirectional encoder = new(new LSTM(4, returnSequences: true));
    readonly Bidirectional summary = new(new GRU(3), mergeMode: MergeMode.Ave);
    readonly Dense output = new(10, Activation.Softmax);
}
