using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Saving;

/// <summary>
/// Compares the weights a model has with the weights offered to it (by a file or a snapshot) and
/// lists every difference: missing and unexpected names, dtypes and shapes that differ.
/// </summary>
internal static class WeightCompatibility
{
    /// <summary>A weight's element type (safetensors code) and shape.</summary>
    public readonly record struct Signature(string DType, long[] Shape);

    /// <summary>
    /// Every difference between <paramref name="expected"/> (the model's) and
    /// <paramref name="found"/> (the source's), one phrase each; empty when they match.
    /// </summary>
    public static List<string> Differences(
        IReadOnlyList<KeyValuePair<string, Signature>> expected,
        IReadOnlyList<KeyValuePair<string, Signature>> found,
        string sourceName)
    {
        var problems = new List<string>();
        var foundByName = found.ToDictionary(kv => kv.Key, kv => kv.Value);
        var expectedNames = expected.Select(kv => kv.Key).ToHashSet();
        foreach (var (name, want) in expected)
        {
            if (!foundByName.TryGetValue(name, out var have))
            {
                problems.Add($"missing key '{name}' ({want.DType} {SafeTensorInfo.FormatShape(want.Shape)})");
                continue;
            }

            if (!have.Shape.SequenceEqual(want.Shape))
            {
                problems.Add($"'{name}' has shape {SafeTensorInfo.FormatShape(have.Shape)} in the {sourceName} but {SafeTensorInfo.FormatShape(want.Shape)} in the model");
            }

            if (have.DType != want.DType)
            {
                problems.Add($"'{name}' has dtype {have.DType} in the {sourceName} but {want.DType} in the model");
            }
        }

        problems.AddRange(found.Where(kv => !expectedNames.Contains(kv.Key))
            .Select(kv => $"unexpected key '{kv.Key}' ({kv.Value.DType} {SafeTensorInfo.FormatShape(kv.Value.Shape)})"));
        return problems;
    }

    /// <summary>Joins the differences into one message body.</summary>
    public static string Describe(List<string> problems) =>
        $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}: " + string.Join("; ", problems) + ".";
}
