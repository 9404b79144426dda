namespace StaticKeras.Platform;

/// <summary>What <see cref="GlibcMallocTuning.Apply"/> did.</summary>
internal enum MallocTuningOutcome
{
    /// <summary>Not yet run in this process.</summary>
    NotRun,

    /// <summary>glibc accepted both settings.</summary>
    Applied,

    /// <summary>Not Linux: nothing to do.</summary>
    NotLinux,

    /// <summary>STATICKERAS_NO_MALLOPT or the StaticKeras.DisableMallocTuning switch asked to keep glibc's defaults.</summary>
    OptedOut,

    /// <summary>The user configured glibc's thresholds through the environment.</summary>
    UserSettings,

    /// <summary>The C library is not glibc.</summary>
    NotGlibc,

    /// <summary>glibc rejected a value.</summary>
    Rejected,
}
