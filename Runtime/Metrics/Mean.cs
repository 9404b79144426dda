using System;

namespace StaticKeras.Metrics;

/// <summary>
/// A running weighted mean (Keras' <c>keras.metrics.Mean</c>): the epoch loss is the mean of batch
/// losses weighted by batch size, and accuracy the mean of per-sample matches.
/// </summary>
public sealed class Mean
{
    private double _total;
    private double _count;

    /// <summary>Creates an empty tracker.</summary>
    /// <param name="name">The name the value is logged under (<c>loss</c>, <c>accuracy</c>).</param>
    public Mean(string name)
    {
        Name = name;
    }

    /// <summary>The name the value is logged under.</summary>
    public string Name { get; }

    /// <summary>The total weight seen so far (the number of samples, for batch updates).</summary>
    public double Count => _count;

    /// <summary>Adds <paramref name="value"/> with <paramref name="weight"/> (for a batch mean: its size).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is negative or not finite.</exception>
    public void UpdateState(double value, double weight = 1)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "weight must be a finite number >= 0.");
        }

        _total += value * weight;
        _count += weight;
    }

    /// <summary>The weighted mean so far; 0 before any update, as Keras.</summary>
    public double Result() => _count == 0 ? 0 : _total / _count;

    /// <summary>Forgets every update (Keras' <c>reset_state</c>, at each epoch start).</summary>
    public void ResetState()
    {
        _total = 0;
        _count = 0;
    }
}
