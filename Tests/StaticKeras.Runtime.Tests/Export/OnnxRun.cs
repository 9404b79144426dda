using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace StaticKeras.Runtime.Tests.Export;

/// <summary>Runs an exported model in ONNX Runtime and compares with Predict.</summary>
internal static class OnnxRun
{
    /// <summary>The model's single output for <paramref name="x"/>, computed by ONNX Runtime from <paramref name="onnx"/>.</summary>
    public static (string InputName, string OutputName, Tensor Output) Run(byte[] onnx, Tensor x)
    {
        using var session = new InferenceSession(onnx);
        var inputName = session.InputMetadata.Keys.Single();
        var dims = x.shape.Select(d => (int)d).ToArray();
        var value = x.dtype == ScalarType.Int64
            ? NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<long>(x.contiguous().data<long>().ToArray(), dims))
            : NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(x.contiguous().data<float>().ToArray(), dims));
        using var results = session.Run(new List<NamedOnnxValue> { value });
        var result = results.Single();
        var tensorResult = result.AsTensor<float>();
        return (inputName, result.Name, tensor(tensorResult.ToArray(), tensorResult.Dimensions.ToArray().Select(d => (long)d).ToArray()));
    }

    /// <summary>Every output by name, computed by ONNX Runtime from <paramref name="onnx"/> for float inputs given by name.</summary>
    public static Dictionary<string, Tensor> RunMany(byte[] onnx, IReadOnlyDictionary<string, Tensor> inputs)
    {
        using var session = new InferenceSession(onnx);
        var values = inputs.Select(i => NamedOnnxValue.CreateFromTensor(
            i.Key, new DenseTensor<float>(i.Value.contiguous().data<float>().ToArray(), i.Value.shape.Select(d => (int)d).ToArray()))).ToList();
        using var results = session.Run(values);
        return results.ToDictionary(r => r.Name, r =>
        {
            var t = r.AsTensor<float>();
            return tensor(t.ToArray(), t.Dimensions.ToArray().Select(d => (long)d).ToArray());
        });
    }

    /// <summary>max |onnx - predict| / max |predict|.</summary>
    public static double MaxRelative(Tensor actual, Tensor expected) =>
        (actual - expected).abs().max().item<float>() / expected.abs().max().item<float>();

    /// <summary>
    /// Sets every weight and buffer to random values in [-0.1, 0.1) times <paramref name="scale"/> (moving variances
    /// in [0.5, 0.6)), reproducibly: batch statistics matter, and activations stay in the range trained models have
    /// (a larger scale gives attention scores far from uniform).
    /// </summary>
    public static void Randomize(Model model, int seed, double scale = 1)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed);
        foreach (var (name, weight) in model.state_dict())
        {
            var values = (rand(weight.shape, generator: generator) * 0.2 - 0.1) * scale;
            weight.copy_(name.EndsWith("variance") ? values.abs() + 0.5 : values);
        }
    }
}
