using System;
using System.IO;
using System.Runtime.CompilerServices;
using StaticKeras.Saving;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>The Keras-made files in Files/ (see its README) and the predictions Keras stored with them.</summary>
internal static class KerasFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Saving", "Keras", "Files", name);

    /// <summary>The namespace of the checked-in declarations in Imported/.</summary>
    public const string ImportedNamespace = "StaticKeras.Runtime.Tests.Saving.Keras.Imported";

    /// <summary>The checked-in declaration KerasImport wrote for <paramref name="className"/> (Imported/, in the source tree).</summary>
    public static string Declaration(string className) =>
        File.ReadAllText(System.IO.Path.Combine(SourceDirectory(), "Imported", $"{className}.cs"));

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path)!;

    /// <summary>The stored <c>input</c> and Keras' <c>output</c> for model <paramref name="model"/> (mlp or cnn), in the caller's scope.</summary>
    public static (Tensor Input, Tensor Output) InputsAndPredictions(string model)
    {
        using var file = SafeTensorsFile.Open(Path($"{model}.io.safetensors"));
        return (file.ReadTensor("input"), file.ReadTensor("output"));
    }

    /// <summary>The largest |a - b| / max|b|, Keras' check_load measure.</summary>
    public static double MaxRelative(Tensor actual, Tensor expected) =>
        (actual - expected).abs().max().item<float>() / expected.abs().max().item<float>();

    /// <summary>Copies <paramref name="name"/> to <paramref name="destination"/> (any name: formats are told by content).</summary>
    public static string CopyTo(string name, string destination)
    {
        File.Copy(Path(name), destination, overwrite: true);
        return destination;
    }
}
