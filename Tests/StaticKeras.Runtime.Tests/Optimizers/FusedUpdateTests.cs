using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Optimizers;
using StaticKeras.Runtime.Tests.TestSupport;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Optimizers;

/// <summary>
/// The fused update: all weights of a dtype and device live in one flat buffer, their gradients in
/// another, and one step on the flat buffers must equal Keras' rule applied weight by weight.
/// </summary>
public class FusedUpdateTests
{
    private static readonly long[][] Shapes = [[3, 4], [4], [2, 3, 2], [1]];

    public static TheoryData<string> Optimizers() => new(Factories.Keys);

    private static readonly Dictionary<string, Func<KerasOptimizer>> Factories = new()
    {
        ["adam"] = () => new Adam(learningRate: 0.05),
        ["adamw"] = () => new AdamW(learningRate: 0.05, weightDecay: 0.1),
        ["rmsprop"] = () => new RmsProp(learningRate: 0.05),
        ["rmsprop-centered-momentum"] = () => new RmsProp(learningRate: 0.05, momentum: 0.5, centered: true),
        ["sgd"] = () => new Sgd(learningRate: 0.1),
        ["sgd-momentum"] = () => new Sgd(learningRate: 0.1, momentum: 0.9),
        ["sgd-nesterov"] = () => new Sgd(learningRate: 0.1, momentum: 0.9, nesterov: true),
        ["adam-amsgrad-clipnorm-decay"] = () => new Adam(learningRate: 0.05, amsgrad: true) { ClipNorm = 1.0, WeightDecay = 0.01 },
        ["adamax-clipvalue"] = () => new Adamax(learningRate: 0.05) { ClipValue = 0.5 },
        ["nadam-ema"] = () => new Nadam(learningRate: 0.05) { UseEma = true, EmaOverwriteFrequency = 2 },
        ["adagrad-accumulation"] = () => new Adagrad(learningRate: 0.05) { GradientAccumulationSteps = 2 },
        ["adadelta"] = () => new Adadelta(learningRate: 1),
        ["lion"] = () => new Lion(learningRate: 0.05),
        ["ftrl"] = () => new Ftrl(learningRate: 0.05, l1RegularizationStrength: 0.01, l2ShrinkageRegularizationStrength: 0.01),
        ["adafactor"] = () => new Adafactor(learningRate: 0.05),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void FusedStepEqualsThePerWeightRuleOverStepsWithChangingGradientsAndLearningRate(string name)
    {
        var generator = new Generator(seed: 7);
        var initial = Shapes.Select(s => randn(s, dtype: ScalarType.Float64, generator: generator)).ToArray();
        var fused = initial.Select(w => new Parameter(w.clone())).ToArray();
        var alone = initial.Select(w => new Parameter(w.clone())).ToArray();
        var fusedOptimizer = Factories[name]();
        fusedOptimizer.Build(fused);
        var perWeight = alone.Select(w =>
        {
            var optimizer = Factories[name]();
            optimizer.Build([w]);
            return optimizer;
        }).ToArray();

        for (var step = 0; step < 5; step++)
        {
            var gradients = Shapes.Select(s => randn(s, dtype: ScalarType.Float64, generator: generator)).ToArray();
            fusedOptimizer.ZeroGrad();
            for (var i = 0; i < fused.Length; i++)
            {
                fused[i].grad!.add_(gradients[i]);          // accumulate in place, as a backward pass does
                alone[i].grad = gradients[i].clone();
            }

            fusedOptimizer.Step();
            foreach (var optimizer in perWeight)
            {
                optimizer.Step();
                optimizer.LearningRate *= 0.7;
            }

            fusedOptimizer.LearningRate *= 0.7;
            for (var i = 0; i < fused.Length; i++)
            {
                Assert.True(Identical(fused[i], alone[i]), $"{name}: weight {i} differs after step {step + 1}");
            }
        }
    }

    [Fact]
    public void WeightsAndGradientsAreViewsOfOneFlatBufferPerDtype()
    {
        var weights = new[]
        {
            new Parameter(ones(2, 3)), new Parameter(full(4, 2.0)),
            new Parameter(ones(5, dtype: ScalarType.Float64)), new Parameter(full(3, 3.0)),
        };
        var adam = new Adam();
        adam.Build(weights);

        var groups = adam.FlatGroups;
        Assert.Equal(2, groups.Count);
        Assert.Equal([0, 1, 3], groups[0].Indices);
        Assert.Equal(13, groups[0].Weights.numel());
        Approx.Equal([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3], groups[0].Weights, 0);

        // Writing through the flat buffer is seen by the parameter and the other way round.
        groups[0].Weights[6] = tensor(7f);
        weights[3].detach().mul_(2);
        Approx.Equal([7, 2, 2, 2], weights[1], 0);
        Approx.Equal([6, 6, 6], groups[0].Weights[10..], 0);

        // Gradients: a write into the flat gradient buffer shows in each .grad.
        adam.ZeroGrad();
        groups[0].Gradients.fill_(5);
        Approx.Equal([5, 5, 5, 5], weights[1].grad!, 0);
        adam.ZeroGrad();
        Approx.Equal([0, 0, 0, 0, 0, 0], weights[0].grad!, 0);
        Assert.Equal([2L, 3], weights[0].grad!.shape);
    }

    [Fact]
    public void AutogradAccumulatesIntoTheFlatGradientsInPlace()
    {
        var w = new Parameter(tensor(new[] { 1.0, 2.0 }));
        var b = new Parameter(tensor(new[] { 0.5 }));
        var sgd = new Sgd(learningRate: 1);
        sgd.Build([w, b]);
        sgd.ZeroGrad();
        for (var pass = 0; pass < 2; pass++)
        {
            (w * w).sum().add(b.sum() * 3).backward();   // d/dw = 2w, d/db = 3, twice
        }

        Approx.Equal([4, 8, 6], sgd.FlatGroups[0].Gradients, 0);
        sgd.Step();
        Approx.Equal([-3, -6], w, 0);
        Approx.Equal([-5.5], b, 0);
    }

    [Fact]
    public void AWeightWithoutGradientIsSkippedAndTheOthersFollowTheRule()
    {
        var fused = new[] { new Parameter(ones(3)), new Parameter(ones(2)) };
        var alone = new Parameter(ones(3));
        var adam = new Adam(learningRate: 0.1);
        var reference = new Adam(learningRate: 0.1);
        adam.Build(fused);
        reference.Build([alone]);
        for (var step = 0; step < 3; step++)
        {
            var g = tensor(new[] { 0.5f, -1f, step });
            fused[0].grad = g.clone();      // assigned as a new tensor: copied into the flat buffer
            fused[1].grad = null;
            alone.grad = g.clone();
            adam.Step();
            reference.Step();
        }

        Assert.True(Identical(fused[0], alone));
        Approx.Equal([1, 1], fused[1], 0);
        Assert.Equal(3, adam.Iterations);
    }

    [Fact]
    public void ASharedWeightListedTwiceIsUpdatedOnce()
    {
        var w = new Parameter(ones(2));
        var sgd = new Sgd(learningRate: 1);
        sgd.Build([w, w]);
        Assert.Single(sgd.Parameters);
        w.grad = ones(2);
        sgd.Step();
        Approx.Equal([0, 0], w, 0);
    }

    [Fact]
    public void RebindAfterModuleToKeepsTheStateAndUpdatesTheNewParameters()
    {
        // Module.to(dtype/device) replaces each Parameter object; Rebind moves the flat buffers and
        // the optimizer state to the new ones. Float32 -> float64 exercises the same path as a device move.
        random.manual_seed(3);
        var module = nn.Linear(3, 2);
        var reference = new Parameter(module.weight!.detach().to_type(ScalarType.Float64).clone());
        var adam = new Adam(learningRate: 0.1);
        var referenceAdam = new Adam(learningRate: 0.1);
        adam.Build(module.parameters());
        referenceAdam.Build([reference]);
        var gradient = tensor(new[,] { { 0.5, -1, 2 }, { 0.25, 0, -0.5 } });

        module.weight!.grad = gradient.to_type(ScalarType.Float32);
        module.bias!.grad = zeros(2);
        adam.Step();
        reference.grad = gradient.to_type(ScalarType.Float32).to_type(ScalarType.Float64);
        referenceAdam.Step();
        using (no_grad())
        {
            reference.copy_(module.weight!.to_type(ScalarType.Float64));   // the float32 step, in float64
        }

        module.to(ScalarType.Float64);
        adam.Rebind(module.parameters());
        Assert.Equal(ScalarType.Float64, adam.FlatGroups[0].Weights.dtype);
        Assert.Same(module.weight, adam.Parameters[0]);

        adam.ZeroGrad();
        module.weight!.grad!.add_(gradient * -1);
        adam.Step();
        reference.grad = gradient * -1;
        referenceAdam.Step();
        Approx.Equal(reference, module.weight!, 1e-6);   // the moments carried over (in float32 precision)
    }

    [Fact]
    public void RebindRejectsOtherWeights()
    {
        var adam = new Adam();
        adam.Build([new Parameter(ones(2))]);
        var e = Assert.Throws<ArgumentException>(() => { adam.Rebind([new Parameter(ones(3))]); });
        Assert.StartsWith("Adam was built for 1 parameters; Rebind needs the same weights", e.Message);
    }

    private static bool Identical(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
