// Written by StaticKeras' KerasImport from branches.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'branches'.</summary>
[Model]
public partial class ImportedBranches
{
    readonly Dense deep1 = new(8, Activation.Relu);
    readonly Dense deep2 = new(6, Activation.Tanh);
    readonly Dense shortcut = new(5);
    readonly Concatenate join = new();
    readonly Dense head = new(3, Activation.Softmax);

    [Graph]
    Tensor Call([Input(16)] Tensor x, [Input(4)] Tensor aux)
    {
        var deep1_out = deep1.Call(x);
        var deep2_out = deep2.Call(deep1_out);
        var shortcut_out = shortcut.Call(x);
        var join_out = join.Call(deep2_out, shortcut_out, aux);
        var head_out = head.Call(join_out);
        return head_out;
    }
}
