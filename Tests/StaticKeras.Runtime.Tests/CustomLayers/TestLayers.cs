using StaticKeras.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.CustomLayers;

/// <summary>Seed example 3, as a user writes it: the generator adds Build, the checked Call and the weights.</summary>
[Layer(Input = "..., d", Output = "..., units")]
public partial class MyCustomLayer(int units)
{
    [Weight("d, units", Initializer.RandomNormal)] partial Parameter W { get; }

    [Weight("units", Initializer.Zeros)] partial Parameter B { get; }

    /// <summary>The kernel, for tests.</summary>
    public Parameter Kernel => W;

    /// <summary>The bias, for tests.</summary>
    public Parameter Bias => B;

    /// <summary>x @ W + B; backward through autograd.</summary>
    public Tensor Call(Tensor inputs) => inputs.matmul(W) + B;
}

/// <summary>Breaks its contract: declares (..., units) and returns its input.</summary>
[Layer(Input = "..., d", Output = "..., units")]
public partial class Liar(int units)
{
    /// <summary>The promised size, unused by Call on purpose.</summary>
    public int Units => units;

    /// <summary>Returns the input unchanged, whatever units says.</summary>
    public Tensor Call(Tensor inputs) => inputs;
}

/// <summary>Halves the last axis by pairing neighbours: (t, d) -> (t, d / 2), with a per-feature scale (d / 2,).</summary>
[Layer(Input = "t, d", Output = "t, d / 2")]
public partial class PairSum
{
    [Weight("d / 2", Initializer.Ones)] public partial Parameter Scale { get; }

    /// <summary>Sums adjacent features and scales them.</summary>
    public Tensor Call(Tensor inputs) => inputs.reshape(inputs.shape[0], inputs.shape[1], inputs.shape[2] / 2, 2).sum(-1) * Scale;
}

/// <summary>MyCustomLayer with a hand-written backward: dX = g Wᵀ, dW = Xᵀ g (over all leading axes), dB = Σ g.</summary>
[Layer(Input = "..., d", Output = "..., units")]
public partial class HandBackwardDense(int units)
{
    [Weight("d, units", Initializer.GlorotUniform)] partial Parameter W { get; }

    [Weight("units", Initializer.Zeros)] partial Parameter B { get; }

    /// <summary>How many times Backward ran.</summary>
    public int BackwardCalls { get; private set; }

    /// <summary>x @ W + B.</summary>
    public Tensor Call(Tensor inputs) => inputs.matmul(W) + B;

    /// <summary>The input gradient; the weights' gradients go to AddGradient.</summary>
    public Tensor Backward(Tensor inputs, Tensor gradOutput)
    {
        BackwardCalls++;
        var flatInputs = inputs.reshape(-1, inputs.shape[^1]);
        var flatGrad = gradOutput.reshape(-1, units);
        AddGradient(W, flatInputs.t().matmul(flatGrad));
        AddGradient(B, flatGrad.sum([0L]));
        return gradOutput.matmul(W.t());
    }
}

/// <summary>A hand-written Backward that gives a weight gradient of the wrong shape.</summary>
[Layer(Input = "..., d", Output = "..., d")]
public partial class WrongBackward
{
    [Weight("d", Initializer.Ones)] partial Parameter Scale { get; }

    /// <summary>x * Scale.</summary>
    public Tensor Call(Tensor inputs) => inputs * Scale;

    /// <summary>Gives Scale a scalar gradient: a mistake.</summary>
    public Tensor Backward(Tensor inputs, Tensor gradOutput)
    {
        AddGradient(Scale, gradOutput.sum());
        return gradOutput * Scale;
    }
}
