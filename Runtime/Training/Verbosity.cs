using System;

namespace StaticKeras.Training;

/// <summary>Keras' <c>verbose</c> argument: 0 silent, 1 progress bar, 2 one line per epoch.</summary>
internal static class Verbosity
{
    /// <summary>
    /// Resolves <see langword="null"/> (Keras' <c>"auto"</c>) to 1 on a terminal and 2 when output is
    /// redirected, where a redrawn bar would fill a log with carriage returns.
    /// </summary>
    public static int Resolve(int? verbose) => verbose switch
    {
        null => Console.IsOutputRedirected ? 2 : 1,
        0 or 1 or 2 => verbose.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(verbose), verbose,
            $"verbose must be 0 (silent), 1 (progress bar), 2 (one line per epoch) or null (auto); got {verbose}."),
    };
}
