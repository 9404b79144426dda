using StaticKeras.Saving;

namespace StaticKeras;

public abstract partial class Model
{
    // torch's CPU generator at the end of the last epoch Fit ran (the state the next epoch starts
    // from): SaveWeights writes it beside the optimizer's state.
    private TrainingRandomState? _epochEndRandomState;

    // The state LoadWeights read, restored once by the next Fit when it resumes at that epoch.
    private TrainingRandomState? _loadedRandomState;

    /// <summary>The random state to save with the weights, or <see langword="null"/> before the first epoch.</summary>
    internal TrainingRandomState? EpochEndRandomState => _epochEndRandomState;

    /// <summary>Remembers the generator's state at the end of an epoch, before the epoch-end callbacks (ModelCheckpoint) save it.</summary>
    private void RememberRandomState(int nextEpoch) => _epochEndRandomState = TrainingRandomState.Capture(nextEpoch);

    /// <summary>Keeps a loaded weight file's random state for the Fit that resumes from it (<see langword="null"/> forgets an older one).</summary>
    private void KeepLoadedRandomState(TrainingRandomState? state) => _loadedRandomState = state;

    /// <summary>
    /// Resuming (<c>initialEpoch</c> equal to the loaded file's next epoch), puts torch's CPU generator
    /// back where the uninterrupted run had it, so the shuffles and Dropout masks repeat. Once per load.
    /// </summary>
    private void RestoreRandomState(int initialEpoch)
    {
        if (_loadedRandomState is { } state && state.NextEpoch == initialEpoch)
        {
            state.Restore();
        }

        _loadedRandomState = null;
    }
}
