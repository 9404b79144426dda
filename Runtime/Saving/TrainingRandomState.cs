using System;
using System.Collections.Generic;
using System.Globalization;
using static TorchSharp.torch;

namespace StaticKeras.Saving;

/// <summary>
/// The state of torch's CPU random generator at the end of an epoch of <c>Fit</c>, the one the next
/// epoch starts from: its shuffle order and every Dropout mask are drawn from it. A safetensors
/// weight file carries it in its metadata (<c>training.next_epoch</c>, <c>training.torch_rng_state</c>
/// in base64), so <c>Fit(..., initialEpoch: NextEpoch)</c> after <see cref="Model.LoadWeights"/> draws
/// what the uninterrupted run drew, and reproduces it bit for bit on CPU.
/// </summary>
/// <param name="NextEpoch">The epoch (0-based) the state starts: the one after the epoch that ended.</param>
/// <param name="TorchState">torch's <c>get_rng_state()</c> bytes.</param>
internal sealed record TrainingRandomState(int NextEpoch, byte[] TorchState)
{
    private const string EpochKey = "training.next_epoch";
    private const string StateKey = "training.torch_rng_state";

    /// <summary>The generator's state now, for the epoch <paramref name="nextEpoch"/> about to start.</summary>
    public static TrainingRandomState Capture(int nextEpoch)
    {
        using var state = get_rng_state();
        return new TrainingRandomState(nextEpoch, state.data<byte>().ToArray());
    }

    /// <summary>Sets torch's CPU generator to this state; does nothing (returns false) when it is not a state of this generator's size.</summary>
    public bool Restore()
    {
        using (var current = get_rng_state())
        {
            if (current.numel() != TorchState.Length)
            {
                return false;
            }
        }

        using var state = tensor(TorchState, dtype: ScalarType.Byte);
        set_rng_state(state);
        return true;
    }

    /// <summary>Adds the state to a weight file's metadata.</summary>
    public void Describe(Dictionary<string, string> metadata)
    {
        metadata[EpochKey] = NextEpoch.ToString(CultureInfo.InvariantCulture);
        metadata[StateKey] = Convert.ToBase64String(TorchState);
    }

    /// <summary>The state a weight file's metadata holds, or <see langword="null"/> when it holds none (or not readably).</summary>
    public static TrainingRandomState? Read(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(EpochKey, out var epoch) || !metadata.TryGetValue(StateKey, out var state)
            || !int.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var nextEpoch))
        {
            return null;
        }

        try
        {
            return new TrainingRandomState(nextEpoch, Convert.FromBase64String(state));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
