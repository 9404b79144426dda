using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Constraints;

[Sequential, Input(6)]
[Compile(Optimizer.Sgd, Loss.MeanSquaredError, LearningRate = 0.5)]
public partial class ConstrainedMlp
{
    readonly Dense hidden = new(5, Activation.Tanh, kernelConstraint: Constraint.MaxNorm(0.5), biasConstraint: Constraint.NonNeg());
    readonly Dense output = new(2, kernelConstraint: Constraint.UnitNorm(axis: [0]));
}

[Sequential, Input(6)]
[Compile(Optimizer.Sgd, Loss.MeanSquaredError, LearningRate = 0.5, Backward = BackwardMode.Autograd)]
public partial class FreeMlp
{
    readonly Dense hidden = new(5, Activation.Tanh);
    readonly Dense output = new(2);
}

/// <summary>
/// Constraints in training, as Keras' optimizer applies them: after each update (the fused flat-buffer one
/// included), each constrained weight is the constraint of the updated weight, and stays the optimizer's view.
/// </summary>
public sealed class ConstrainedTrainingTests
{
    [Fact]
    public void EachStepProjectsTheUpdatedWeights()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        var x = randn(16, 6);
        var y = randn(16, 2);
        var constrained = new ConstrainedMlp();
        var free = new FreeMlp();
        var constraints = new (string Weight, Constraint Constraint)[]
        {
            ("hidden.kernel", Constraint.MaxNorm(0.5)), ("hidden.bias", Constraint.NonNeg()), ("output.kernel", Constraint.UnitNorm([0])),
        };

        for (var step = 0; step < 3; step++)
        {
            // One full-batch SGD step each: the free model's update, then the constraints, must give the constrained model's weights.
            free.SetWeights(constrained.GetWeights());
            constrained.Fit(x, y, epochs: 1, batchSize: 16, shuffle: false, verbose: 0);
            free.Fit(x, y, epochs: 1, batchSize: 16, shuffle: false, verbose: 0);
            var expected = free.state_dict();
            var actual = constrained.state_dict();
            foreach (var (name, weight) in actual)
            {
                var updated = expected[name];
                var projected = constraints.FirstOrDefault(c => c.Weight == name).Constraint?.Apply(updated) ?? updated;
                Assert.True(weight.allclose(projected, rtol: 1e-5, atol: 1e-6), $"step {step}: {name} is not the constraint of the updated weight");
            }
        }

        var kernel = constrained.state_dict()["hidden.kernel"];
        Assert.True(kernel.square().sum([0L]).sqrt().le(0.5 + 1e-6).all().item<bool>(), "MaxNorm(0.5) holds after training");
        Assert.True(constrained.state_dict()["hidden.bias"].ge(0).all().item<bool>(), "NonNeg holds after training");
    }
}
