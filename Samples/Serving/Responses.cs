using System;
using StaticKeras.Data;

namespace Samples.Serving;

/// <summary>The answer to <c>POST /predict</c>: one prediction per image, in request order.</summary>
public sealed record PredictResponse(Prediction[] Predictions);

/// <summary>One image's answer: the most likely class, its Fashion-MNIST name, and all ten probabilities.</summary>
public sealed record Prediction(int Class, string Label, float[] Probabilities)
{
    /// <summary>The prediction for one image's probabilities.</summary>
    public static Prediction From(ReadOnlySpan<float> probabilities)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new Prediction(best, FashionMnist.ClassNames[best], probabilities.ToArray());
    }
}

/// <summary>The answer to <c>GET /health</c>.</summary>
public sealed record HealthResponse(string Status, string Model, string Weights, int[] InputShape, int MaxBatch, bool MicroBatching);
