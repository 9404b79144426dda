using System;
using System.Linq;
using StaticKeras.Layers;
using TorchSharp;
using Padding = StaticKeras.Layers.Padding;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

/// <summary>
/// Convolution layers in float32, the precision models train in: the forward output, the explicit backward
/// and autograd's gradients against the same layer in float64. The other convolution checks run in float64
/// or compare with a reference that is itself a float32 convolution; these catch a float32 kernel that is
/// wrong on its own, as libtorch's oneDNN ones are on some CPUs for exactly these layers
/// (<see cref="Platform.ConvolutionProbes"/>): there they fail, by errors the size of the values, unless
/// <see cref="Platform.OneDnnConvolutionCheck"/> has switched oneDNN off.
/// </summary>
public sealed class Float32ConvolutionTests
{
    /// <summary>The largest relative error accepted: max |float32 − float64| / max |float64|.</summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Layers => new(Cases.Select(c => c.Name));

    private static readonly (string Name, Func<Layer> Create, long[] InputShape)[] Cases =
    [
        ("DepthwiseConv2D multiplier 2", () => new DepthwiseConv2D(3, Activation.Tanh, depthMultiplier: 2), [2, 9, 10, 4]),
        ("DepthwiseConv2D multiplier 3, strides 2, same", () => new DepthwiseConv2D(3, strides: 2, padding: Padding.Same, depthMultiplier: 3), [2, 9, 10, 3]),
        ("DepthwiseConv2D multiplier 2, dilation 2, channels first",
            () => new DepthwiseConv2D(2, depthMultiplier: 2, dilationRate: 2, dataFormat: DataFormat.ChannelsFirst), [2, 4, 9, 10]),
        ("SeparableConv2D multiplier 2", () => new SeparableConv2D(5, 3, Activation.Relu, depthMultiplier: 2), [2, 9, 10, 4]),
        ("Conv2D groups = channels, 2 filters each", () => new Conv2D(8, 3, Activation.Sigmoid, groups: 4), [2, 9, 10, 4]),
        ("Conv1D groups = channels, 2 filters each", () => new Conv1D(8, 3, Activation.Linear, groups: 4), [2, 11, 4]),
        ("Conv1D 24 -> 4 channels, dilation 2", () => new Conv1D(4, 3, padding: Padding.Same, dilationRate: 2), [3, 13, 24]),
        ("Conv2D 24 -> 5 channels, strides 2", () => new Conv2D(5, 3, Activation.Relu, strides: 2), [3, 9, 8, 24]),
        ("Conv2DTranspose 24 -> 5 channels, strides 2, same", () => new Conv2DTranspose(5, 3, Activation.Tanh, strides: 2, padding: Padding.Same), [3, 5, 4, 24]),
        ("Conv2DTranspose 4 -> 8 channels", () => new Conv2DTranspose(8, (3, 2)), [2, 6, 7, 4]),
    ];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Float32MatchesFloat64(string name)
    {
        var (_, create, shape) = Cases.Single(c => c.Name == name);
        random.manual_seed(21);
        var layer = create();
        layer.Build(shape.Skip(1).ToArray());
        using (no_grad())
        {
            foreach (var bias in layer.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)))
            {
                bias.parameter.uniform_(-0.5, 0.5);
            }
        }

        var input = randn(shape, ScalarType.Float64);
        var single = Run(layer, input.to(ScalarType.Float32));
        layer.to(ScalarType.Float64);
        var reference = Run(layer, input);

        AssertRelative(reference.Output, single.Output, $"{name}: output");
        AssertRelative(reference.InputGradient, single.InputGradient, $"{name}: explicit dL/dinput");
        AssertRelative(reference.AutogradInputGradient, single.AutogradInputGradient, $"{name}: autograd dL/dinput");
        for (int i = 0; i < reference.WeightGradients.Length; i++)
        {
            AssertRelative(reference.WeightGradients[i], single.WeightGradients[i], $"{name}: explicit dL/dweight {i}");
        }
    }

    private static (Tensor Output, Tensor InputGradient, Tensor AutogradInputGradient, Tensor[] WeightGradients) Run(Layer layer, Tensor input)
    {
        var x = input.detach().clone().requires_grad_(true);
        var y = layer.Call(x);
        random.manual_seed(22);
        var gradOutput = randn(y.shape, ScalarType.Float64).to(y.dtype);
        var autogradInput = autograd.grad([y], [x], [gradOutput])[0];

        var weights = layer.parameters().ToArray();
        foreach (var w in weights)
        {
            w.grad = null;
        }

        var output = y.detach();
        Tensor inputGradient = layer switch
        {
            DepthwiseConv2D d => d.Backward(gradOutput, input, output),
            SeparableConv2D s => s.Backward(gradOutput, input, output),
            Conv2D c => c.Backward(gradOutput, input, output),
            Conv1D c => c.Backward(gradOutput, input, output),
            Conv2DTranspose t => t.Backward(gradOutput, input, output),
            _ => throw new ArgumentException($"no Backward case for {layer.GetType().Name}"),
        };
        return (output.to(ScalarType.Float64), inputGradient.to(ScalarType.Float64), autogradInput.to(ScalarType.Float64),
            weights.Select(w => w.grad!.to(ScalarType.Float64)).ToArray());
    }

    private static void AssertRelative(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        double scale = Math.Max(expected.abs().max().item<double>(), 1e-12);
        double error = (expected - actual).abs().max().item<double>() / scale;
        Assert.True(error <= Tolerance, $"{what}: float32 differs from float64 by {error:G3} of the largest value (tolerance {Tolerance:G3})");
    }
}
