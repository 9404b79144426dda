using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Saving;

/// <summary>
/// A copy of every weight of a model (parameters and buffers), keyed by <c>state_dict</c> name in
/// the model's order: what <see cref="Model.GetWeights"/> returns and
/// <see cref="Model.SetWeights"/> takes. The tensors are deep copies owned by the snapshot, outside
/// any dispose scope; dispose the snapshot to free them.
/// </summary>
public sealed class WeightSnapshot : IReadOnlyDictionary<string, Tensor>, IDisposable
{
    private readonly List<KeyValuePair<string, Tensor>> _ordered;
    private readonly Dictionary<string, Tensor> _byName;

    /// <summary>Takes ownership of <paramref name="weights"/>, keeping their order.</summary>
    internal WeightSnapshot(List<KeyValuePair<string, Tensor>> weights)
    {
        _ordered = weights;
        _byName = weights.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public Tensor this[string key] => _byName[key];

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _ordered.Select(kv => kv.Key);

    /// <inheritdoc/>
    public IEnumerable<Tensor> Values => _ordered.Select(kv => kv.Value);

    /// <inheritdoc/>
    public int Count => _ordered.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _byName.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Tensor value) => _byName.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() => _ordered.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Frees the copied tensors.</summary>
    public void Dispose()
    {
        foreach (var (_, tensor) in _ordered)
        {
            tensor.Dispose();
        }
    }
}
