using System;
using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Optimizers.Schedules;

/// <summary>
/// Keras' <c>PiecewiseConstantDecay</c>: <c>values[0]</c> while <c>step &lt;= boundaries[0]</c>,
/// <c>values[i]</c> while <c>boundaries[i-1] &lt; step &lt;= boundaries[i]</c>, and the last value after the last boundary.
/// </summary>
public sealed class PiecewiseConstantDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="boundaries">Increasing step boundaries.</param>
    /// <param name="values">The learning rates: one more than <paramref name="boundaries"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not match, or the boundaries do not increase.</exception>
    public PiecewiseConstantDecay(IReadOnlyList<long> boundaries, IReadOnlyList<double> values)
    {
        if (boundaries.Count + 1 != values.Count || boundaries.Count == 0)
        {
            throw new ArgumentException(
                $"The length of boundaries should be 1 less than the length of values (and at least 1); got {boundaries.Count} boundaries and {values.Count} values.",
                nameof(values));
        }

        if (boundaries.Zip(boundaries.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            throw new ArgumentException($"The boundaries must increase; got [{string.Join(", ", boundaries)}].", nameof(boundaries));
        }

        Boundaries = [.. boundaries];
        Values = [.. values];
    }

    /// <summary>The step boundaries.</summary>
    public IReadOnlyList<long> Boundaries { get; }

    /// <summary>The learning rate of each interval.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <inheritdoc/>
    public override double Evaluate(long step)
    {
        for (var i = 0; i < Boundaries.Count; i++)
        {
            if (step <= Boundaries[i])
            {
                return Values[i];
            }
        }

        return Values[^1];
    }
}
