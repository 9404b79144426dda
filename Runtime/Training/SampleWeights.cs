using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// Checks <c>Fit</c>'s and <c>Evaluate</c>'s <c>sampleWeight</c> (one per output) and turns its <c>classWeight</c> into sample weights as
/// Keras' <c>data_adapter_utils.class_weight_to_sample_weights</c> does: each sample weighs its
/// class's weight, or 1 for a class the dictionary leaves out; one-hot labels are read by argmax,
/// others rounded to the nearest integer. Both give float32 weights of shape <c>(samples,)</c>.
/// </summary>
internal static class SampleWeights
{
    /// <summary>
    /// Each output's weights to train or evaluate with (<see langword="null"/> entries for none), or
    /// <see langword="null"/> when neither argument gives any; call inside a dispose scope.
    /// </summary>
    /// <param name="info">The model.</param>
    /// <param name="compile">Its training configuration.</param>
    /// <param name="y">Each output's targets (checked), which <paramref name="classWeight"/> reads.</param>
    /// <param name="samples">The number of samples.</param>
    /// <param name="sampleWeight">Keras' <c>sample_weight</c>: per output, one weight per sample or <see langword="null"/>.</param>
    /// <param name="classWeight">Keras' <c>class_weight</c>, for a model with one output.</param>
    /// <param name="names">What messages call the tensors.</param>
    public static Tensor?[]? Resolve(ModelInfo info, CompileInfo compile, Tensor[] y, long samples,
        Tensor?[]? sampleWeight, IReadOnlyDictionary<int, double>? classWeight, DataNames names)
    {
        if (sampleWeight is not null && classWeight is not null)
        {
            throw new ArgumentException(
                "Fit got both sampleWeight and classWeight; give one of them (Keras: you cannot use `class_weight` and `sample_weight` at the same time).",
                nameof(classWeight));
        }

        if (sampleWeight is not null)
        {
            if (sampleWeight.Length != info.Outputs.Length)
            {
                throw new ArgumentException(
                    $"sampleWeight needs one entry per output of {info.Name} ({info.Outputs.Length}); got {sampleWeight.Length}.", nameof(sampleWeight));
            }

            var weights = new Tensor?[sampleWeight.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = sampleWeight[i] is { } w ? Checked(w, samples, names.Weights[i], names.X[0]) : null;
            }

            return Array.TrueForAll(weights, w => w is null) ? null : weights;
        }

        if (classWeight is null)
        {
            return null;
        }

        if (info.Outputs.Length != 1)
        {
            throw new ArgumentException(
                $"classWeight is only supported for models with a single output (as in Keras); {info.Name} has {info.Outputs.Length} " +
                $"({string.Join(", ", info.Outputs.Select(o => o.Name))}). Give sampleWeight per output instead.", nameof(classWeight));
        }

        return [FromClassWeight(info, compile.Outputs[0].Loss, y[0], classWeight)];
    }

    private static Tensor Checked(Tensor sampleWeight, long samples, string name, string x)
    {
        var found = $"got shape {ShapeText.Of(sampleWeight.shape)} and dtype {DTypes.Name(sampleWeight.dtype)}";
        if (sampleWeight.dim() != 1 || sampleWeight.shape[0] != samples || !DTypes.IsNumeric(sampleWeight.dtype) || sampleWeight.dtype == ScalarType.Bool)
        {
            throw new ArgumentException(
                $"{name} must hold one number per sample of {x}, shape ({samples},); {found}.", nameof(sampleWeight));
        }

        var weights = sampleWeight.to_type(ScalarType.Float32);
        using var zero = 0.0.ToScalar();   // held for the call (see Adam.UpdateStep)
        var bad = weights.lt(zero) | weights.isfinite().logical_not();
        if (bad.any().item<bool>())
        {
            var sample = bad.nonzero()[0, 0].item<long>();
            throw new ArgumentException(
                $"{name} must be finite and >= 0; it has {weights[sample].item<float>()} at sample {sample}.", nameof(sampleWeight));
        }

        return weights;
    }

    private static Tensor FromClassWeight(ModelInfo info, Loss loss, Tensor y, IReadOnlyDictionary<int, double> classWeight)
    {
        var output = info.Output.Dimensions;
        if (loss == Loss.MeanSquaredError || output.Length != 1)
        {
            throw new ArgumentException(
                $"classWeight needs a classifier with one class per sample: a cross-entropy loss and an output of shape (batch, classes); " +
                $"{info.Name} has loss {loss} and output {info.Output.Display}. Use sampleWeight instead.", "classWeight");
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
