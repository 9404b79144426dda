using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using StaticKeras.Layers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Docs;

/// <summary>
/// docs/layers.md lists every built-in layer and every argument of its public constructors with its default:
/// each public layer class of StaticKeras.Layers is named in backticks, and each constructor parameter appears on a
/// line that names the layer, as <c>name = default</c> when it has a default. Adding a layer or an argument without
/// its documentation row fails here.
/// </summary>
public sealed class LayersDocumentationTests
{
    [Fact]
    public void EveryLayerAndArgumentIsListedWithItsDefault()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "layers.md"));
        var problems = new List<string>();
        var types = LayerTypes().ToList();
        Assert.Superset(new HashSet<string> { "Dense", "Flatten", "Add", "MultiHeadAttention", "Attention", "Normalization", "SpatialDropout1D", "PReLU" }, types.Select(t => t.Name).ToHashSet());
        foreach (var type in types)
        {
            var mention = $"`{type.Name}`";
            var rows = lines.Where(l => l.Contains(mention, StringComparison.Ordinal) || l.Contains($"`{type.Name}(", StringComparison.Ordinal)).ToList();
            if (rows.Count == 0)
            {
                problems.Add($"{type.Name}: not named in docs/layers.md");
                continue;
            }

            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()).DistinctBy(p => p.Name))
            {
                var written = parameter.HasDefaultValue ? Defaults(parameter).Select(d => $"{parameter.Name} = {d}").ToArray() : [parameter.Name!];
                if (!rows.Any(r => written.Any(w => r.Contains(w, StringComparison.Ordinal))))
                {
                    problems.Add($"{type.Name}: no line naming the layer lists '{written[0]}'");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // Public, concrete layers users write: Layer, MergeLayer and MultiInputLayer subclasses of StaticKeras.Layers.
    private static IEnumerable<Type> LayerTypes() => typeof(Layer).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && t.Namespace == "StaticKeras.Layers"
            && (typeof(Layer).IsAssignableFrom(t) || typeof(MergeLayer).IsAssignableFrom(t) || typeof(MultiInputLayer).IsAssignableFrom(t)))
        .OrderBy(t => t.Name, StringComparer.Ordinal);

    // How the docs may write a default: null, an enum member's name, true/false, a number in C# or Keras spelling.
    private static IEnumerable<string> Defaults(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        switch (value)
        {
            case null:
                yield return "null";
                break;
            case bool flag:
                yield return flag ? "true" : "false";
                break;
            case Enum member:
                yield return member.ToString();
                break;
            case IFormattable number:
                yield return number.ToString(null, CultureInfo.InvariantCulture);
                yield return number.ToString("0.0###############", CultureInfo.InvariantCulture);
                yield return number.ToString("0.###E+0", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
                yield return number.ToString("0.###e0", CultureInfo.InvariantCulture);
                break;
            default:
                yield return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                break;
        }
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
