using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Checks a Keras file's variables against a model laid out by <see cref="KerasWeightLayout"/>,
/// the way Keras' <c>load_own_variables</c> does (the same layers, each with the same number of
/// variables of the same shapes), and lists every difference with expected and found values.
/// </summary>
internal static class KerasWeightMatch
{
    /// <summary>Every difference, the first layer of the model (then the file's extra layers) first; empty when the file fits.</summary>
    /// <param name="slots">The model's layers in Keras' order.</param>
    /// <param name="found">The file's variables by <c>vars</c> group path, in index order.</param>
    public static List<string> Differences(IReadOnlyList<KerasLayerSlot> slots, IReadOnlyDictionary<string, List<KerasStoredVariable>> found)
    {
        var problems = new List<string>();
        foreach (var slot in slots)
        {
            var have = found.GetValueOrDefault(slot.VarsPath) ?? [];
            if (slot.Variables.Count != have.Count)
            {
                problems.Add($"layer {slot.Display} expects {Count(slot.Variables.Count)} ({Describe(slot.Variables)}) " +
                    $"but the file has {Count(have.Count)} at {slot.VarsPath}{(have.Count == 0 ? "" : $" ({Describe(have)})")}");
                continue;
            }

            foreach (var (want, got) in slot.Variables.Zip(have))
            {
                if (!want.Shape.SequenceEqual(got.Shape))
                {
                    problems.Add($"layer {slot.Display} variable {want.Index} '{want.KerasName}' has shape " +
                        $"{SafeTensorInfo.FormatShape(want.Shape)} in the model but {SafeTensorInfo.FormatShape(got.Shape)} in the file ({slot.VarsPath}/{got.Name})");
                }
                else if (got.DType is not ("F32" or "F64"))
                {
                    problems.Add($"layer {slot.Display} variable {want.Index} '{want.KerasName}' is {got.DType} in the file ({slot.VarsPath}/{got.Name}); float32 or float64 expected");
                }
            }
        }

        var expected = slots.Select(s => s.VarsPath).ToHashSet();
        foreach (var (path, variables) in found.Where(kv => !expected.Contains(kv.Key)).OrderBy(kv => kv.Key, System.StringComparer.Ordinal))
        {
            problems.Add($"the file has {Count(variables.Count)} at {path} ({Describe(variables)}), which no layer of the model has");
        }

        return problems;
    }

    /// <summary>The message for a file that does not fit: the first difference, and how many there are.</summary>
    public static string Describe(List<string> problems) =>
        problems[0] + (problems.Count == 1 ? "." : $" (and {problems.Count - 1} more difference{(problems.Count == 2 ? "" : "s")}).");

    private static string Count(int n) => n == 1 ? "1 variable" : $"{n} variables";

    private static string Describe(IEnumerable<KerasVariable> variables) =>
        string.Join(", ", variables.Select(v => $"{v.KerasName} {SafeTensorInfo.FormatShape(v.Shape)}"));

    private static string Describe(IEnumerable<KerasStoredVariable> variables) =>
        string.Join(", ", variables.Select(v => $"{v.Name}: {SafeTensorInfo.FormatShape(v.Shape)}"));
}
