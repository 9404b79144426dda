using System;
using System.IO;
using System.Linq;
using StaticKeras.Optimizers;
using StaticKeras.Runtime.Tests.TestSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

/// <summary>
/// The contract a generated backward pass relies on (Model.Gradients.cs): ZeroGradients leaves each
/// trainable weight's .grad a zero view of one flat gradient buffer, a backward pass accumulates into
/// it in place, ApplyGradients() steps from it; and the weights, living in a flat buffer, still save,
/// load and move like any module's parameters.
/// </summary>
public class ModelGradientsTests
{
    [Fact]
    public void ZeroGradientsLeavesEveryGradAZeroViewOfOneFlatBuffer()
    {
        var model = new Probe();
        model.Compile(new Adam());
        model.ZeroGradientsNow();
        var group = Assert.Single(model.CompiledOptimizer.FlatGroups);
        Assert.Equal(4 * 5 + 5 + 5 * 3 + 3, group.Gradients.numel());

        foreach (var weight in model.parameters())
        {
            Assert.Equal(weight.shape, weight.grad!.shape);
            weight.grad!.add_(1);           // a backward pass accumulates in place
        }

        Assert.Equal(group.Gradients.numel(), group.Gradients.sum().item<float>());
        model.ZeroGradientsNow();
        Assert.Equal(0f, group.Gradients.abs().sum().item<float>());
        Assert.All(model.parameters(), w => Assert.Equal(0f, w.grad!.abs().sum().item<float>()));
    }

    [Fact]
    public void TheGeneratedBackwardSeamAndTheAutogradPathTakeTheSameSteps()
    {
        // One model writes its gradients as a generated backward would (in place into .grad after
        // ZeroGradients, here from autograd.grad), the twin trains through ApplyGradients(loss).
        manual_seed(60);
        var seam = new Probe();
        manual_seed(60);
        var autogradPath = new Probe();
        seam.Compile(new Adam(learningRate: 0.05));
        autogradPath.Compile(new Adam(learningRate: 0.05));
        var (x, y) = Blobs.Make(8, seed: 61);

        for (var step = 0; step < 3; step++)
        {
            seam.TrainThroughSeam(x, y);
            autogradPath.TrainThroughAutograd(x, y);
        }

        foreach (var (a, b) in seam.parameters().Zip(autogradPath.parameters()))
        {
            Approx.Equal(b, a, 0);
        }

        Assert.Equal(3, seam.CompiledOptimizer.Iterations);
    }

    [Fact]
    public void WeightsLoadedInPlaceKeepTrainingInTheFlatBuffer()
    {
        manual_seed(62);
        var model = new Probe();
        model.Compile(new Sgd(learningRate: 0.1));
        var (x, y) = Blobs.Make(8, seed: 63);
        model.TrainThroughAutograd(x, y);
        var path = Path.Combine(Path.GetTempPath(), $"statickeras-flat-{Guid.NewGuid():N}.weights.safetensors");
        try
        {
            model.SaveWeights(path);
            using var saved = model.GetWeights();
            model.TrainThroughAutograd(x, y);
            model.LoadWeights(path);                 // copies into the parameters, which stay views
            foreach (var (name, weight) in model.state_dict())
            {
                Approx.Equal(saved[name], weight, 0);
            }

            var group = model.CompiledOptimizer.FlatGroups[0];
            var before = group.Weights.clone();
            model.TrainThroughAutograd(x, y);
            Assert.True(group.Weights.sub(before).abs().sum().item<float>() > 0);
            Approx.Equal(group.Weights[..20].view(4, 5), model.parameters().First(), 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ASecondCompileRebindsTheWeightsToTheNewOptimizer()
    {
        manual_seed(64);
        var model = new Probe();
        model.Compile(new Adam());
        var values = model.parameters().Select(p => p.detach().clone()).ToArray();
        model.Compile(new Sgd(learningRate: 0.5));
        foreach (var (p, v) in model.parameters().Zip(values))
        {
            Approx.Equal(v, p, 0);
        }

        var (x, y) = Blobs.Make(8, seed: 65);
        model.TrainThroughAutograd(x, y);
        Approx.Equal(model.CompiledOptimizer.FlatGroups[0].Weights[..20].view(4, 5), model.parameters().First(), 0);
    }

    [Fact]
    public void RebindOptimizerAfterTheModuleMovedItsParameters()
    {
        var model = new Probe();
        model.Compile(new Adam());
        model.to(ScalarType.Float64);       // replaces every Parameter object, as a device move does
        model.RebindOptimizer();
        var group = Assert.Single(model.CompiledOptimizer.FlatGroups);
        Assert.Equal(ScalarType.Float64, group.Weights.dtype);
        Assert.Equal(model.parameters().ToArray(), model.CompiledOptimizer.Parameters);
    }

    private sealed class Probe : Model
    {
        readonly StaticKeras.Layers.Flatten flatten = new();
        readonly StaticKeras.Layers.Dense hidden = new(5, Activation.Relu);
        readonly StaticKeras.Layers.Dense output = new(3);

        public Probe() : base("Probe")
        {
            hidden.Build(4);
            output.Build(5);
            register_module("flatten", flatten);
            register_module("hidden", hidden);
            register_module("output", output);
        }

        protected override ModelInfo Info { get; } = new("Probe", [new("inputs", [2, 2], [null, null])], [new("output", [3], [null])], null, "");

        public override Tensor Call(Tensor inputs, bool training = false) => output.Call(hidden.Call(flatten.Call(inputs)));

        private Tensor Loss(Tensor x, Tensor y) =>
            StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y, output.CallLinear(hidden.Call(flatten.Call(x))), true);

        public void ZeroGradientsNow() => ZeroGradients();

        public void TrainThroughAutograd(Tensor x, Tensor y) => ApplyGradients(Loss(x, y));

        public void TrainThroughSeam(Tensor x, Tensor y)
        {
            ZeroGradients();
            var weights = parameters().ToArray();
            var gradients = autograd.grad([Loss(x, y)], weights);
            using (no_grad())
            {
                foreach (var (w, g) in weights.Zip(gradients))
                {
                    w.grad!.add_(g);
                }
            }

            ApplyGradients();
        }

        protected override StepOutput TrainStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw new NotSupportedException();

        protected override StepOutput TestStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw new NotSupportedException();
    }
}
