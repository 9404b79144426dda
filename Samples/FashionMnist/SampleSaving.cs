using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras;
using StaticKeras.Saving;
using static TorchSharp.torch;

namespace Samples.FashionMnist;

/// <summary>
/// <c>--save DIR</c>: writes the trained model in every format StaticKeras writes (safetensors,
/// Keras <c>.weights.h5</c>, Keras <c>.keras</c>, ONNX), reloads each StaticKeras reads into a fresh
/// model and prints how far its predictions are from the trained model's. Also writes <c>NAME.io.safetensors</c> (inputs and
/// predictions) for scripts/check-keras-exports.sh, which loads the <c>.keras</c> file into Keras 3.
/// </summary>
internal static class SampleSaving
{
    public static void SaveAll(SampleModel sample, Model model, Tensor xTest, string directory)
    {
        Directory.CreateDirectory(directory);
        using var scope = NewDisposeScope();
        var x = xTest[..8];
        var expected = model.Predict(x);
        var stem = Path.Combine(directory, sample.Name);
        SafeTensors.Save($"{stem}.io.safetensors", new Dictionary<string, Tensor> { ["input"] = x, ["output"] = expected });

        Check(sample, $"{stem}.weights.safetensors", model.SaveWeights, x, expected);
        Check(sample, $"{stem}.weights.h5", model.SaveWeights, x, expected);
        Check(sample, $"{stem}.keras", model.SaveKeras, x, expected);
        try
        {
            model.ExportOnnx($"{stem}.onnx");
            Console.WriteLine($"saved {sample.Name}.onnx: {new FileInfo($"{stem}.onnx").Length:N0} bytes, for ONNX Runtime (StaticKeras does not read ONNX back)");
        }
        catch (NotSupportedException e)
        {
            Console.WriteLine($"saved {sample.Name}.onnx: not written ({e.Message})");
        }
    }

    private static void Check(SampleModel sample, string path, Action<string> save, Tensor x, Tensor expected)
    {
        try
        {
            save(path);
        }
        catch (NotSupportedException e)
        {
            Console.WriteLine($"saved {Path.GetFileName(path)}: not written ({e.Message})");
            return;
        }

        using var reloaded = sample.Create();
        reloaded.LoadWeights(path);
        var difference = (reloaded.Predict(x) - expected).abs().max().item<float>();
        Console.WriteLine(FormattableString.Invariant(
            $"saved {Path.GetFileName(path)}: reloaded predictions {(difference <= 1e-5f ? "agree" : "DIFFER")} (max |diff| {difference:G3})"));
    }
}
