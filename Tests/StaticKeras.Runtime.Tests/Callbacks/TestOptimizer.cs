using System.Collections.Generic;
using StaticKeras.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>Plain gradient descent, enough to give a model an optimizer with a learning rate.</summary>
internal sealed class TestOptimizer(IEnumerable<Parameter> parameters, double learningRate) : KerasOptimizer(parameters, learningRate)
{
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots) =>
        variable.sub_(gradient * LearningRate);
}
