using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Data;
using StaticKeras.Export.Onnx;
using StaticKeras.Layers.Initializers;
using StaticKeras.Saving.Keras;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Normalization</c> preprocessing layer: <c>(x − mean) / max(√variance, 1e-7)</c>, with a
/// mean and variance per index of the kept <see cref="Axis"/> (or one for the whole input), given to
/// the constructor or learned from data by <see cref="Adapt(Tensor)"/>. With <see cref="Invert"/> it
/// undoes that: <c>mean + x · max(√variance, 1e-7)</c>. Input any shape; output the same shape.
/// </summary>
/// <remarks>
/// Without <c>mean</c> and <c>variance</c> the layer has Keras' three non-trainable weights:
/// <c>mean</c> (zeros) and <c>variance</c> (ones) of the kept axes' sizes, and <c>count</c>, an int32
/// scalar Keras keeps for older files (2·C + 1 parameters, none trainable). They are TorchSharp buffers,
/// so they are saved with the model, follow it to a device and are set by <see cref="Adapt(Tensor)"/>
/// in place. With <c>mean</c> and <c>variance</c> given the layer has no weights (0 parameters), as in
/// Keras. The <c>1e-7</c> floor is Keras' <c>backend.epsilon()</c>: a zero variance divides by it.
/// </remarks>
public sealed class Normalization : Layer
{
    private const double KerasEpsilon = 1e-7;
    private readonly double[]? _mean;
    private readonly double[]? _variance;
    private readonly object _gate = new();   // a first Call (lazy build) or a new device may come from several Predict threads
    private bool _built;
    private (Tensor Mean, Tensor Variance)? _given;   // float32 on the CPU, as given
    private (Tensor Mean, Tensor Variance)? _placed;  // the same on the device and in the dtype of the last call
    private long[] _buildShape = [];
    private int[] _keep = [];          // kept axes of the input, batch excluded (0-based), ascending
    private long[] _broadcast = [];    // the input's shape without batch, 1 on every reduced axis

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="axis">The axes that keep a separate mean and variance per index, counting the batch as 0 and
    /// negative axes from the end; <see langword="null"/> (default) is Keras' <c>-1</c>, the last axis; an empty list
    /// (<c>[]</c>) is Keras' <c>axis=None</c>: one mean and variance for every element.</param>
    /// <param name="mean">The mean to normalize with (broadcast along the last kept axis: one value per index of it, or
    /// a single value for every element); <see langword="null"/> (default) to learn it with <see cref="Adapt(Tensor)"/>.
    /// Given together with <paramref name="variance"/>.</param>
    /// <param name="variance">The variance, of the same length as <paramref name="mean"/>.</param>
    /// <param name="invert">Whether to apply the inverse transformation (turn normalized values back into data).</param>
    /// <exception cref="ArgumentException">Only one of mean and variance is given, they differ in length, a list is empty,
    /// several values are given for <c>axis: []</c>, or <paramref name="axis"/> names the batch.</exception>
    public Normalization(int[]? axis = null, double[]? mean = null, double[]? variance = null, bool invert = false)
        : base(nameof(Normalization))
    {
        Axis = axis is null ? [-1] : [.. axis];
        if (Axis.Contains(0))
        {
            throw new ArgumentException(
                $"Normalization: axis 0 is the batch axis, whose size is not known; pass feature axes (the batch is axis 0), found [{string.Join(", ", Axis)}].",
                nameof(axis));
        }

        if ((mean is null) != (variance is null))
        {
            throw new ArgumentException(
                $"Normalization: when setting values directly, both mean and variance must be set, found mean {Describe(mean)} and variance {Describe(variance)}.",
                mean is null ? nameof(mean) : nameof(variance));
        }

        if (mean is not null && variance is not null)
        {
            if (mean.Length == 0 || mean.Length != variance.Length)
            {
                throw new ArgumentException(
                    $"Normalization: mean and variance must have the same length, at least 1, found {mean.Length} and {variance.Length}.", nameof(variance));
            }

            if (mean.Length > 1 && Axis.Length == 0)
            {
                throw new ArgumentException(
                    $"Normalization: with axis [] (one mean for every element) mean and variance must be single values, found {mean.Length} values.", nameof(mean));
            }

            (_mean, _variance) = ([.. mean], [.. variance]);
        }

        Invert = invert;
    }

    /// <summary>The axes as given (batch counted as 0, negative from the end); empty for Keras' <c>axis=None</c>.</summary>
    public int[] Axis { get; }

    /// <summary>Whether the layer applies the inverse transformation.</summary>
    public bool Invert { get; }

    /// <summary>Whether the mean and variance are learned by <see cref="Adapt(Tensor)"/> (none were given to the constructor).</summary>
    public bool IsAdaptable => _mean is null;

    /// <summary>The mean the layer normalizes with, of the kept axes' sizes (a scalar for <c>axis: []</c>).</summary>
    /// <exception cref="InvalidOperationException">The layer is not built.</exception>
    public Tensor Mean => _given?.Mean ?? LayerWeights.GetBuffer(this, "mean");

    /// <summary>The variance the layer normalizes with, of the kept axes' sizes.</summary>
    /// <exception cref="InvalidOperationException">The layer is not built.</exception>
    public Tensor Variance => _given?.Variance ?? LayerWeights.GetBuffer(this, "variance");

    /// <summary>
    /// Creates the mean and variance for an input of <paramref name="inputShape"/> (batch excluded): Keras' three
    /// non-trainable weights when they are to be adapted, the given values broadcast to the kept axes otherwise.
    /// The kept axes must be known.
    /// </summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, _built, inputShape);
        LayerChecks.Dimensions(nameof(Normalization), inputShape);
        int rank = inputShape.Length + 1;
        var resolved = Axis.Select(a => a < 0 ? a + rank : a).ToArray();
        if (resolved.Any(a => a < 1 || a >= rank) || resolved.Distinct().Count() != resolved.Length)
        {
            throw new ArgumentException(
                $"Normalization: axis [{string.Join(", ", Axis)}] must name distinct feature axes of an input of rank {rank} (the batch is axis 0), " +
                $"found input shape {LayerChecks.Describe(inputShape)}.", nameof(inputShape));
        }

        var keep = resolved.Select(a => a - 1).Order().ToArray();
        var kept = keep.Select(a => LayerChecks.Known(nameof(Normalization), inputShape, a, $"kept axis {a + 1}")).ToArray();
        _broadcast = inputShape.Select((size, i) => keep.Contains(i) ? size : 1L).ToArray();
        if (_mean is null)
        {
            LayerWeights.AddBuffer(this, "mean", kept, new Zeros());
            LayerWeights.AddBuffer(this, "variance", kept, new Ones());
            var count = zeros([], ScalarType.Int32);
            count.DetachFromDisposeScope();
            register_buffer("count", count);
        }
        else
        {
            long last = kept.Length == 0 ? 1 : kept[^1];
            if (_mean.Length != 1 && _mean.Length != last)
            {
                throw new ArgumentException(
                    $"Normalization: mean and variance of {_mean.Length} values do not broadcast to the kept axes' sizes ({string.Join(", ", kept)}) " +
                    $"of input shape {LayerChecks.Describe(inputShape)}; give one value per index of the last kept axis, or a single value.", nameof(inputShape));
            }

            // The given values are constants, not weights (Keras counts 0 parameters, and saves no variables).
            _given = (Given(_mean, kept), Given(_variance!, kept));
        }

        (_keep, _buildShape, _built) = (keep, [.. inputShape], true);
    }

    // The values along the last kept axis, broadcast to every kept axis (Keras' right-aligned broadcast), float32.
    private static Tensor Given(double[] values, long[] kept)
    {
        var line = tensor(values, ScalarType.Float32);
        var result = kept.Length == 0 ? line.reshape([]) : line.expand(kept).contiguous();
        result.DetachFromDisposeScope();
        return result;
    }

    /// <summary>Normalizes (or, with <see cref="Invert"/>, denormalizes) <paramref name="inputs"/>; integer inputs become float32.</summary>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var x = inputs.is_floating_point() ? inputs : inputs.to_type(ScalarType.Float32);
        BuildFor(x);
        CheckKept(x, "inputs");
        var (mean, deviation) = Statistics(x.dtype, x.device);
        return Invert ? mean + x * deviation : (x - mean) / deviation;
    }

    // Builds the layer for x's shape on its first call (a model builds only layers with weights).
    private void BuildFor(Tensor x)
    {
        lock (_gate)
        {
            if (!_built)
            {
                Build(LayerChecks.WithoutBatch(x));
            }
        }
    }

    // The mean and max(sqrt(variance), 1e-7), in the broadcast shape with a leading batch axis, as dtype on device.
    private (Tensor Mean, Tensor Deviation) Statistics(ScalarType dtype, Device device)
    {
        long[] shape = [1, .. _broadcast];
        var (mean, variance) = (Mean, Variance);
        if (_given is { } given)
        {
            // Constants follow the inputs: placed once per device and dtype, not on every call. A placement is
            // replaced, never disposed, so a concurrent call still reading the previous one is safe.
            lock (_gate)
            {
                if (_placed is not { } placed || placed.Mean.device_type != device.type || placed.Mean.device_index != device.index || placed.Mean.dtype != dtype)
                {
                    var placedMean = given.Mean.to(dtype, device, copy: true).DetachFromDisposeScope();
                    var placedVariance = given.Variance.to(dtype, device, copy: true).DetachFromDisposeScope();
                    _placed = (placedMean, placedVariance);
                }

                (mean, variance) = _placed.Value;
            }
        }

        return (mean.reshape(shape).to(dtype, device), variance.reshape(shape).to(dtype, device).sqrt().clamp_min(KerasEpsilon));
    }

    private void CheckKept(Tensor x, string parameter)
    {
        if (x.dim() != _buildShape.Length + 1 || _keep.Any(a => x.shape[a + 1] != _buildShape[a]))
        {
            throw new ArgumentException(
                $"Normalization was built for inputs of shape {LayerChecks.Describe(_buildShape)} (kept axes [{string.Join(", ", _keep.Select(a => a + 1))}]), " +
                $"found shape {LayerChecks.Describe(x)}.", parameter);
        }
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: dL/dinputs = dL/doutput / max(√variance, 1e-7) (times it with
    /// <see cref="Invert"/>), written into <paramref name="into"/> when given. The layer has no trainable weights.
    /// </summary>
    /// <param name="gradOutput">dL/doutput, shaped like the input.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        using var noGrad = no_grad();
        var (_, deviation) = Statistics(gradOutput.dtype, gradOutput.device);
        return GradientBuffers.Into(Invert ? gradOutput * deviation : gradOutput / deviation, into);
    }

    /// <summary>
    /// Sets the mean and variance to those of <paramref name="data"/> (batch first), as Keras' <c>adapt(array)</c>:
    /// over every axis but the kept ones, the variance the biased one (numpy's <c>var</c>). Builds the layer when it
    /// is not built. Call it before <c>Fit</c>, <c>Evaluate</c> or <c>Predict</c>.
    /// </summary>
    /// <param name="data">Samples, batch first, of the shape the layer is (or is to be) built for in the kept axes.</param>
    /// <exception cref="InvalidOperationException">The layer was created with a mean and variance.</exception>
    /// <exception cref="ArgumentException">The data's kept axes differ from the shape the layer was built for.</exception>
    public void Adapt(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        var x = Prepare(data, nameof(data));
        using var noGrad = no_grad();
        var reduce = Reduced(x);
        Store(x.mean(reduce), (x - x.mean(reduce, keepdim: true)).square().mean(reduce));
    }

    /// <summary>
    /// Sets the mean and variance to those of every batch of <paramref name="batches"/> together, as Keras'
    /// <c>adapt(dataset)</c>: each batch's mean and variance are merged into running totals weighted by their counts
    /// (Keras' lack-of-fit sum of squares update, in the weights' precision). The tensors stay the caller's.
    /// </summary>
    /// <param name="batches">Batches, each batch first (a list of tensors, a generator).</param>
    /// <exception cref="ArgumentException">There is no batch, or a batch's kept axes differ from the others'.</exception>
    /// <exception cref="InvalidOperationException">The layer was created with a mean and variance.</exception>
    public void Adapt(IEnumerable<Tensor> batches) => AdaptBatches(batches, dispose: false);

    /// <summary>
    /// <see cref="Adapt(IEnumerable{Tensor})"/> over a dataset of batches: each batch is disposed once read, as
    /// <c>Fit</c> does with a dataset's batches.
    /// </summary>
    /// <param name="data">Batches, each batch first.</param>
    public void Adapt(Dataset<Tensor> data) => AdaptBatches(data, dispose: true);

    /// <summary>
    /// <see cref="Adapt(IEnumerable{Tensor})"/> over the inputs of a dataset of <c>(inputs, labels)</c> batches, as
    /// Keras' <c>adapt</c> takes <c>x</c> from <c>(x, y)</c> elements; each batch is disposed once read.
    /// </summary>
    /// <param name="data">Batches of inputs and labels; the labels are ignored.</param>
    public void Adapt(Dataset<(Tensor X, Tensor Y)> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        AdaptBatches(data.Select(batch =>
        {
            batch.Y.Dispose();
            return batch.X;
        }), dispose: true);
    }

    private void AdaptBatches(IEnumerable<Tensor> batches, bool dispose)
    {
        ArgumentNullException.ThrowIfNull(batches);
        Tensor? totalMean = null, totalVariance = null;
        long totalCount = 0;
        using (var scope = NewDisposeScope())
        {
            int index = 0;
            foreach (var batch in batches)
            {
                ArgumentNullException.ThrowIfNull(batch, $"{nameof(batches)}[{index}]");
                using var noGrad = no_grad();
                var x = Prepare(batch, $"{nameof(batches)}[{index}]").to_type(Mean.dtype);
                var reduce = Reduced(x);
                var batchMean = x.mean(reduce);
                var batchVariance = (x - x.mean(reduce, keepdim: true)).square().mean(reduce);
                long batchCount = reduce.Aggregate(1L, (product, axis) => product * x.shape[axis]);
                totalMean ??= zeros_like(batchMean);
                totalVariance ??= zeros_like(batchMean);
                totalCount += batchCount;
                double batchWeight = (double)batchCount / totalCount;
                double existingWeight = 1.0 - batchWeight;
                var newMean = totalMean * existingWeight + batchMean * batchWeight;
                totalVariance = (totalVariance + (totalMean - newMean).square()) * existingWeight
                    + (batchVariance + (batchMean - newMean).square()) * batchWeight;
                totalMean = newMean;
                if (dispose)
                {
                    batch.Dispose();
                }

                index++;
            }

            if (totalMean is null)
            {
                throw new ArgumentException(
                    "Normalization.Adapt received no batches; expected at least one (pass a tensor, or a list of batches).", nameof(batches));
            }

            using var noGradStore = no_grad();
            Store(totalMean, totalVariance!);
        }
    }

    // The data as floats, the layer built for it (or checked against its build shape).
    private Tensor Prepare(Tensor data, string parameter)
    {
        if (!IsAdaptable)
        {
            throw new InvalidOperationException(
                "Normalization was created with mean and variance; Adapt learns them only for a layer created without (Keras' adapt needs them unset).");
        }

        if (data.dim() < 1 || data.numel() == 0)
        {
            throw new ArgumentException($"Normalization.Adapt needs at least one sample, batch first, found shape {LayerChecks.Describe(data)}.", parameter);
        }

        var x = data.is_floating_point() ? data : data.to_type(ScalarType.Float32);
        BuildFor(x);

        CheckKept(x, parameter);
        return x;
    }

    // The batch and every axis that is not kept.
    private long[] Reduced(Tensor x) =>
        Enumerable.Range(0, (int)x.dim()).Where(a => a == 0 || !_keep.Contains(a - 1)).Select(a => (long)a).ToArray();

    private void Store(Tensor mean, Tensor variance)
    {
        using var noGrad = no_grad();
        Mean.copy_(mean.reshape(Mean.shape).to(Mean.dtype, Mean.device));
        Variance.copy_(variance.reshape(Variance.shape).to(Variance.dtype, Variance.device));
    }

    private static string Describe(double[]? values) => values is null ? "null" : "[" + string.Join(", ", values) + "]";

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["axis"] = KerasValues.List(Array.ConvertAll(Axis, a => (long)a));
        config["invert"] = Invert;
        config["mean"] = _mean is null ? null : Values(_mean);
        config["variance"] = _variance is null ? null : Values(_variance);
        return true;

        static JsonNode Values(double[] values) =>
            values.Length == 1 ? JsonValue.Create(values[0]) : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // (x - mean) / s = x * (1 / s) + (-mean / s); inverted: x * s + mean. The constants take the input's shape
        // without batch with 1 on every reduced axis, which ONNX broadcasts from the right.
        using var scope = NewDisposeScope();
        var (mean, deviation) = Statistics(ScalarType.Float32, CPU);
        mean = mean.squeeze(0);
        deviation = deviation.squeeze(0);
        var scale = Invert ? deviation : deviation.reciprocal();
        var shift = Invert ? mean : -mean / deviation;
        return graph.Node("Add", [graph.Node("Mul", [input, graph.Initializer("scale", scale)]), graph.Initializer("shift", shift)]);
    }
}
