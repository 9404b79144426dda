using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using StaticKeras.Data;
using StaticKeras.Tests.Platform;
using Xunit;

namespace StaticKeras.Tests.Data;

/// <summary>The search order: given directory, STATICKERAS_DATASETS, user cache, system package, download.</summary>
public sealed class DatasetLocatorTests : IDisposable
{
    private static readonly Uri Mirror = new("https://mirror.example/");
    private static readonly Dictionary<string, byte[]> Contents = new()
    {
        ["train-images-idx3-ubyte.gz"] = IdxBytes.Gzip(IdxBytes.Images(3)),
        ["train-labels-idx1-ubyte.gz"] = IdxBytes.Gzip(IdxBytes.Labels(1, 2, 3)),
        ["t10k-images-idx3-ubyte.gz"] = IdxBytes.Gzip(IdxBytes.Images(2)),
        ["t10k-labels-idx1-ubyte.gz"] = IdxBytes.Gzip(IdxBytes.Labels(4, 5)),
    };

    private readonly TempDirectory temp = new();
    private readonly Dictionary<string, string> environment = [];
    private readonly LocalFileHandler handler = new();
    private readonly StringWriter warnings = new();
    private readonly MnistFormatSpec spec;

    public DatasetLocatorTests()
    {
        DatasetFile File(string name) => new(name, Convert.ToHexStringLower(MD5.HashData(Contents[name])));
        spec = new("Tiny", "tiny", Path.Combine(temp.Path, "usr-share"), "dataset-tiny", [Mirror],
            File("train-images-idx3-ubyte.gz"), File("train-labels-idx1-ubyte.gz"), File("t10k-images-idx3-ubyte.gz"), File("t10k-labels-idx1-ubyte.gz"));
    }

    public void Dispose() => temp.Dispose();

    private string Home => Path.Combine(temp.Path, "home");

    private DatasetLocator Locator(string? bundled = null) =>
        new(spec, name => environment.GetValueOrDefault(name), Home, new DatasetDownloader(handler, TextWriter.Null)) { BundledDirectory = bundled, Warnings = warnings };

    private string Populate(string relative, bool decompressed = false, string? without = null)
    {
        var directory = Path.Combine(temp.Path, relative);
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in Contents.Where(file => file.Key != without))
        {
            if (decompressed)
                File.WriteAllBytes(Path.Combine(directory, name[..^3]), IdxBytes.Gunzip(bytes));
            else
                File.WriteAllBytes(Path.Combine(directory, name), bytes);
        }
        return directory;
    }

    [Fact]
    public void A_given_directory_is_used_as_it_is()
    {
        var directory = Populate("mine");
        Populate("usr-share");

        Assert.Equal(new DataSource(directory, DataSourceOrigin.ExplicitDirectory), Locator().Locate(directory));
    }

    [Fact]
    public void A_given_directory_may_hold_decompressed_files()
    {
        var directory = Populate("plain", decompressed: true);

        var source = Locator().Locate(directory);

        using var splits = new Disposer(MnistFormatDataset.Load(spec, source));
        Assert.Equal([3L, 2, 3], splits.Value.Train.X.shape);
        Assert.Equal([4L, 5], splits.Value.Test.Y.data<long>().ToArray());
    }

    [Fact]
    public void A_given_directory_missing_a_file_is_an_error_naming_it()
    {
        var directory = Populate("mine", without: "t10k-labels-idx1-ubyte.gz");

        var error = Assert.Throws<FileNotFoundException>(() => Locator().Locate(directory));

        Assert.Equal($"Tiny: {directory} lacks t10k-labels-idx1-ubyte.gz (or the same names without .gz).", error.Message);
    }

    [Fact]
    public void The_bundled_directory_is_reported_as_such()
    {
        var directory = Populate("bundled");

        Assert.Equal(DataSourceOrigin.BundledSubset, Locator(bundled: directory).Locate(directory).Origin);
    }

    [Fact]
    public void STATICKERAS_DATASETS_is_searched_first_in_its_subfolder_then_itself()
    {
        Populate("home/.staticKeras/datasets/tiny");
        environment["STATICKERAS_DATASETS"] = Path.Combine(temp.Path, "sets");

        var flat = Populate("sets");
        Assert.Equal(new DataSource(flat, DataSourceOrigin.EnvironmentVariable), Locator().Locate(null));

        var nested = Populate("sets/tiny");
        Assert.Equal(new DataSource(nested, DataSourceOrigin.EnvironmentVariable), Locator().Locate(null));
    }

    [Fact]
    public void The_user_cache_comes_before_the_system_package()
    {
        var cache = Populate("home/.staticKeras/datasets/tiny");
        Populate("usr-share");
        environment["STATICKERAS_DATASETS"] = Path.Combine(temp.Path, "empty");

        Assert.Equal(new DataSource(cache, DataSourceOrigin.UserCache), Locator().Locate(null));
    }

    [Fact]
    public void The_system_package_is_used_when_nothing_else_holds_the_files()
    {
        var system = Populate("usr-share");
        Populate("home/.staticKeras/datasets/tiny", without: "train-images-idx3-ubyte.gz");

        Assert.Equal(new DataSource(system, DataSourceOrigin.SystemPackage), Locator().Locate(null));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Downloads_the_missing_files_into_the_user_cache_last()
    {
        var cache = Populate("home/.staticKeras/datasets/tiny", without: "train-images-idx3-ubyte.gz");
        foreach (var (name, bytes) in Contents)
            handler.Serve(new Uri(Mirror, name), bytes);

        var source = Locator().Locate(null);

        Assert.Equal(new DataSource(cache, DataSourceOrigin.Downloaded), source);
        Assert.Equal([new Uri(Mirror, "train-images-idx3-ubyte.gz")], handler.Requests);
        Assert.Equal(Contents["train-images-idx3-ubyte.gz"], File.ReadAllBytes(Path.Combine(cache, "train-images-idx3-ubyte.gz")));
    }

    [Fact]
    public void When_nothing_is_found_and_nothing_downloads_the_error_says_where_it_looked_and_what_to_do()
    {
        var error = Assert.Throws<IOException>(() => Locator().Locate(null));

        var cache = Path.Combine(Home, ".staticKeras", "datasets", "tiny");
        Assert.StartsWith($"Tiny was not found in {cache}, {Path.Combine(temp.Path, "usr-share")} and could not be downloaded. " +
            $"To use it offline, install the dataset-tiny package (e.g. apt-get install dataset-tiny), copy its four files into {cache}, " +
            "set STATICKERAS_DATASETS, or pass a directory to LoadData. Could not download train-images-idx3-ubyte.gz: ", error.Message);
        Assert.Empty(Directory.GetFiles(cache));
    }

    /// <summary>Disposes the four tensors of loaded splits.</summary>
    private sealed class Disposer(DatasetSplits splits) : IDisposable
    {
        public DatasetSplits Value => splits;

        public void Dispose()
        {
            splits.Train.X.Dispose();
            splits.Train.Y.Dispose();
            splits.Test.X.Dispose();
            splits.Test.Y.Dispose();
        }
    }

    [Fact]
    public void A_corrupt_file_in_the_user_cache_is_passed_by_for_the_system_package()
    {
        var cache = Populate("home/.staticKeras/datasets/tiny");
        var corrupt = Path.Combine(cache, "train-images-idx3-ubyte.gz");
        File.WriteAllBytes(corrupt, Contents["train-images-idx3-ubyte.gz"][..10]); // a truncated download
        var system = Populate("usr-share");

        var located = Locator().Locate(null);

        Assert.Equal(new DataSource(system, DataSourceOrigin.SystemPackage), located);
        Assert.Contains($"warning: Tiny: passing by {cache}: {corrupt} fails its MD5 check (expected {spec.TrainImages.Md5}, found ", warnings.ToString());
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Only_the_user_cache_is_held_to_the_published_checksums()
    {
        var system = Populate("usr-share");
        // The same data in another gzip member (its header's modification time differs), as Debian recompresses the files.
        var recompressed = Contents["t10k-labels-idx1-ubyte.gz"].ToArray();
        recompressed[4] ^= 0xff;
        File.WriteAllBytes(Path.Combine(system, "t10k-labels-idx1-ubyte.gz"), recompressed);

        Assert.Equal(new DataSource(system, DataSourceOrigin.SystemPackage), Locator().Locate(null));
        Assert.Empty(warnings.ToString());
    }

    [Fact]
    public void A_corrupt_cached_file_is_downloaded_again()
    {
        var cache = Populate("home/.staticKeras/datasets/tiny");
        File.WriteAllBytes(Path.Combine(cache, "t10k-labels-idx1-ubyte.gz"), [0x1f, 0x8b, 0, 1, 2]);
        foreach (var (name, bytes) in Contents)
            handler.Serve(new Uri(Mirror, name), bytes);

        var source = Locator().Locate(null);

        Assert.Equal(new DataSource(cache, DataSourceOrigin.Downloaded), source);
        Assert.Equal([new Uri(Mirror, "t10k-labels-idx1-ubyte.gz")], handler.Requests);
        using var splits = new Disposer(MnistFormatDataset.Load(spec, source));
        Assert.Equal([4L, 5], splits.Value.Test.Y.data<long>().ToArray());
    }

    [Fact]
    public void Corrupt_everywhere_and_offline_is_an_IOException_naming_the_corrupt_file()
    {
        var cache = Populate("home/.staticKeras/datasets/tiny");
        File.WriteAllBytes(Path.Combine(cache, "train-labels-idx1-ubyte.gz"), [1, 2, 3]);

        var error = Assert.Throws<IOException>(() => Locator().Locate(null));

        Assert.Contains($"{cache} (corrupt: {Path.Combine(cache, "train-labels-idx1-ubyte.gz")} fails its MD5 check", error.Message);
    }
}
