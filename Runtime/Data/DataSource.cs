namespace StaticKeras.Data;

/// <summary>The directory a data set was loaded from, and how it was found.</summary>
/// <param name="Directory">The full path of the directory that holds the files.</param>
/// <param name="Origin">Which step of the search found it.</param>
public sealed record DataSource(string Directory, DataSourceOrigin Origin)
{
    /// <summary>The directory and its origin, e.g. <c>/usr/share/datasets/fashion-mnist (system package)</c>.</summary>
    public override string ToString() => Origin switch
    {
        DataSourceOrigin.ExplicitDirectory => $"{Directory} (given directory)",
        DataSourceOrigin.BundledSubset => $"{Directory} (bundled subset)",
        DataSourceOrigin.EnvironmentVariable => $"{Directory} (from STATICKERAS_DATASETS)",
        DataSourceOrigin.UserCache => $"{Directory} (user cache)",
        DataSourceOrigin.SystemPackage => $"{Directory} (system package)",
        _ => $"{Directory} (downloaded)",
    };
}
