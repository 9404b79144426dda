// Written by StaticKeras' KerasImport from nested_block.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'stacked'.</summary>
[Model]
public partial class ImportedNestedBlock
{
    readonly ImportedNestedBlockBlock block = new();
    readonly Dense head = new(3);

    [Graph]
    Tensor Call([Input(6)] Tensor features)
    {
        var block_out = block.Call(features);
        var head_out = head.Call(block_out);
        return head_out;
    }
}

/// <summary>Imported Keras functional model 'block'.</summary>
[Model]
public partial class ImportedNestedBlockBlock
{
    readonly Dense left = new(4);
    readonly Dense right = new(4, Activation.Relu);
    readonly Add sum = new();

    [Graph]
    Tensor Call([Input(6)] Tensor x)
    {
        var left_out = left.Call(x);
        var right_out = right.Call(x);
        var sum_out = sum.Call(left_out, right_out);
        return sum_out;
    }
}
