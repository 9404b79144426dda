using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>Self-attention without masks over a symbolic time axis, value heads of another size than key heads.</summary>
[Model, ExportOnnx]
public partial class OnnxSelfAttention
{
    readonly MultiHeadAttention attention = new(numHeads: 2, keyDim: 3, valueDim: 4);

    [Graph]
    Tensor Call([Input("time", 6)] Tensor x) => attention.Call(x, x);
}

/// <summary>Causal cross-attention with a separate key, query and value of other lengths, no biases.</summary>
[Model, ExportOnnx]
public partial class OnnxCausalCrossAttention
{
    readonly MultiHeadAttention attention = new(numHeads: 3, keyDim: 2, useBias: false, useCausalMask: true);

    [Graph]
    Tensor Call([Input("tq", 5)] Tensor query, [Input("tv", 4)] Tensor value, [Input("tv", 3)] Tensor key) => attention.Call(query, value, key);
}

/// <summary>Attention over the two middle axes of an image-like input together (Keras' default attention_axes).</summary>
[Model, ExportOnnx]
public partial class OnnxAttentionOverTwoAxes
{
    readonly MultiHeadAttention attention = new(numHeads: 2, keyDim: 3);

    [Graph]
    Tensor Call([Input(3, 4, 5)] Tensor x) => attention.Call(x, x);
}

/// <summary>A padding mask from the embedding into MultiHeadAttention (query and value masks) and the masked mean.</summary>
[Model, ExportOnnx]
public partial class OnnxMaskedSelfAttention
{
    readonly Embedding tokens = new(17, 8, maskZero: true);
    readonly MultiHeadAttention attention = new(numHeads: 2, keyDim: 4);
    readonly GlobalAveragePooling1D pool = new();

    [Graph]
    Tensor Call([Input("time")] Tensor ids)
    {
        var x = tokens.Call(ids);
        return pool.Call(attention.Call(x, x));
    }
}

/// <summary>As <see cref="OnnxMaskedSelfAttention"/> with a causal mask too, and the attention's own output (no pooling).</summary>
[Model, ExportOnnx]
public partial class OnnxMaskedCausalAttention
{
    readonly Embedding tokens = new(17, 8, maskZero: true);
    readonly Dense mix = new(6, Activation.Tanh);
    readonly MultiHeadAttention attention = new(numHeads: 2, keyDim: 4, useCausalMask: true);

    [Graph]
    Tensor Call([Input("time")] Tensor ids)
    {
        var x = mix.Call(tokens.Call(ids));
        return attention.Call(x, x);
    }
}

/// <summary>Masking's mask, passed on by a Dense layer, into Luong attention (scaled dot, causal) and the masked mean.</summary>
[Model, ExportOnnx]
public partial class OnnxMaskedLuong
{
    readonly Masking masking = new();
    readonly Dense mix = new(5);
    readonly Attention attention = new(useScale: true, useCausalMask: true);
    readonly GlobalAveragePooling1D pool = new();

    [Graph]
    Tensor Call([Input("time", 3)] Tensor x)
    {
        var h = mix.Call(masking.Call(x));
        return pool.Call(attention.Call(h, h));
    }
}

/// <summary>An embedding's padding mask into Luong attention with concat scores, not causal, over a key of its own, and the masked mean.</summary>
[Model, ExportOnnx]
public partial class OnnxMaskedLuongConcat
{
    readonly Embedding tokens = new(17, 4, maskZero: true);
    readonly Dense keys = new(4, Activation.Tanh);
    readonly Attention attention = new(scoreMode: AttentionScoreMode.Concat);
    readonly GlobalAveragePooling1D pool = new();

    [Graph]
    Tensor Call([Input("time")] Tensor ids)
    {
        var x = tokens.Call(ids);
        return pool.Call(attention.Call(x, x, keys.Call(x)));
    }
}

/// <summary>Luong attention with concat scores over a query and a value of other lengths, and Luong dot with a key.</summary>
[Model, ExportOnnx]
public partial class OnnxLuongScores
{
    readonly Attention concat = new(useScale: true, scoreMode: AttentionScoreMode.Concat);
    readonly Attention dot = new();
    readonly Concatenate join = new();

    [Graph]
    Tensor Call([Input("tq", 4)] Tensor query, [Input("tv", 4)] Tensor value, [Input("tv", 4)] Tensor key) =>
        join.Call(concat.Call(query, value), dot.Call(query, value, key));
}

/// <summary>Two padding masks merged by an Add (their OR) into the masked mean.</summary>
[Model, ExportOnnx]
public partial class OnnxMergedMasks
{
    readonly Embedding left = new(9, 4, maskZero: true);
    readonly Embedding right = new(9, 4, maskZero: true);
    readonly Add add = new();
    readonly GlobalAveragePooling1D pool = new();

    [Graph]
    Tensor Call([Input(6)] Tensor a, [Input(6)] Tensor b) => pool.Call(add.Call(left.Call(a), right.Call(b)));
}

/// <summary>Depthwise and separable convolutions: strides, same and valid padding, dilation, depth multipliers, with and without bias.</summary>
[Sequential, Input(9, 8, 3), ExportOnnx]
public partial class OnnxDepthwise
{
    readonly DepthwiseConv2D strided = new((3, 3), Activation.Relu, strides: (2, 2), padding: Padding.Same, depthMultiplier: 2);
    readonly SeparableConv2D dilatedSame = new(4, (2, 3), Activation.Tanh, padding: Padding.Same, dilationRate: (2, 1));
    readonly DepthwiseConv2D dilated = new(2, dilationRate: (2, 2), useBias: false);
    readonly SeparableConv2D pointwise = new(3, 2, strides: (2, 2), depthMultiplier: 2, useBias: false);
    readonly Flatten flatten = new();
    readonly Dense head = new(3, Activation.Softmax);
}

/// <summary>Dilated convolutions with 'same' padding (explicit pads: ONNX Runtime takes no SAME_UPPER with dilations).</summary>
[Sequential, Input(9, 8, 2), ExportOnnx]
public partial class OnnxDilatedSame
{
    readonly Conv2D conv = new(3, (3, 2), Activation.Relu, padding: Padding.Same, dilationRate: (2, 3));
    readonly Reshape rows = new(9, 24);
    readonly Conv1D seq = new(4, 3, padding: Padding.Same, dilationRate: 2);
    readonly Flatten flatten = new();
}
