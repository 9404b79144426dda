using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StaticKeras.Data;

/// <summary>
/// Finds a data set's files, in order: the directory given; the STATICKERAS_DATASETS directory (its
/// data set subfolder, or the directory itself); the user's cache ~/.staticKeras/datasets/&lt;folder&gt;;
/// the operating-system package's directory; and last, a download into the user's cache.
/// </summary>
internal sealed class DatasetLocator(MnistFormatSpec spec, Func<string, string?> environment, string homeDirectory, DatasetDownloader downloader)
{
    /// <summary>The environment variable naming a directory of data sets.</summary>
    public const string DatasetsVariable = "STATICKERAS_DATASETS";

    /// <summary>A locator over this process's environment, home directory and network.</summary>
    public static DatasetLocator For(MnistFormatSpec spec, string? bundledDirectory = null) => new(spec, Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), DatasetDownloader.Default) { BundledDirectory = bundledDirectory };

    /// <summary>A directory treated as the bundled subset when given explicitly (reported as such).</summary>
    public string? BundledDirectory { get; init; }

    /// <summary>Where downloads go and where earlier downloads are found.</summary>
    public string UserCache => Path.Combine(homeDirectory, ".staticKeras", "datasets", spec.Folder);

    /// <summary>The directory holding all four files, downloading them if no directory does.</summary>
    /// <param name="directory">A directory that must hold the files; null to search.</param>
    public DataSource Locate(string? directory)
    {
        if (directory != null)
            return LocateExplicit(Path.GetFullPath(directory));

        var searched = new List<string>();
        var datasets = environment(DatasetsVariable);
        if (!string.IsNullOrEmpty(datasets))
        {
            foreach (var candidate in new[] { Path.Combine(datasets, spec.Folder), datasets })
            {
                if (Holds(candidate, searched))
                    return new DataSource(Path.GetFullPath(candidate), DataSourceOrigin.EnvironmentVariable);
            }
        }
        if (Holds(UserCache, searched))
            return new DataSource(UserCache, DataSourceOrigin.UserCache);
        if (spec.SystemDirectory != null && Holds(spec.SystemDirectory, searched))
            return new DataSource(spec.SystemDirectory, DataSourceOrigin.SystemPackage);
        return Download(searched);
    }

    private DataSource LocateExplicit(string directory)
    {
        var origin = BundledDirectory != null && Path.GetFullPath(BundledDirectory) == directory ? DataSourceOrigin.BundledSubset : DataSourceOrigin.ExplicitDirectory;
        var missing = spec.Files.Where(file => file.FindIn(directory) == null).Select(file => file.Name).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException($"{spec.Name}: {directory} lacks {string.Join(", ", missing)} (or the same names without .gz).");
        return new DataSource(directory, origin);
    }

    private bool Holds(string directory, List<string> searched)
    {
        searched.Add(directory);
        return spec.Files.All(file => file.FindIn(directory) != null);
    }

    private DataSource Download(List<string> searched)
    {
        try
        {
            foreach (var file in spec.Files.Where(file => file.FindIn(UserCache) == null))
                downloader.Download(file, spec.Mirrors, UserCache);
        }
        catch (IOException e)
        {
            var package = spec.SystemPackage == null ? "" : $"install the {spec.SystemPackage} package (e.g. apt-get install {spec.SystemPackage}), ";
            throw new IOException(
                $"{spec.Name} was not found in {string.Join(", ", searched)} and could not be downloaded. " +
                $"To use it offline, {package}copy its four files into {UserCache}, set {DatasetsVariable}, or pass a directory to LoadData. {e.Message}", e);
        }
        return new DataSource(UserCache, DataSourceOrigin.Downloaded);
    }
}
