using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using StaticKeras.Data;
using StaticKeras.Tests.Platform;
using TorchSharp;
using Xunit;

namespace StaticKeras.Tests.Data;

/// <summary>
/// The official checksums and the download path, against the real files of Debian's package. Debian
/// stores Zalando's gzip files with the header's file name and time stamp removed; putting them back
/// (FNAME flag, the original time, the name) gives Zalando's files byte for byte.
/// </summary>
public class OfficialFilesTests
{
    private static byte[] Official(DatasetFile file)
    {
        var debian = File.ReadAllBytes(Path.Combine(FullDatasetFactAttribute.Directory, file.Name));
        Assert.Equal([0x1F, 0x8B, 0x08, 0x00], debian[..4]); // gzip, deflate, no flags
        var modified = file.Name.StartsWith("train", StringComparison.Ordinal) ? 1504176606u : 1504176627u; // 2017-08-31 10:50 UTC
        byte[] header = [0x1F, 0x8B, 0x08, 0x08, .. BitConverter.GetBytes(modified), debian[8], debian[9]];
        return [.. header, .. Encoding.ASCII.GetBytes(file.Name[..^3] + "\0"), .. debian[10..]];
    }

    [FullDatasetFact]
    public void The_checksums_are_those_of_the_real_files()
    {
        foreach (var file in FashionMnist.Spec.Files)
            Assert.Equal(file.Md5, Convert.ToHexStringLower(MD5.HashData(Official(file))));
    }

    [FullDatasetFact]
    public void The_default_search_finds_debians_package()
    {
        using var home = new TempDirectory();
        var locator = new DatasetLocator(FashionMnist.Spec, _ => null, home.Path, new DatasetDownloader(new LocalFileHandler(), TextWriter.Null));

        Assert.Equal(new DataSource(FullDatasetFactAttribute.Directory, DataSourceOrigin.SystemPackage), locator.Locate(null));
    }

    [FullDatasetFact]
    public void Downloading_from_the_keras_mirror_verifies_the_official_checksums_and_loads()
    {
        using var scope = torch.NewDisposeScope();
        using var home = new TempDirectory();
        var handler = new LocalFileHandler();
        foreach (var file in FashionMnist.Spec.Files)
            handler.Serve(new Uri("https://storage.googleapis.com/tensorflow/tf-keras-datasets/" + file.Name), Official(file));
        var log = new StringWriter();
        var locator = new DatasetLocator(FashionMnist.Spec with { SystemDirectory = null }, _ => null, home.Path, new DatasetDownloader(handler, log));

        var source = locator.Locate(null);
        var ((xTrain, yTrain), (xTest, _)) = MnistFormatDataset.Load(FashionMnist.Spec, source);

        Assert.Equal(new DataSource(Path.Combine(home.Path, ".staticKeras", "datasets", "fashion-mnist"), DataSourceOrigin.Downloaded), source);
        Assert.Equal(FashionMnist.Spec.Files.Select(f => f.Name).Order(), Directory.GetFiles(source.Directory).Select(Path.GetFileName).Order());
        Assert.Equal(4, log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal([60000L, 28, 28], xTrain.shape);
        Assert.Equal([10000L, 28, 28], xTest.shape);
        Assert.Equal(6000L, yTrain.bincount(null)[0].item<long>());
    }
}
