using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Saving;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras;

// Weights in memory and on disk: Keras' get_weights / set_weights / save_weights / load_weights.
public abstract partial class Model
{
    /// <summary>
    /// Copies every weight of the model, parameters and buffers, keyed by <c>state_dict</c> name
    /// (<c>hidden.kernel</c>, <c>hidden.bias</c>, ...), as Keras' <c>model.get_weights()</c>.
    /// The copies are independent of the model and of any dispose scope; dispose the snapshot when done.
    /// </summary>
    public WeightSnapshot GetWeights()
    {
        using var scope = NewDisposeScope();
        var copies = new List<KeyValuePair<string, Tensor>>();
        foreach (var (name, weight) in state_dict())
        {
            copies.Add(new(name, weight.detach().clone()));
        }

        foreach (var (_, copy) in copies)
        {
            copy.DetachFromDisposeScope();
        }

        return new WeightSnapshot(copies);
    }

    /// <summary>
    /// Sets every weight of the model from <paramref name="weights"/> (for example a
    /// <see cref="WeightSnapshot"/> from <see cref="GetWeights"/>), as Keras' <c>model.set_weights()</c>.
    /// The names, dtypes and shapes must match the model's exactly; all are checked before any
    /// weight changes. The values are copied, so <paramref name="weights"/> stays the caller's.
    /// </summary>
    /// <exception cref="ArgumentException">Names, dtypes or shapes differ; the message lists every difference.</exception>
    public void SetWeights(IReadOnlyDictionary<string, Tensor> weights)
    {
        var found = weights.Select(kv => Signature(kv.Key, kv.Value)).ToList();
        var problems = WeightCompatibility.Differences(WeightSignatures(), found, "weights given");
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"Cannot set the weights of model '{GetName()}': {WeightCompatibility.Describe(problems)}", nameof(weights));
        }

        Assign(weights);
    }

    /// <summary>
    /// Saves every weight of the model to <paramref name="path"/> in the safetensors format, as
    /// Keras' <c>model.save_weights()</c>. Tensors are named by <c>state_dict</c> key. The save is
    /// atomic: an interrupted save leaves any previous file at <paramref name="path"/> intact.
    /// docs/saving.md describes the format and which tools read it.
    /// </summary>
    /// <param name="path">The file to write (conventionally <c>*.weights.safetensors</c>); its directory must exist.</param>
    public void SaveWeights(string path) => SaveWeights(path, extraMetadata: null, wrapStream: null);

    /// <summary>Saves the weights with extra <c>__metadata__</c> entries and a test seam around the file stream.</summary>
    internal void SaveWeights(string path, IReadOnlyDictionary<string, string>? extraMetadata, Func<Stream, Stream>? wrapStream)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["framework"] = "statickeras",
            ["model"] = GetName(),
        };
        foreach (var (key, value) in extraMetadata ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        SafeTensors.Save(path, state_dict(), metadata, wrapStream);
    }

    /// <summary>
    /// Loads weights saved by <see cref="SaveWeights(string)"/> (or any safetensors file with the
    /// same names, dtypes and shapes), as Keras' <c>model.load_weights()</c>. Every name, dtype and
    /// shape is checked, and every tensor read, before any weight of the model changes.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is not valid safetensors, or its tensors do not fit the model; the message names
    /// each missing or unexpected key and each dtype or shape that differs.
    /// </exception>
    public void LoadWeights(string path)
    {
        using var file = SafeTensorsFile.Open(path);
        var found = file.Tensors.Select(t => new KeyValuePair<string, WeightCompatibility.Signature>(t.Name, new(t.DType, t.Shape))).ToList();
        var problems = WeightCompatibility.Differences(WeightSignatures(), found, "file");
        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"Cannot load weights from '{path}' into model '{GetName()}': {WeightCompatibility.Describe(problems)}");
        }

        using var scope = NewDisposeScope();
        var loaded = file.Tensors.ToDictionary(t => t.Name, t => file.ReadTensor(t.Name));
        Assign(loaded);
    }

    private List<KeyValuePair<string, WeightCompatibility.Signature>> WeightSignatures() =>
        state_dict().Select(kv => Signature(kv.Key, kv.Value)).ToList();

    private static KeyValuePair<string, WeightCompatibility.Signature> Signature(string name, Tensor tensor) =>
        new(name, new(SafeTensorsDTypes.FromScalarType(tensor.dtype, name), tensor.shape));

    // Callers have checked that names, dtypes and shapes match.
    private void Assign(IReadOnlyDictionary<string, Tensor> source)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, target) in state_dict())
        {
            target.copy_(source[name]);
        }
    }
}
