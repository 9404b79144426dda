using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Saving;
using StaticKeras.Saving.Keras;
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
    /// Saves every weight of the model to <paramref name="path"/>, as Keras' <c>model.save_weights()</c>:
    /// in Keras 3's HDF5 layout when the path ends in <c>.weights.h5</c> (or <c>.h5</c>), which Keras'
    /// <c>load_weights</c> reads into the same architecture; otherwise in the safetensors format,
    /// tensors named by <c>state_dict</c> key. The save is atomic: an interrupted save leaves any
    /// previous file at <paramref name="path"/> intact. docs/saving.md describes the formats.
    /// </summary>
    /// <param name="path">The file to write (<c>*.weights.h5</c> or <c>*.weights.safetensors</c>); its directory must exist.</param>
    public void SaveWeights(string path)
    {
        if (path.EndsWith(".h5", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.Write(path, stream => KerasH5Writer.Write(this, stream));
            return;
        }

        SaveWeights(path, extraMetadata: null, wrapStream: null);
    }

    /// <summary>
    /// Saves the model as a Keras 3 <c>.keras</c> file (Keras' <c>model.save("x.keras")</c>): a zip of
    /// <c>config.json</c> (the architecture, as Keras 3 writes it), <c>metadata.json</c> and
    /// <c>model.weights.h5</c>, which <c>keras.saving.load_model</c> loads to predict or train on. A
    /// <c>[Sequential]</c> model is written as a Keras <c>Sequential</c> model, a <c>[Model]</c> as a
    /// <c>Functional</c> one with its graph (branches, merges, shared layers).
    /// The save is atomic.
    /// </summary>
    /// <param name="path">The file to write, conventionally <c>*.keras</c>; its directory must exist.</param>
    /// <exception cref="NotSupportedException">
    /// The model has a layer Keras has no class for (a custom layer), or several inputs or outputs;
    /// the message says which.
    /// </exception>
    public void SaveKeras(string path)
    {
        var config = KerasConfigWriter.Write(this);
        AtomicFile.Write(path, stream => KerasArchive.Write(stream, config, weights => KerasH5Writer.Write(this, weights)));
    }

    /// <summary>Saves the weights with extra <c>__metadata__</c> entries and a test seam around the file stream.</summary>
    internal void SaveWeights(string path, IReadOnlyDictionary<string, string>? extraMetadata, Func<Stream, Stream>? wrapStream)
    {
        using var scope = NewDisposeScope();   // the copies of the optimizer's state
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["framework"] = "statickeras",
            ["model"] = GetName(),
        };
        foreach (var (key, value) in extraMetadata ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        var tensors = state_dict().ToList();
        OptimizerState.Describe(this, tensors, metadata);
        EpochEndRandomState?.Describe(metadata);
        SafeTensors.Save(path, tensors, metadata, wrapStream);
    }

    /// <summary>
    /// Loads weights into the model, as Keras' <c>model.load_weights()</c>. The format is recognised
    /// by the file's content, whatever its extension:
    /// <list type="bullet">
    /// <item>safetensors written by <see cref="SaveWeights(string)"/> (tensors named by <c>state_dict</c> key),
    /// or named by Keras variable paths (<c>dense/kernel</c>);</item>
    /// <item>a Keras 3 <c>.weights.h5</c> file (HDF5);</item>
    /// <item>a Keras 3 <c>.keras</c> file, whose <c>config.json</c> is first checked against the declaration
    /// (layer classes, units, filters, kernel sizes, strides, padding, activations, input shape).</item>
    /// </list>
    /// Keras files map to the model by Keras' rules (layer order and class, variable order), not by
    /// member names. Everything is checked, and every tensor read, before any weight of the model
    /// changes: a file that does not fit leaves the model as it was. docs/saving.md has the details.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is not valid, or does not fit the model; the message names the first layer and
    /// variable (or key) that differ, with the expected and the found value.
    /// </exception>
    public void LoadWeights(string path)
    {
        using var scope = NewDisposeScope();
        OptimizerState? optimizerState = null;
        TrainingRandomState? randomState = null;
        var loaded = WeightFileFormats.Detect(path) switch
        {
            WeightFileFormat.Hdf5 => ReadKerasWeights(path),
            WeightFileFormat.KerasArchive => ReadKerasArchive(path),
            _ => ReadSafeTensors(path, out optimizerState, out randomState),
        };
        Assign(loaded);
        optimizerState?.Restore(this);
        KeepLoadedRandomState(randomState);
    }

    private Dictionary<string, Tensor> ReadSafeTensors(string path, out OptimizerState? optimizerState, out TrainingRandomState? randomState)
    {
        using var file = SafeTensorsFile.Open(path);
        optimizerState = null;
        randomState = null;
        if (KerasWeightImport.HasKerasNames(file))
        {
            return KerasWeightImport.FromKerasNamedSafeTensors(this, file);
        }

        optimizerState = OptimizerState.Read(file);
        randomState = TrainingRandomState.Read(file.Metadata);
        var found = file.Tensors.Where(t => !OptimizerState.IsOptimizerTensor(t.Name)).Select(t => new KeyValuePair<string, WeightCompatibility.Signature>(t.Name, new(t.DType, t.Shape))).ToList();
        var problems = WeightCompatibility.Differences(WeightSignatures(), found, "file");
        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"Cannot load weights from '{path}' into model '{GetName()}': {WeightCompatibility.Describe(problems)}");
        }

        return file.Tensors.Where(t => !OptimizerState.IsOptimizerTensor(t.Name)).ToDictionary(t => t.Name, t => file.ReadTensor(t.Name));
    }

    private Dictionary<string, Tensor> ReadKerasWeights(string path)
    {
        using var stream = File.OpenRead(path);
        return KerasWeightImport.FromHdf5(this, stream, path);
    }

    private Dictionary<string, Tensor> ReadKerasArchive(string path)
    {
        var (config, weights) = KerasArchive.Read(path);
        using (weights)
        {
            var problems = KerasConfigCheck.Differences(this, config);
            if (problems.Count > 0)
            {
                throw new InvalidDataException(
                    $"Cannot load '{path}' into model '{GetName()}': its config.json does not match the declaration: {KerasWeightMatch.Describe(problems)}");
            }

            return KerasWeightImport.FromHdf5(this, weights, $"{path}:{KerasArchive.WeightsEntry}");
        }
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
