using System.Collections.Generic;
using StaticKeras.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>Plain gradient descent, enough to give a model an optimizer with a learning rate.</summary>
internal sealed class TestOptimizer(IEnumerable<Parameter> parameters, double learningRate) : KerasOptimizer(parameters, learningRate)
{
    public override void Step()
    {
        using var noGrad = no_grad();
        foreach (var p in Parameters)
        {
            if (p.grad is { } g)
            {
                p.sub_(g * LearningRate);
            }
        }

        Iterations++;
    }
}
