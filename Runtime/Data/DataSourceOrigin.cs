namespace StaticKeras.Data;

/// <summary>Where a data set's files were found, in the order they are looked for.</summary>
public enum DataSourceOrigin
{
    /// <summary>The directory passed to <c>LoadData</c>.</summary>
    ExplicitDirectory,

    /// <summary>The small real subset bundled next to the program (Fashion-MNIST only).</summary>
    BundledSubset,

    /// <summary>The STATICKERAS_DATASETS environment variable's directory (or its data set subfolder).</summary>
    EnvironmentVariable,

    /// <summary>The user's cache, ~/.staticKeras/datasets, from an earlier download or copy.</summary>
    UserCache,

    /// <summary>An operating-system package, e.g. Debian's dataset-fashion-mnist in /usr/share/datasets.</summary>
    SystemPackage,

    /// <summary>Downloaded just now into the user's cache, checksums verified.</summary>
    Downloaded,
}
