using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

/// <summary>The forward lines on hand-built models: layer calls, training arguments, fusion, shape comments.</summary>
public sealed class ForwardPassTests
{
    private static readonly ModelSpec Mlp = ModelSpec.Sequential()
        .Flatten().Dense("hidden", 128, ActivationKind.Relu).Dropout("drop", 0.2).Dense("output", 10, ActivationKind.Softmax);

    [Fact]
    public void ForwardPassesTheCallersTrainingFlagToDropout()
    {
        var (lines, output) = ForwardPass.Lines(Mlp.Infer(), ["inputs"], CallMode.Forward, fusedActivation: null);

        Assert.Equal(
            [
                new CodeLine("var x1 = flatten.Call(inputs);", "(batch, 784)"),
                new CodeLine("var x2 = hidden.Call(x1);", "(batch, 128)"),
                new CodeLine("var x3 = drop.Call(x2, training);", "(batch, 128)"),
                new CodeLine("var x4 = output.Call(x3);", "(batch, 10)"),
            ],
            lines);
        Assert.Equal("x4", output);
    }

    [Fact]
    public void TrainingFusesTheSoftmaxIntoLogits()
    {
        var (lines, output) = ForwardPass.Lines(Mlp.Infer(), ["x"], CallMode.Training, ActivationKind.Softmax);

        Assert.Equal(new CodeLine("var x3 = drop.Call(x2, training: true);", "(batch, 128)"), lines[2]);
        Assert.Equal(new CodeLine("var logits = output.CallLinear(x3);", "(batch, 10), softmax fused into the loss"), lines[3]);
        Assert.Equal("logits", output);
    }

    [Fact]
    public void EvaluationTurnsDropoutOff() =>
        Assert.Equal(
            new CodeLine("var x3 = drop.Call(x2, training: false);", "(batch, 128)"),
            ForwardPass.Lines(Mlp.Infer(), ["x"], CallMode.Evaluation, fusedActivation: null).Lines[2]);

    [Fact]
    public void ActivationLayerLogitsAreItsInput()
    {
        var model = ModelSpec.Sequential().Input(4).Dense("scores", 3).Activation("probabilities", ActivationKind.Sigmoid).Infer();

        var (lines, _) = ForwardPass.Lines(model, ["x"], CallMode.Training, ActivationKind.Sigmoid);

        Assert.Equal(new CodeLine("var logits = x1;", "(batch, 3), sigmoid fused into the loss"), lines[1]);
    }

    [Fact]
    public void LayersNamedLikeLocalsAreQualified()
    {
        var model = ModelSpec.Sequential().Input(4).Dense("x2", 3).Dense("logits", 2).Dense("inputs", 1).Infer();

        var (lines, _) = ForwardPass.Lines(model, ["inputs"], CallMode.Forward, fusedActivation: null);

        Assert.Equal(["var x1 = this.x2.Call(inputs);", "var x2 = this.logits.Call(x1);", "var x3 = this.inputs.Call(x2);"], lines.ConvertAll(l => l.Code));
    }

    [Fact]
    public void FusingALayerWithoutSeparableActivationIsAnInternalError() =>
        Assert.Throws<System.InvalidOperationException>(() =>
            ForwardPass.Lines(ModelSpec.Sequential().Flatten().Infer(), ["x"], CallMode.Training, ActivationKind.Softmax));
}
