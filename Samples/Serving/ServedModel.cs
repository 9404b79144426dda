using System;
using System.IO;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace Samples.Serving;

/// <summary>
/// The trained model, loaded once at start-up and shared by every request. StaticKeras' Predict is
/// safe to call from many threads at once on one model (nothing here trains or changes weights).
/// </summary>
public sealed class ServedModel : IDisposable
{
    /// <summary>Image height and width.</summary>
    public const int Side = 28;

    /// <summary>Values per image.</summary>
    public const int Pixels = Side * Side;

    /// <summary>Classes the model tells apart.</summary>
    public const int Classes = 10;

    private readonly FashionMlp model = new();

    /// <summary>Loads the weights named by <see cref="ServingOptions.Weights"/>.</summary>
    /// <exception cref="ServingSetupException">No weights file is configured, it is missing, or it does not fit the model.</exception>
    public ServedModel(IOptions<ServingOptions> options)
    {
        var path = options.Value.Weights;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ServingSetupException(
                "No weights file given. Make one (trains the seed MLP on the bundled Fashion-MNIST subset, offline, under a minute):\n"
                + "  dotnet run --project Samples/Serving -c Release -- train fashion-mlp.safetensors\n"
                + "then serve it:\n"
                + "  dotnet run --project Samples/Serving -c Release -- --weights fashion-mlp.safetensors");
        }

        WeightsPath = Path.GetFullPath(path);
        if (!File.Exists(WeightsPath))
        {
            throw new ServingSetupException(
                $"Weights file '{WeightsPath}' does not exist. Make it with:\n  dotnet run --project Samples/Serving -c Release -- train {path}");
        }

        try
        {
            model.LoadWeights(WeightsPath);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException)
        {
            throw new ServingSetupException($"Cannot load '{WeightsPath}' into {model.GetName()}: {e.Message}", e);
        }
    }

    /// <summary>The weights file the model was loaded from.</summary>
    public string WeightsPath { get; }

    /// <summary>The model's name.</summary>
    public string Name => model.GetName();

    /// <summary>
    /// Class probabilities for <paramref name="count"/> images laid out one after another in
    /// <paramref name="pixels"/> (row-major, values in [0, 1]): <paramref name="count"/> x 10 values.
    /// </summary>
    public float[] Predict(float[] pixels, int count)
    {
        using var scope = NewDisposeScope();
        using var x = tensor(pixels, [count, Side, Side]);
        return model.Predict(x, batchSize: Math.Max(count, 1)).data<float>().ToArray();
    }

    /// <inheritdoc/>
    public void Dispose() => model.Dispose();
}
