#nullable enable

using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Losses;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.TestSupport;

/// <summary>What one training or test step received and produced.</summary>
internal sealed record StepRecord(string Phase, long[] Ids, double Loss, long Samples, long Correct);

/// <summary>
/// An MLP written like generated code, (batch, 2, 2) -> (batch, units), whose [Compile] settings are
/// constructor arguments, and which records every step it runs.
/// </summary>
internal sealed class TestMlp : Model
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(8, Activation.Relu);
    readonly Dropout dropout;
    readonly Dense output;
    private readonly ModelInfo _info;

    public TestMlp(CompileInfo? compile, int units = 3, double dropoutRate = 0, TensorSpec? input = null) : base("TestMlp")
    {
        dropout = new Dropout(dropoutRate);
        output = new Dense(units);
        hidden.Build(4);
        output.Build(8);
        register_module("flatten", flatten);
        register_module("hidden", hidden);
        register_module("dropout", dropout);
        register_module("output", output);
        _info = new ModelInfo("TestMlp", [input ?? new TensorSpec("inputs", [2, 2], [null, null])],
            [new TensorSpec("output", [units], [null])], compile, "Model: \"TestMlp\"");
    }

    public static CompileInfo Compiled(Loss loss = Loss.SparseCategoricalCrossentropy, Optimizer optimizer = Optimizer.Adam,
        double learningRate = 0, bool accuracy = true) =>
        new(optimizer, learningRate, [new(loss, accuracy ? [Metric.Accuracy] : [], FromLogits: false, LossWeight: 1)], PerOutput: false);

    public List<StepRecord> Steps { get; } = [];

    protected override ModelInfo Info => _info;

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        GuardInput(inputs);
        var logits = Logits(inputs, training);
        return CompiledLoss switch
        {
            Loss.SparseCategoricalCrossentropy or Loss.CategoricalCrossentropy => logits.softmax(-1),
            Loss.BinaryCrossentropy => logits.sigmoid(),
            _ => logits,
        };
    }

    protected override StepOutput TrainStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight)
    {
        var output = Step(x[0], y[0], sampleWeight[0], training: true);
        ApplyGradients(output.Loss);
        Record("train", x[0], y[0], output);
        return output;
    }

    protected override StepOutput TestStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight)
    {
        var output = Step(x[0], y[0], sampleWeight[0], training: false);
        Record("test", x[0], y[0], output);
        return output;
    }

    private Loss? CompiledLoss => _info.Compile?.Outputs[0].Loss;

    private Tensor Logits(Tensor x, bool training) =>
        output.CallLinear(dropout.Call(hidden.Call(flatten.Call(x, training), training), training));

    // As the generator fuses the output activation with the loss.
    private StepOutput Step(Tensor x, Tensor y, Tensor? weights, bool training)
    {
        var logits = Logits(x, training);
        var (loss, predictions) = CompiledLoss switch
        {
            Loss.SparseCategoricalCrossentropy => (LossFunctions.SparseCategoricalCrossentropy(y, logits, true, weights), logits.softmax(-1)),
            Loss.CategoricalCrossentropy => (LossFunctions.CategoricalCrossentropy(y, logits, true, weights), logits.softmax(-1)),
            Loss.BinaryCrossentropy => (LossFunctions.BinaryCrossentropy(y, logits, true, weights), logits.sigmoid()),
            _ => (LossFunctions.MeanSquaredError(y, logits, weights), logits),
        };
        return new(loss, [loss], [predictions]);
    }

    private void Record(string phase, Tensor x, Tensor y, StepOutput output)
    {
        long correct = 0;
        if (CompiledLoss == Loss.SparseCategoricalCrossentropy)
        {
            correct = output.Predictions[0].argmax(-1).eq(y.reshape(-1)).sum().item<long>();
        }

        Steps.Add(new StepRecord(phase, Blobs.Ids(x), output.Loss.item<float>(), x.shape[0], correct));
    }

    public IEnumerable<StepRecord> Phase(string phase) => Steps.Where(s => s.Phase == phase);
}
