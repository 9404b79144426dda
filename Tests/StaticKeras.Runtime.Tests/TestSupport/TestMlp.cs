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
        _info = new ModelInfo("TestMlp", input ?? new TensorSpec("inputs", [2, 2], [null, null]),
            new TensorSpec("output", [units], [null]), compile, "Model: \"TestMlp\"");
    }

    public static CompileInfo Compiled(Loss loss = Loss.SparseCategoricalCrossentropy, Optimizer optimizer = Optimizer.Adam,
        double learningRate = 0, bool accuracy = true) =>
        new(optimizer, loss, accuracy ? [Metric.Accuracy] : [], FromLogits: false, LearningRate: learningRate);

    public List<StepRecord> Steps { get; } = [];

    protected override ModelInfo Info => _info;

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        GuardInput(inputs);
        var logits = Logits(inputs, training);
        return _info.Compile?.Loss switch
        {
            Loss.SparseCategoricalCrossentropy or Loss.CategoricalCrossentropy => logits.softmax(-1),
            Loss.BinaryCrossentropy => logits.sigmoid(),
            _ => logits,
        };
    }

    protected override StepOutput TrainStep(Tensor x, Tensor y)
    {
        var output = Step(x, y, training: true);
        ApplyGradients(output.Loss);
        Record("train", x, y, output);
        return output;
    }

    protected override StepOutput TestStep(Tensor x, Tensor y)
    {
        var output = Step(x, y, training: false);
        Record("test", x, y, output);
        return output;
    }

    private Tensor Logits(Tensor x, bool training) =>
        output.CallLinear(dropout.Call(hidden.Call(flatten.Call(x, training), training), training));

    // As the generator fuses the output activation with the loss.
    private StepOutput Step(Tensor x, Tensor y, bool training)
    {
        var logits = Logits(x, training);
        return _info.Compile!.Loss switch
        {
            Loss.SparseCategoricalCrossentropy => new(LossFunctions.SparseCategoricalCrossentropy(y, logits, fromLogits: true), logits.softmax(-1)),
            Loss.CategoricalCrossentropy => new(LossFunctions.CategoricalCrossentropy(y, logits, fromLogits: true), logits.softmax(-1)),
            Loss.BinaryCrossentropy => new(LossFunctions.BinaryCrossentropy(y, logits, fromLogits: true), logits.sigmoid()),
            _ => new(LossFunctions.MeanSquaredError(y, logits), logits),
        };
    }

    private void Record(string phase, Tensor x, Tensor y, StepOutput output)
    {
        long correct = 0;
        if (_info.Compile!.Loss == Loss.SparseCategoricalCrossentropy)
        {
            correct = output.Predictions.argmax(-1).eq(y.reshape(-1)).sum().item<long>();
        }

        Steps.Add(new StepRecord(phase, Blobs.Ids(x), output.Loss.item<float>(), x.shape[0], correct));
    }

    public IEnumerable<StepRecord> Phase(string phase) => Steps.Where(s => s.Phase == phase);
}
