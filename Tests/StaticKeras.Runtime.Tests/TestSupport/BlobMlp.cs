// Hand-written exactly as the generator writes seed Example 1 (docs/design/generated-code.md) for
//
//   [Sequential, Input(2, 2)]
//   [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
//   public partial class BlobMlp
//   {
//       readonly Flatten flatten = new();
//       readonly Dense hidden = new(16, Activation.Relu);
//       readonly Dense output = new(3, Activation.Softmax);
//   }
//
// It proves the contract is implementable against the runtime. The only differences from generated
// code: the class is not partial and carries no attributes, so the generator leaves it alone.
#nullable enable

using StaticKeras;
using StaticKeras.Layers;

namespace StaticKeras.Runtime.Tests.TestSupport;

/// <summary>
/// Sequential model <c>BlobMlp</c>: (batch, 2, 2) -> (batch, 3).
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("StaticKeras.Generator", "0.1.0")]
internal sealed class BlobMlp : global::StaticKeras.Model
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(16, Activation.Relu);
    readonly Dense output = new(3, Activation.Softmax);

    /// <summary>Creates the model with every weight allocated and initialized as Keras does.</summary>
    public BlobMlp() : base("BlobMlp")
    {
        hidden.Build(4);   // kernel (4, 16), bias (16,)
        output.Build(16);  // kernel (16, 3), bias (3,)
        register_module("flatten", flatten);
        register_module("hidden", hidden);
        register_module("output", output);
    }

    /// <inheritdoc/>
    protected override global::StaticKeras.ModelInfo Info => s_info;

    private static readonly global::StaticKeras.ModelInfo s_info = new(
        Name: "BlobMlp",
        Inputs: [new("inputs", [2, 2], [null, null])],
        Outputs: [new("output", [3], [null])],
        Compile: new(global::StaticKeras.Optimizer.Adam, LearningRate: 0, PerOutput: false, Outputs:
            [new(global::StaticKeras.Loss.SparseCategoricalCrossentropy, [global::StaticKeras.Metric.Accuracy], FromLogits: false, LossWeight: 1)]),
        Summary: SummaryText);

    internal const string SummaryText = "Model: \"BlobMlp\"\n" +
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓\n" +
        "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃\n" +
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩\n" +
        "│ flatten (Flatten)               │ (None, 4)              │             0 │\n" +
        "├─────────────────────────────────┼────────────────────────┼───────────────┤\n" +
        "│ hidden (Dense)                  │ (None, 16)             │            80 │\n" +
        "├─────────────────────────────────┼────────────────────────┼───────────────┤\n" +
        "│ output (Dense)                  │ (None, 3)              │            51 │\n" +
        "└─────────────────────────────────┴────────────────────────┴───────────────┘\n" +
        " Total params: 131 (524.00 B)\n" +
        " Trainable params: 131 (524.00 B)\n" +
        " Non-trainable params: 0 (0.00 B)\n";

    /// <summary>The forward pass: (batch, 2, 2) -> (batch, 3).</summary>
    public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false)
    {
        GuardInput(inputs);
        var x1 = flatten.Call(inputs);  // (batch, 4)
        var x2 = hidden.Call(x1);       // (batch, 16)
        var x3 = output.Call(x2);       // (batch, 3)
        return x3;
    }

    /// <inheritdoc/>
    protected override global::StaticKeras.StepOutput TrainStep(global::TorchSharp.torch.Tensor[] x, global::TorchSharp.torch.Tensor[] y, global::TorchSharp.torch.Tensor?[] sampleWeight)
    {
        var x1 = flatten.Call(x[0]);              // (batch, 4)
        var x2 = hidden.Call(x1);                 // (batch, 16)
        var logits = output.CallLinear(x2);       // (batch, 3), softmax fused into the loss
        var loss = global::StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0]);
        ApplyGradients(loss);                     // backward: autograd
        return new(loss, [loss], [logits.softmax(-1)]);
    }

    /// <inheritdoc/>
    protected override global::StaticKeras.StepOutput TestStep(global::TorchSharp.torch.Tensor[] x, global::TorchSharp.torch.Tensor[] y, global::TorchSharp.torch.Tensor?[] sampleWeight)
    {
        var x1 = flatten.Call(x[0], training: false); // (batch, 4)
        var x2 = hidden.Call(x1, training: false);    // (batch, 16)
        var logits = output.CallLinear(x2);           // (batch, 3), softmax fused into the loss
        var loss = global::StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0]);
        return new(loss, [loss], [logits.softmax(-1)]);
    }
}
