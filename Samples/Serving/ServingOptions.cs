namespace Samples.Serving;

/// <summary>The service's settings: section <c>Serving</c> of the configuration (appsettings.json, <c>--weights</c> and the other switches).</summary>
public sealed class ServingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Serving";

    /// <summary>The safetensors file written by <c>SaveWeights</c> (required).</summary>
    public string? Weights { get; set; }

    /// <summary>The most images one request may carry.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>Whether concurrent requests are run together as one batch.</summary>
    public bool MicroBatching { get; set; }

    /// <summary>How long the first request of a micro-batch waits for others to join it, in milliseconds.</summary>
    public double MaxDelayMs { get; set; } = 2;

    /// <summary>The most images one micro-batch runs at once.</summary>
    public int MaxBatchImages { get; set; } = 128;

    /// <summary>The command-line switches and the settings they set.</summary>
    public static readonly System.Collections.Generic.Dictionary<string, string> Switches = new()
    {
        ["--weights"] = $"{Section}:{nameof(Weights)}",
        ["--max-batch"] = $"{Section}:{nameof(MaxBatch)}",
        ["--micro-batching"] = $"{Section}:{nameof(MicroBatching)}",
        ["--max-delay-ms"] = $"{Section}:{nameof(MaxDelayMs)}",
        ["--max-batch-images"] = $"{Section}:{nameof(MaxBatchImages)}",
    };
}
