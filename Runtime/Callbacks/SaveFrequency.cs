using System;

namespace StaticKeras.Callbacks;

/// <summary>
/// How often <see cref="ModelCheckpoint"/> saves (Keras' <c>save_freq</c>): at the end of every
/// epoch (the default), or after every given number of training batches. An integer converts
/// implicitly: <c>saveFreq: 100</c>.
/// </summary>
public readonly record struct SaveFrequency
{
    private SaveFrequency(int batches) => Batches = batches;

    /// <summary>Save at the end of every epoch (Keras' <c>"epoch"</c>); also the default value.</summary>
    public static SaveFrequency Epoch => default;

    /// <summary>The number of batches between saves, or 0 for <see cref="Epoch"/>.</summary>
    public int Batches { get; }

    /// <summary>Whether saves happen at epoch ends.</summary>
    public bool IsEpoch => Batches == 0;

    /// <summary>Save after every <paramref name="batches"/> training batches.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batches"/> is not positive.</exception>
    public static SaveFrequency EveryBatches(int batches) => batches > 0
        ? new SaveFrequency(batches)
        : throw new ArgumentOutOfRangeException(nameof(batches), batches,
            $"Unrecognized save_freq: {batches}. Expected save_freq are SaveFrequency.Epoch or a positive number of batches");

    /// <summary>Converts a batch count: <c>saveFreq: 100</c>.</summary>
    public static implicit operator SaveFrequency(int batches) => EveryBatches(batches);

    /// <inheritdoc/>
    public override string ToString() => IsEpoch ? "epoch" : Batches.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
