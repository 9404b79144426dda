using System;
using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Training;

/// <summary>
/// When <c>Fit</c> validates (Keras' <c>validation_freq</c>): every N epochs, or on listed epochs.
/// Epochs here are one-based, as Keras counts them for this argument: every 2 validates after
/// epochs 2, 4, 6, ... Converts implicitly from an <see cref="int"/> (every N) and from an
/// <c>int[]</c> (those epochs), so <c>validationFreq: 2</c> and <c>validationFreq: new[] { 1, 5 }</c> both read as in Keras.
/// </summary>
public readonly struct ValidationFrequency : IEquatable<ValidationFrequency>
{
    private readonly int _everyMinusOne;   // so that default(ValidationFrequency) validates every epoch
    private readonly int[]? _epochs;

    private ValidationFrequency(int every, int[]? epochs)
    {
        _everyMinusOne = every - 1;
        _epochs = epochs;
    }

    /// <summary>Validates after every epoch (the default).</summary>
    public static ValidationFrequency EveryEpoch => default;

    /// <summary>Validates after every <paramref name="every"/>-th epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> is less than 1.</exception>
    public static ValidationFrequency Every(int every) => every >= 1
        ? new ValidationFrequency(every, null)
        : throw new ArgumentOutOfRangeException(nameof(every), every, $"validationFreq must be >= 1 (validate every N epochs); got {every}.");

    /// <summary>Validates after the listed one-based epochs only.</summary>
    /// <exception cref="ArgumentException">An epoch less than 1.</exception>
    public static ValidationFrequency Epochs(IEnumerable<int> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var list = epochs.Distinct().Order().ToArray();
        if (list.Length > 0 && list[0] < 1)
        {
            throw new ArgumentException($"validationFreq lists one-based epochs, each >= 1; got {list[0]}.", nameof(epochs));
        }

        return new ValidationFrequency(1, list);
    }

    /// <summary>Validates every <paramref name="every"/> epochs.</summary>
    public static implicit operator ValidationFrequency(int every) => Every(every);

    /// <summary>Validates after the listed one-based epochs.</summary>
    public static implicit operator ValidationFrequency(int[] epochs) => Epochs(epochs);

    /// <summary>Whether to validate after the zero-based <paramref name="epoch"/> (Keras' <c>_should_eval</c>).</summary>
    public bool ShouldValidate(int epoch) =>
        _epochs is null ? (epoch + 1) % (_everyMinusOne + 1) == 0 : Array.BinarySearch(_epochs, epoch + 1) >= 0;

    /// <inheritdoc/>
    public bool Equals(ValidationFrequency other) =>
        _everyMinusOne == other._everyMinusOne && (_epochs ?? []).SequenceEqual(other._epochs ?? []) && (_epochs is null) == (other._epochs is null);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValidationFrequency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _epochs is null ? _everyMinusOne : _epochs.Length;

    /// <summary>Whether two frequencies validate on the same epochs.</summary>
    public static bool operator ==(ValidationFrequency left, ValidationFrequency right) => left.Equals(right);

    /// <summary>Whether two frequencies differ.</summary>
    public static bool operator !=(ValidationFrequency left, ValidationFrequency right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() =>
        _epochs is null ? $"every {_everyMinusOne + 1} epoch(s)" : $"epochs [{string.Join(", ", _epochs)}]";
}
