using System;
using System.IO;
using System.Security.Cryptography;
using StaticKeras.Data;
using StaticKeras.Tests.Platform;
using Xunit;

namespace StaticKeras.Tests.Data;

public sealed class DatasetDownloaderTests : IDisposable
{
    private static readonly Uri First = new("https://first.example/data/");
    private static readonly Uri Second = new("http://second.example/mirror/");
    private static readonly byte[] Contents = IdxBytes.Gzip(IdxBytes.Labels(1, 2, 3));
    private static readonly DatasetFile File = new("labels.gz", Convert.ToHexStringLower(MD5.HashData(Contents)));

    private readonly TempDirectory temp = new();
    private readonly StringWriter log = new();

    public void Dispose() => temp.Dispose();

    private string Target => Path.Combine(temp.Path, "cache");

    [Fact]
    public void Downloads_and_verifies_the_file_and_says_where_from()
    {
        var handler = new LocalFileHandler().Serve(new Uri(First, "labels.gz"), Contents);

        var path = new DatasetDownloader(handler, log).Download(File, [First, Second], Target);

        Assert.Equal(Path.Combine(Target, "labels.gz"), path);
        Assert.Equal(Contents, System.IO.File.ReadAllBytes(path));
        Assert.Equal($"Downloading data from https://first.example/data/labels.gz{Environment.NewLine}", log.ToString());
        Assert.Equal([Path.Combine(Target, "labels.gz")], Directory.GetFiles(Target));
    }

    [Fact]
    public void Falls_back_to_the_next_mirror()
    {
        var handler = new LocalFileHandler().Serve(new Uri(Second, "labels.gz"), Contents);

        var path = new DatasetDownloader(handler, log).Download(File, [First, Second], Target);

        Assert.Equal(Contents, System.IO.File.ReadAllBytes(path));
        Assert.Equal([new Uri(First, "labels.gz"), new Uri(Second, "labels.gz")], handler.Requests);
    }

    [Fact]
    public void A_bad_checksum_is_a_clear_error_and_leaves_no_file()
    {
        var tampered = (byte[])Contents.Clone();
        tampered[^1] ^= 1;
        var handler = new LocalFileHandler().Serve(new Uri(First, "labels.gz"), tampered);

        var error = Assert.Throws<IOException>(() => new DatasetDownloader(handler, log).Download(File, [First], Target));

        Assert.Equal($"Could not download labels.gz: https://first.example/data/labels.gz: checksum mismatch: expected MD5 {File.Md5}, " +
            $"got {Convert.ToHexStringLower(MD5.HashData(tampered))} ({tampered.Length} bytes)", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(Target));
    }

    [Fact]
    public void An_interrupted_download_leaves_no_file_and_an_existing_file_untouched()
    {
        Directory.CreateDirectory(Target);
        var existing = Path.Combine(Target, "labels.gz");
        System.IO.File.WriteAllText(existing, "an earlier copy");
        var handler = new LocalFileHandler { FailAfter = 10 }.Serve(new Uri(First, "labels.gz"), Contents);

        var error = Assert.Throws<IOException>(() => new DatasetDownloader(handler, log).Download(File, [First], Target));

        Assert.Contains("https://first.example/data/labels.gz: ", error.Message);
        Assert.Equal([existing], Directory.GetFileSystemEntries(Target));
        Assert.Equal("an earlier copy", System.IO.File.ReadAllText(existing));
    }

    [Fact]
    public void Names_every_mirror_that_failed()
    {
        var error = Assert.Throws<IOException>(() => new DatasetDownloader(new LocalFileHandler(), log).Download(File, [First, Second], Target));

        Assert.Equal("Could not download labels.gz: " +
            "https://first.example/data/labels.gz: Response status code does not indicate success: 404 (Not Found).; " +
            "http://second.example/mirror/labels.gz: Response status code does not indicate success: 404 (Not Found).", error.Message);
    }
}
