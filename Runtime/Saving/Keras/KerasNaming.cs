using System.Text.RegularExpressions;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Keras' names for StaticKeras layers: the Keras class name of a layer, and the snake_case group
/// names Keras' saving code gives layers in a weights file (<c>keras/src/utils/naming.py</c>).
/// </summary>
internal static partial class KerasNaming
{
    /// <summary>The Keras class name of <paramref name="module"/>: its C# class name, but <c>Activation</c> for <see cref="ActivationLayer"/>.</summary>
    public static string ClassName(nn.Module module) => module switch
    {
        ActivationLayer => "Activation",
        Model model => model.KerasClassName,
        _ => module.GetType().Name,
    };

    /// <summary>Keras' <c>to_snake_case</c>: <c>MaxPooling2D</c> → <c>max_pooling2d</c>, <c>LSTM</c> → <c>lstm</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        name = NonWord().Replace(name, "");
        name = CapitalizedWord().Replace(name, "$1_$2");
        return LowerThenUpper().Replace(name, "$1_$2").ToLowerInvariant();
    }

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex CapitalizedWord();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerThenUpper();
}
