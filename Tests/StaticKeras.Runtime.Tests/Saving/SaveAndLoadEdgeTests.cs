using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using StaticKeras.Tests.Platform;
using StaticKeras.Saving;
using Xunit;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>What a killed save leaves behind, saving into a missing folder, and files that are not weight files.</summary>
public class SaveAndLoadEdgeTests
{
    [Fact]
    public void TheNextSaveRemovesTemporariesOfKilledSavesOfThatFile()
    {
        using var dir = new TempDirectory();
        var deadProcess = DeadProcessId();
        var guid = Guid.NewGuid();
        File.WriteAllText(dir.File(AtomicFile.TemporaryName("w.safetensors", deadProcess, guid)), "half a save");
        File.WriteAllText(dir.File($".w.safetensors.{guid:N}.tmp"), "half a save in the earlier name form");
        var ours = AtomicFile.TemporaryName("w.safetensors", Environment.ProcessId, guid); // a save still running here
        File.WriteAllText(dir.File(ours), "in progress");
        var otherFile = AtomicFile.TemporaryName("other.safetensors", deadProcess, guid);
        File.WriteAllText(dir.File(otherFile), "another file's debris");
        using var model = new TinyModel();

        model.SaveWeights(dir.File("w.safetensors"));

        Assert.Equal(new[] { otherFile, ours, "w.safetensors" }, dir.Listing());
    }

    [Fact]
    public void SavingIntoAMissingFolderNamesTheUsersPath()
    {
        using var dir = new TempDirectory();
        var path = dir.File(Path.Combine("no-such-folder", "w.safetensors"));
        using var model = new TinyModel();

        var e = Assert.Throws<DirectoryNotFoundException>(() => model.SaveWeights(path));

        Assert.Equal($"Cannot save to '{path}': the folder '{Path.GetDirectoryName(path)}' does not exist; create it first.", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
    }

    [Fact]
    public void AHeaderThatIsNotUtf8IsAnErrorNamingTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad-name.safetensors");
        var header = Encoding.ASCII.GetBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"x\":1}");
        header[^4] = 0xff; // inside the name "x"
        var file = new byte[8 + header.Length + 4];
        BitConverter.TryWriteBytes(file.AsSpan(0, 8), (long)header.Length);
        header.CopyTo(file, 8);
        File.WriteAllBytes(path, file);
        using var model = new TinyModel();

        var e = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        Assert.Equal($"'{path}' is not a valid safetensors file: the header is not valid UTF-8 (first invalid byte at offset {8 + header.Length - 4}).", e.Message);
    }

    [LinuxFact]
    public void LoadingFromAFifoIsAnErrorNotAWaitForAWriter()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pipe.safetensors");
        Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("600", 8)));
        using var model = new TinyModel();

        var load = Task.Run(() => Assert.Throws<IOException>(() => model.LoadWeights(path)));

        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "LoadWeights blocked on the FIFO");
        Assert.Equal($"Cannot read '{path}': it is a FIFO (named pipe), not a weight file; reading it could block forever.", load.Result.Message);
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
