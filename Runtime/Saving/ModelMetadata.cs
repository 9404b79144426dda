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
    /// <summary>The entries describing <paramref name="model"/>: <c>input</c>, <c>output</c> (each input's or output's shape, comma-separated) and, when compiled, <c>compile</c> (JSON).</summary>
    public static Dictionary<string, string> Describe(Model model)
    {
        var info = model.BuildInfo;
        var entries = new Dictionary<string, string>
        {
            ["input"] = string.Join(", ", info.Inputs.Select(i => i.Display)),
            ["output"] = string.Join(", ", info.Outputs.Select(o => o.Display)),
        };
        if (info.Compile is { } compile)
        {
            var outputs = compile.Outputs;
            var description = new Dictionary<string, object>
            {
                ["optimizer"] = compile.Optimizer.ToString(),
                ["loss"] = One(info, outputs.Select(o => o.Loss.ToString()).ToArray(), compile.PerOutput),
                ["metrics"] = One(info, outputs.Select(o => o.Metrics.Select(m => m.ToString()).ToArray()).ToArray(), compile.PerOutput),
                ["from_logits"] = One(info, outputs.Select(o => o.FromLogits).ToArray(), compile.PerOutput),
            };
            if (compile.PerOutput)
            {
                description["loss_weights"] = One(info, outputs.Select(o => o.LossWeight).ToArray(), perOutput: true);
            }

            description["learning_rate"] = compile.LearningRate;
            entries["compile"] = JsonSerializer.Serialize(description);
        }

        return entries;
    }

    // Keras' compile arguments: one value for one output, a dictionary by output name per output.
    private static object One<T>(ModelInfo info, T[] values, bool perOutput) where T : notnull =>
        perOutput ? info.Outputs.Select((o, i) => (o.Name, Value: (object)values[i])).ToDictionary(p => p.Name, p => p.Value) : values[0];
}
