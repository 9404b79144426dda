using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Reads Keras-made weights into a model's <c>state_dict</c> keys, mapping by Keras' rules (layer
/// order and class, variable order) rather than by the model's member names. Every layer and
/// variable is checked before anything is read, so a file that does not fit changes nothing.
/// </summary>
internal static class KerasWeightImport
{
    /// <summary>The weights of a Keras HDF5 weights file, by <c>state_dict</c> key (tensors in the caller's dispose scope).</summary>
    /// <exception cref="InvalidDataException">The file does not fit the model; the message names the first layer and variable that differ.</exception>
    public static Dictionary<string, Tensor> FromHdf5(Model model, Stream stream, string source)
    {
        using var file = KerasH5Reader.Open(stream, source);
        var slots = KerasWeightLayout.Of(model);
        Check(model, slots, file.Vars, source);
        return WithAliases(model, slots.SelectMany(slot => slot.Variables.Zip(file.Vars.GetValueOrDefault(slot.VarsPath) ?? [])
                .Select(pair => (pair.First.StateKey, Tensor: file.Read(slot.VarsPath, pair.Second.Name, pair.Second.Shape))))
            .ToDictionary(p => p.StateKey, p => p.Tensor));
    }

    // A weight the state_dict lists under two names (a sub-module registered both by its field and
    // by name, as MultiHeadAttention's output projection) takes the one value read for it.
    private static Dictionary<string, Tensor> WithAliases(Model model, Dictionary<string, Tensor> weights)
    {
        var state = model.state_dict();
        var byStorage = weights.Keys.Where(state.ContainsKey).ToDictionary(k => state[k].Handle, k => k);
        foreach (var (name, tensor) in state)
        {
            if (!weights.ContainsKey(name) && byStorage.TryGetValue(tensor.Handle, out var known))
            {
                weights[name] = weights[known];
            }
        }

        return weights;
    }

    /// <summary>
    /// The weights of a safetensors file named by Keras variable paths (<c>dense/kernel</c>,
    /// <c>sequential/dense_1/bias</c>, <c>lstm/lstm_cell/kernel</c>): a layer is named either as Keras
    /// names it by default (<c>dense_1</c>) or by its member name (<c>hidden</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file does not fit the model.</exception>
    public static Dictionary<string, Tensor> FromKerasNamedSafeTensors(Model model, SafeTensorsFile file)
    {
        var slots = KerasWeightLayout.Of(model);
        var found = new Dictionary<string, List<KerasStoredVariable>>(StringComparer.Ordinal);
        var keyOf = new Dictionary<(string VarsPath, string Name), string>();
        foreach (var tensor in file.Tensors)
        {
            var (layerName, variableName) = Split(tensor.Name);
            var slot = slots.FirstOrDefault(s => s.KerasName == layerName || s.MemberName == layerName);
            var variable = slot?.Variables.FirstOrDefault(v => v.KerasName == variableName);
            // Unknown names keep their own path, so the check reports them as weights no layer has.
            var varsPath = slot is null || variable is null ? tensor.Name : slot.VarsPath;
            var name = variable?.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? tensor.Name;
            found.TryAdd(varsPath, []);
            found[varsPath].Add(new KerasStoredVariable(name, tensor.Shape, tensor.DType));
            keyOf[(varsPath, name)] = tensor.Name;
        }

        foreach (var list in found.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Name.PadLeft(8, '0'), b.Name.PadLeft(8, '0')));
        }

        Check(model, slots, found, file.Source);
        return WithAliases(model, slots.SelectMany(slot => slot.Variables.Select(v =>
                (v.StateKey, Tensor: file.ReadTensor(keyOf[(slot.VarsPath, v.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))]).to_type(ScalarType.Float32))))
            .ToDictionary(p => p.StateKey, p => p.Tensor));
    }

    /// <summary>Whether a safetensors file names its tensors by Keras variable paths (<c>dense/kernel</c>) rather than <c>state_dict</c> keys.</summary>
    public static bool HasKerasNames(SafeTensorsFile file) => file.Tensors.Count > 0 && file.Tensors.All(t => t.Name.Contains('/'));

    // "model/dense_1/bias" -> ("dense_1", "bias"); a recurrent cell's own segment ("lstm_cell") is skipped.
    private static (string Layer, string Variable) Split(string key)
    {
        var parts = key.Split('/').ToList();
        if (parts.Count > 2 && parts[^2].EndsWith("_cell", StringComparison.Ordinal))
        {
            parts.RemoveAt(parts.Count - 2);
        }

        return parts.Count >= 2 ? (parts[^2], parts[^1]) : ("", key);
    }

    private static void Check(Model model, List<KerasLayerSlot> slots, IReadOnlyDictionary<string, List<KerasStoredVariable>> found, string source)
    {
        var problems = KerasWeightMatch.Differences(slots, found);
        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"Cannot load Keras weights from '{source}' into model '{model.GetName()}': {KerasWeightMatch.Describe(problems)}");
        }
    }
}
