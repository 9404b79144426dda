using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StaticKeras.Data;

/// <summary>
/// Finds a data set's files, in order: the directory given; the STATICKERAS_DATASETS directory (its
/// data set subfolder, or the directory itself); the user's cache ~/.staticKeras/datasets/&lt;folder&gt;;
/// the operating-system package's directory; and last, a download into the user's cache. The user's
/// cache holds downloads, so a published (.gz) file there whose MD5 differs from the publisher's (an
/// interrupted or corrupted download) makes the loader pass the cache by, with a warning, and go on;
/// the download replaces that file. Other directories are not checked against the checksums: Debian's
/// package, for one, recompresses the same data into different .gz files.
/// </summary>
internal sealed class DatasetLocator(MnistFormatSpec spec, Func<string, string?> environment, string homeDirectory, DatasetDownloader downloader)
{
    /// <summary>The environment variable naming a directory of data sets.</summary>
    public const string DatasetsVariable = "STATICKERAS_DATASETS";

    /// <summary>A locator over this process's environment, home directory and network.</summary>
    public static DatasetLocator For(MnistFormatSpec spec, string? bundledDirectory = null) => new(spec, Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), DatasetDownloader.Default) { BundledDirectory = bundledDirectory };

    /// <summary>Where warnings go (a directory passed by because a file in it failed its checksum).</summary>
    public TextWriter Warnings { get; init; } = Console.Error;

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
        if (Holds(UserCache, searched, verify: true))
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

    private bool Holds(string directory, List<string> searched, bool verify = false)
    {
        searched.Add(directory);
        if (!spec.Files.All(file => file.FindIn(directory) != null))
            return false;
        if (!verify)
            return true;
        var problems = spec.Files.Select(file => file.ChecksumProblem(file.FindIn(directory)!)).OfType<string>().ToList();
        if (problems.Count == 0)
            return true;
        searched[^1] = $"{directory} (corrupt: {string.Join("; ", problems)})";
        Warnings.WriteLine($"warning: {spec.Name}: passing by {directory}: {string.Join("; ", problems)}");
        return false;
    }

    // A cached file that is missing, or a published file that fails its checksum, is downloaded again.
    private bool NeedsDownload(DatasetFile file) =>
        file.FindIn(UserCache) is not { } cached || file.ChecksumProblem(cached) != null;

    private DataSource Download(List<string> searched)
    {
        try
        {
            foreach (var file in spec.Files.Where(NeedsDownload).ToList())
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
