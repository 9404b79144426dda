using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace StaticKeras.Training;

/// <summary>
/// What <c>Evaluate</c> returns: the logs by name, enumerated in Keras' order (the loss, then the
/// metrics in <c>[Compile]</c> order, as Keras' <c>evaluate()</c> returns its list).
/// </summary>
/// <example>
/// <code>
/// var (loss, accuracy) = model.Evaluate(xTest, yTest);
/// double lossOnly = model.Evaluate(xTest, yTest).Loss;
/// double acc = model.Evaluate(xTest, yTest)["accuracy"];
/// </code>
/// </example>
public sealed class EvaluationResult : IReadOnlyDictionary<string, double>
{
    private readonly OrderedDictionary<string, double> _logs;

    /// <summary>Creates a result from logs already in Keras' order.</summary>
    internal EvaluationResult(IEnumerable<KeyValuePair<string, double>> orderedLogs)
    {
        _logs = new OrderedDictionary<string, double>(orderedLogs);
    }

    /// <summary>The loss (Keras' first value).</summary>
    public double Loss => _logs["loss"];

    /// <inheritdoc/>
    public double this[string key] => _logs.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"Evaluate logged no '{key}'; it logged {string.Join(", ", _logs.Keys)}.");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _logs.Keys;

    /// <inheritdoc/>
    public IEnumerable<double> Values => _logs.Values;

    /// <inheritdoc/>
    public int Count => _logs.Count;

    /// <summary>The loss and the one metric, for <c>var (loss, accuracy) = model.Evaluate(...)</c>.</summary>
    /// <exception cref="InvalidOperationException">The model logs no metric, or several.</exception>
    public void Deconstruct(out double loss, out double metric)
    {
        if (_logs.Count != 2)
        {
            throw new InvalidOperationException(
                $"Evaluate logged {_logs.Count} values ({string.Join(", ", _logs.Keys)}), not a loss and one metric; " +
                "use .Loss or index by name.");
        }

        loss = _logs.GetAt(0).Value;
        metric = _logs.GetAt(1).Value;
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _logs.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value) => _logs.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _logs.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The logs as Keras prints them: <c>loss: 0.3521 - accuracy: 0.8712</c>.</summary>
    public override string ToString() => string.Join(" - ", _logs.Select(p => $"{p.Key}: {KerasFormat.Value(p.Value)}"));
}
