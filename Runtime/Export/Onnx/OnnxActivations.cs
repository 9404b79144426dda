using System;

namespace StaticKeras.Export.Onnx;

/// <summary>Keras activations as ONNX nodes (opset 17), with Keras' constants.</summary>
internal static class OnnxActivations
{
    /// <summary>The activation of <paramref name="input"/>; linear adds nothing.</summary>
    public static string Apply(OnnxGraph graph, string input, Activation activation) => activation switch
    {
        Activation.Linear => input,
        Activation.Relu => graph.Node("Relu", [input]),
        Activation.Sigmoid => graph.Node("Sigmoid", [input]),
        Activation.Tanh => graph.Node("Tanh", [input]),
        Activation.Softmax => graph.Node("Softmax", [input], OnnxAttribute.Int("axis", -1)),
        Activation.Elu => graph.Node("Elu", [input], OnnxAttribute.Float("alpha", 1f)),
        Activation.Selu => graph.Node("Selu", [input], OnnxAttribute.Float("alpha", 1.67326324f), OnnxAttribute.Float("gamma", 1.05070098f)),
        Activation.LeakyRelu => graph.Node("LeakyRelu", [input], OnnxAttribute.Float("alpha", 0.2f)),
        Activation.Softplus => graph.Node("Softplus", [input]),
        Activation.Silu => graph.Node("Mul", [input, graph.Node("Sigmoid", [input])]),
        // Exact GELU, 0.5 x (1 + erf(x / sqrt(2))): opset 17 has no Gelu node.
        Activation.Gelu => graph.Node("Mul", [
            graph.Node("Mul", [input, graph.Scalar("half", 0.5f)]),
            graph.Node("Add", [graph.Node("Erf", [graph.Node("Div", [input, graph.Scalar("sqrt2", MathF.Sqrt(2f))])]), graph.Scalar("one", 1f)]),
        ]),
        _ => throw new NotSupportedException($"activation {activation} has no ONNX form here"),
    };
}
