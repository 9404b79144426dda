// Written by StaticKeras' KerasImport from import_attention.keras.
using StaticKeras;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras.Imported;

/// <summary>Imported Keras functional model 'attending'.</summary>
[Model]
public partial class ImportedAttention
{
    readonly MultiHeadAttention self = new(2, 3);
    readonly Add mixed = new();
    readonly Dense keys = new(3);
    readonly Dense memory = new(8);
    readonly MultiHeadAttention cross = new(2, 3, valueDim: 5, useBias: false, outputShape: [7], useCausalMask: true);
    readonly Attention att = new(useScale: true, scoreMode: AttentionScoreMode.Concat);
    readonly Concatenate joined = new();
    readonly GlobalAveragePooling1D pool = new();
    readonly Dense head = new(2, Activation.Softmax);

    [Graph]
    Tensor Call([Input(5, 8)] Tensor x, [Input(6, 4)] Tensor m)
    {
        var self_out = self.Call(x, x);
        var mixed_out = mixed.Call(x, self_out);
        var keys_out = keys.Call(m);
        var memory_out = memory.Call(m);
        var cross_out = cross.Call(mixed_out, m, keys_out);
        var att_out = att.Call(mixed_out, memory_out);
        var joined_out = joined.Call(cross_out, att_out);
        var pool_out = pool.Call(joined_out);
        var head_out = head.Call(pool_out);
        return head_out;
    }
}
