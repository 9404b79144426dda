using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace StaticKeras.Saving;

/// <summary>
/// The <c>__metadata__</c> a full-model checkpoint adds to the weights: what the model's class
/// declares (input and output shapes, training configuration). In StaticKeras the architecture is
/// the C# class itself, so a full-model file is its weights plus this description.
/// </summary>
internal static class ModelMetadata
{
    /// <summary>The entries describing <paramref name="model"/>: <c>input</c>, <c>output</c> and, when compiled, <c>compile</c> (JSON).</summary>
    public static Dictionary<string, string> Describe(Model model)
    {
        var info = model.BuildInfo;
        var entries = new Dictionary<string, string>
        {
            ["input"] = info.Input.Display,
            ["output"] = info.Output.Display,
        };
        if (info.Compile is { } compile)
        {
            entries["compile"] = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["optimizer"] = compile.Optimizer.ToString(),
                ["loss"] = compile.Loss.ToString(),
                ["metrics"] = compile.Metrics.Select(m => m.ToString()).ToArray(),
                ["from_logits"] = compile.FromLogits,
                ["learning_rate"] = compile.LearningRate,
            });
        }

        return entries;
    }
}
