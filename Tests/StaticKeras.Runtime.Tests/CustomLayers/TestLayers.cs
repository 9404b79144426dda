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
