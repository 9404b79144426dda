using System.Collections.Generic;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>Keras 3's EarlyStopping decision, replayed over a finished run's monitored values.</summary>
internal static class KerasEarlyStoppingRule
{
    /// <summary>
    /// Keras' <c>EarlyStopping.on_epoch_end</c> in mode "min", min_delta 0, no baseline,
    /// start_from_epoch 0: the epoch training stops at (or null when it runs to the end) and the best epoch.
    /// </summary>
    public static (int? Stop, int Best) StopAndBest(IReadOnlyList<double> monitored, int patience)
    {
        var best = double.PositiveInfinity;
        var (wait, bestEpoch) = (0, 0);
        for (var epoch = 0; epoch < monitored.Count; epoch++)
        {
            wait++;
            if (monitored[epoch] < best)
            {
                (best, bestEpoch, wait) = (monitored[epoch], epoch, 0);
                continue;
            }

            if (wait >= patience && epoch > 0)
            {
                return (epoch, bestEpoch);
            }
        }

        return (null, bestEpoch);
    }
}
