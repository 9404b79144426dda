using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Checks <c>Fit</c>'s <c>sampleWeight</c> and turns its <c>classWeight</c> into sample weights as
/// Keras' <c>data_adapter_utils.class_weight_to_sample_weights</c> does: each sample weighs its
/// class's weight, or 1 for a class the dictionary leaves out; one-hot labels are read by argmax,
/// others rounded to the nearest integer. Both give float32 weights of shape <c>(samples,)</c>.
/// </summary>
internal static class SampleWeights
{
    /// <summary>The weights to train with, or <see langword="null"/> when neither is given; call inside a dispose scope.</summary>
    public static Tensor? Resolve(ModelInfo info, CompileInfo compile, Tensor y, long samples,
        Tensor? sampleWeight, IReadOnlyDictionary<int, double>? classWeight)
    {
        if (sampleWeight is not null && classWeight is not null)
        {
            throw new ArgumentException(
                "Fit got both sampleWeight and classWeight; give one of them (Keras: you cannot use `class_weight` and `sample_weight` at the same time).",
                nameof(classWeight));
        }

        return sampleWeight is not null ? Checked(sampleWeight, samples)
            : classWeight is not null ? FromClassWeight(info, compile, y, classWeight)
            : null;
    }

    private static Tensor Checked(Tensor sampleWeight, long samples)
    {
        var found = $"got shape {ShapeText.Of(sampleWeight.shape)} and dtype {DTypes.Name(sampleWeight.dtype)}";
        if (sampleWeight.dim() != 1 || sampleWeight.shape[0] != samples || !DTypes.IsNumeric(sampleWeight.dtype) || sampleWeight.dtype == ScalarType.Bool)
        {
            throw new ArgumentException(
                $"sampleWeight must hold one number per sample of x, shape ({samples},); {found}.", nameof(sampleWeight));
        }

        var weights = sampleWeight.to_type(ScalarType.Float32);
        using var zero = 0.0.ToScalar();   // held for the call (see Adam.UpdateStep)
        var bad = weights.lt(zero) | weights.isfinite().logical_not();
        if (bad.any().item<bool>())
        {
            var sample = bad.nonzero()[0, 0].item<long>();
            throw new ArgumentException(
                $"sampleWeight must be finite and >= 0; it has {weights[sample].item<float>()} at sample {sample}.", nameof(sampleWeight));
        }

        return weights;
    }

    private static Tensor FromClassWeight(ModelInfo info, CompileInfo compile, Tensor y, IReadOnlyDictionary<int, double> classWeight)
    {
        var output = info.Output.Dimensions;
        if (compile.Loss == Loss.MeanSquaredError || output.Length != 1)
        {
            throw new ArgumentException(
                $"classWeight needs a classifier with one class per sample: a cross-entropy loss and an output of shape (batch, classes); " +
                $"{info.Name} has loss {compile.Loss} and output {info.Output.Display}. Use sampleWeight instead.", "classWeight");
        }

        // A single sigmoid unit separates classes 0 and 1.
        var classes = output[0] == 1 ? 2 : output[0];
        foreach (var (key, weight) in classWeight)
        {
            if (key < 0 || (classes > 0 && key >= classes))
            {
                throw new ArgumentException(
                    $"classWeight keys must be class indices in [0, {classes}) for {info.Name}'s output {info.Output.Display}; got key {key}.", "classWeight");
            }

            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"classWeight values must be finite and >= 0; class {key} has {weight}.", "classWeight");
            }
        }

        var labels = ClassOf(y);
        return tensor(labels.Select(c => c is >= 0 and <= int.MaxValue && classWeight.TryGetValue((int)c, out var w) ? (float)w : 1f).ToArray());
    }

    // Keras: argmax for one-hot labels, else squeeze a trailing 1, then round.
    private static long[] ClassOf(Tensor y)
    {
        using var scope = NewDisposeScope();
        var labels = y.dim() > 1 && y.shape[^1] != 1 ? y.argmax(-1) : y.dim() > 1 ? y.squeeze(-1) : y;
        var rounded = DTypes.IsInteger(labels.dtype) ? labels : labels.to_type(ScalarType.Float64).round();
        return rounded.to_type(ScalarType.Int64).reshape(-1).data<long>().ToArray();
    }
}
