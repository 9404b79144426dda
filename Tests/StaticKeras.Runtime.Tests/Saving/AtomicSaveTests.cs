using System.IO;
using System.Linq;
using Xunit;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>A save interrupted part-way leaves the previous checkpoint loadable and no debris.</summary>
public class AtomicSaveTests
{
    [Theory]
    [InlineData(0)]      // before the length prefix
    [InlineData(5)]      // inside the length prefix
    [InlineData(100)]    // inside the JSON header
    [InlineData(220)]    // inside the tensor data
    public void InterruptedSaveKeepsThePreviousCheckpoint(long failAfter)
    {
        using var dir = new TempDirectory();
        var path = dir.File("best.weights.safetensors");
        using var model = new TinyModel();
        model.Fill(1);
        model.SaveWeights(path);
        var previous = File.ReadAllBytes(path);
        model.Fill(2);
        FailingStream? failing = null;

        var error = Assert.Throws<IOException>(() =>
            model.SaveWeights(path, extraMetadata: null, wrapStream: s => failing = new FailingStream(s, failAfter)));

        Assert.Equal("simulated crash during save", error.Message);
        Assert.Equal(failAfter, failing!.Written);
        Assert.Equal(new[] { "best.weights.safetensors" }, dir.Listing());
        Assert.Equal(previous, File.ReadAllBytes(path));
        using var restored = new TinyModel();
        restored.LoadWeights(path);
        Assert.Equal(new[] { 1f, 2, 3, 4, 5, 6 }, restored.Hidden.Kernel.data<float>().ToArray());
    }

    [Fact]
    public void InterruptedFirstSaveLeavesNoFileAtAll()
    {
        using var dir = new TempDirectory();
        using var model = new TinyModel();

        Assert.Throws<IOException>(() =>
            model.SaveWeights(dir.File("new.safetensors"), extraMetadata: null, wrapStream: s => new FailingStream(s, 30)));

        Assert.Empty(dir.Listing());
    }

    [Fact]
    public void CompletedSaveReplacesThePreviousFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("w.safetensors");
        using var model = new TinyModel();
        model.Fill(1);
        model.SaveWeights(path);
        model.Fill(2);

        model.SaveWeights(path);

        using var restored = new TinyModel();
        restored.LoadWeights(path);
        Assert.Equal(2f, restored.Hidden.Kernel.data<float>().First());
        Assert.Equal(new[] { "w.safetensors" }, dir.Listing());
    }

    [Fact]
    public void SavingOverADirectoryIsRefused()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("ckpt"));
        using var model = new TinyModel();

        var error = Assert.Throws<IOException>(() => model.SaveWeights(dir.File("ckpt")));

        Assert.Equal($"Cannot save to '{dir.File("ckpt")}': it is an existing directory.", error.Message);
    }
}
