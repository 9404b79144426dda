using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Optimizers;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

public class ModelServicesTests
{
    [Fact]
    public void ApplyGradientsTakesOneStepOnFreshGradientsEachTime()
    {
        // Two models with identical weights: one trained by ApplyGradients with SGD(0.1), the other
        // stepped by hand with w -= 0.1 * dL/dw from autograd. Gradients must not accumulate.
        manual_seed(50);
        var model = new GradientProbe();
        manual_seed(50);
        var reference = new GradientProbe();
        model.Compile(new Sgd(learningRate: 0.1));
        var (x, y) = Blobs.Make(8, seed: 51);

        for (var step = 0; step < 2; step++)
        {
            model.Train(x, y);
            var parameters = reference.parameters().ToArray();
            var gradients = autograd.grad([reference.Loss(x, y)], parameters);
            using (no_grad())
            {
                foreach (var (p, g) in parameters.Zip(gradients))
                {
                    p.sub_(g * 0.1);
                }
            }
        }

        foreach (var (trained, expected) in model.parameters().Zip(reference.parameters()))
        {
            Approx.Equal(expected, trained, 1e-6);
        }
    }

    [Fact]
    public void ApplyGradientsNeedsAScalarLoss()
    {
        var model = new GradientProbe();
        var e = Assert.Throws<ArgumentException>(() => model.ApplyVector());
        Assert.StartsWith("ApplyGradients needs a scalar loss; got shape (2,).", e.Message);
    }

    [Fact]
    public void SummaryPrintsTheBuildTimeTableLineByLine()
    {
        var lines = new List<string>();
        new BlobMlp().Summary(lines.Add);
        Assert.Equal(BlobMlp.SummaryText.TrimEnd('\n').Split('\n'), lines);
        Assert.Equal("Model: \"BlobMlp\"", lines[0]);
        Assert.Equal(" Total params: 131 (524.00 B)", lines[^3]);
    }

    [Fact]
    public void ForwardIsCallWithTheModulesTrainingFlag()
    {
        manual_seed(52);
        var model = new TestMlp(TestMlp.Compiled(), dropoutRate: 0.9);
        using var x = ones(64, 2, 2);
        model.eval();
        Approx.Equal(model.Call(x), model.forward(x), 0);
        model.train();
        Assert.Throws<Xunit.Sdk.TrueException>(() => Approx.Equal(model.Call(x), model.forward(x), 1e-6));
    }

    [Fact]
    public void StateDictKeysAreMemberNameDotWeightName()
    {
        Assert.Equal(["hidden.kernel", "hidden.bias", "output.kernel", "output.bias"], new BlobMlp().state_dict().Keys);
    }

    // Exposes the protected services the way a generated training step uses them.
    private sealed class GradientProbe : Model
    {
        readonly StaticKeras.Layers.Flatten flatten = new();
        readonly StaticKeras.Layers.Dense output = new(3);

        public GradientProbe() : base("GradientProbe")
        {
            output.Build(4);
            register_module("flatten", flatten);
            register_module("output", output);
        }

        protected override ModelInfo Info { get; } = new("GradientProbe", [new("inputs", [2, 2], [null, null])], [new("output", [3], [null])], null, "");

        public override Tensor Call(Tensor inputs, bool training = false) => output.Call(flatten.Call(inputs));

        public Tensor Loss(Tensor x, Tensor y) => StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y, output.CallLinear(flatten.Call(x)), true);

        public void Train(Tensor x, Tensor y) => ApplyGradients(Loss(x, y));

        public void ApplyVector() => ApplyGradients(ones(2, requires_grad: true) * 2);

        protected override StepOutput TrainStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw new NotSupportedException();

        protected override StepOutput TestStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight) => throw new NotSupportedException();
    }
}
