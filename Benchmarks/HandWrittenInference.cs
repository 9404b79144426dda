using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// The peer for inference: an idiomatic hand-written TorchSharp prediction loop (an
/// <c>nn.Sequential</c> in eval mode, <c>no_grad</c>, the inputs in batches, one DisposeScope per
/// batch, the batch outputs concatenated) and evaluation loop (the same layers without the final
/// softmax, cross-entropy on the logits and argmax accuracy per batch, summed), computing exactly what
/// the StaticKeras model computes: its weights are copied from that model, so both produce the same
/// probabilities, loss and accuracy.
/// </summary>
internal sealed class HandWrittenInference
{
    private readonly Sequential model;
    private readonly Sequential logits;

    // layers: the model up to its logits; the predicting model adds a Softmax, as the StaticKeras model ends in one.
    private HandWrittenInference(params (string Name, nn.Module<Tensor, Tensor> Layer)[] layers)
    {
        logits = nn.Sequential(layers);
        model = nn.Sequential(("logits", logits), ("softmax", nn.Softmax(1)));
        model.eval();
    }

    /// <summary>
    /// The seed MLP as TorchSharp layers (Flatten, Linear(784, 128), ReLU, Linear(128, 10),
    /// Softmax) holding <paramref name="source"/>'s weights.
    /// </summary>
    public static HandWrittenInference Mlp(BenchmarkMlp source)
    {
        var weights = source.GetWeights();
        var hidden = nn.Linear(784, 128);
        var output = nn.Linear(128, 10);
        CopyDense(hidden, weights["hidden.kernel"], weights["hidden.bias"]);
        CopyDense(output, weights["output.kernel"], weights["output.bias"]);
        return new HandWrittenInference(("flatten", nn.Flatten()), ("hidden", hidden), ("relu", nn.ReLU()), ("output", output));
    }

    /// <summary>
    /// The sample's Sequential CNN as TorchSharp layers on channels-first images (batch, 1, 28, 28),
    /// TorchSharp's native layout, holding <paramref name="source"/>'s weights.
    /// </summary>
    public static HandWrittenInference Cnn(BenchmarkCnn source)
    {
        var weights = source.GetWeights();
        var conv1 = nn.Conv2d(1, 32, 3);
        var conv2 = nn.Conv2d(32, 64, 3);
        var hidden = nn.Linear(1600, 128);
        var classifier = nn.Linear(128, 10);
        CopyConv(conv1, weights["conv1.kernel"], weights["conv1.bias"]);
        CopyConv(conv2, weights["conv2.kernel"], weights["conv2.bias"]);
        // Keras flattens (height, width, channels); channels-first flattens (channels, height, width).
        using (no_grad())
        {
            var kernel = weights["hidden.kernel"].reshape(5, 5, 64, 128).permute(2, 0, 1, 3).reshape(1600, 128);
            CopyDense(hidden, kernel, weights["hidden.bias"]);
        }

        CopyDense(classifier, weights["classifier.kernel"], weights["classifier.bias"]);
        return new HandWrittenInference(
            ("conv1", conv1), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", conv2), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("hidden", hidden), ("relu3", nn.ReLU()),
            ("classifier", classifier));
    }

    /// <summary>Predicts <paramref name="x"/> batch by batch and concatenates the outputs.</summary>
    public Tensor Predict(Tensor x, int batchSize)
    {
        using var noGrad = no_grad();
        var samples = x.shape[0];
        var outputs = new List<Tensor>();
        for (long start = 0; start < samples; start += batchSize)
        {
            using var scope = NewDisposeScope();
            outputs.Add(model.call(x.narrow(0, start, Math.Min(batchSize, samples - start))).MoveToOuterDisposeScope());
        }

        var result = cat(outputs, 0);
        foreach (var output in outputs)
        {
            output.Dispose();
        }

        return result;
    }

    /// <summary>
    /// The mean cross-entropy and the accuracy over <paramref name="x"/> and its labels
    /// <paramref name="y"/> (int64), batch by batch: the usual evaluation loop (cross-entropy on the
    /// logits summed, correct argmaxes counted, each read per batch).
    /// </summary>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y, int batchSize)
    {
        using var noGrad = no_grad();
        var samples = x.shape[0];
        var totalLoss = 0.0;
        var correct = 0L;
        for (long start = 0; start < samples; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, samples - start);
            var labels = y.narrow(0, start, length);
            var output = logits.call(x.narrow(0, start, length));
            totalLoss += nn.functional.cross_entropy(output, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += output.argmax(1).eq(labels).sum().item<long>();
        }

        return (totalLoss / samples, (double)correct / samples);
    }

    private static void CopyDense(Linear linear, Tensor kernel, Tensor bias)
    {
        using var noGrad = no_grad();
        linear.weight!.copy_(kernel.t());
        linear.bias!.copy_(bias);
    }

    private static void CopyConv(Conv2d conv, Tensor kernel, Tensor bias)
    {
        using var noGrad = no_grad();
        // (kh, kw, in, filters) -> (filters, in, kh, kw)
        conv.weight!.copy_(kernel.permute(3, 2, 0, 1));
        conv.bias!.copy_(bias);
    }
}
