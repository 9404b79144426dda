using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Writes the optimizer options <c>[Compile]</c> wrote into <c>CompileInfo.Options</c>, each option
/// written there and none other, so a model without options generates what it always did.
/// </summary>
internal static class OptimizerOptionsEmitter
{
    // Closes the Outputs array of CompileInfo and adds its Options:
    //     }, Options: new global::StaticKeras.OptimizerOptions
    //     {
    //         Schedule = global::StaticKeras.Schedule.ExponentialDecay,
    //         DecaySteps = 1000,
    //         DecayRate = 0.9,
    //         ClipNorm = 1.0,
    //     }),
    /// <summary>Writes <paramref name="options"/> as the end of the <c>Compile: new(...)</c> argument of <c>ModelInfo</c>.</summary>
    public static void Write(CodeWriter writer, OptimizerOptionsDeclaration options)
    {
        writer.Line("    }, Options: new global::StaticKeras.OptimizerOptions");
        writer.Line("    {");
        foreach (var (name, value) in Assignments(options))
        {
            writer.Line($"        {name} = {value},");
        }

        writer.Line("    }),");
    }

    /// <summary>Each written option as a property name and a C# literal, in the declaration's order.</summary>
    public static IEnumerable<(string Name, string Value)> Assignments(OptimizerOptionsDeclaration o)
    {
        var all = new (string Name, string? Value)[]
        {
            ("Schedule", o.Schedule is { } s ? "global::StaticKeras.Schedule." + s : null),
            ("DecaySteps", Long(o.DecaySteps)),
            ("FirstDecaySteps", Long(o.FirstDecaySteps)),
            ("DecayRate", Double(o.DecayRate)),
            ("Staircase", Bool(o.Staircase)),
            ("Boundaries", o.Boundaries is { } b ? $"new long[] {{ {string.Join(", ", b.Select(Formatting.Number))} }}" : null),
            ("Values", o.Values is { } v ? $"new double[] {{ {string.Join(", ", v.Select(Formatting.Double))} }}" : null),
            ("EndLearningRate", Double(o.EndLearningRate)),
            ("Power", Double(o.Power)),
            ("Cycle", Bool(o.Cycle)),
            ("Alpha", Double(o.Alpha)),
            ("WarmupTarget", Double(o.WarmupTarget)),
            ("WarmupSteps", Long(o.WarmupSteps)),
            ("TMul", Double(o.TMul)),
            ("MMul", Double(o.MMul)),
            ("ClipNorm", Double(o.ClipNorm)),
            ("ClipValue", Double(o.ClipValue)),
            ("GlobalClipNorm", Double(o.GlobalClipNorm)),
            ("WeightDecay", Double(o.WeightDecay)),
            ("ExcludeFromWeightDecay", o.ExcludeFromWeightDecay is { } e ? $"new string[] {{ {string.Join(", ", e.Select(Literals.String))} }}" : null),
            ("Amsgrad", Bool(o.Amsgrad)),
            ("UseEma", Bool(o.UseEma)),
            ("EmaMomentum", Double(o.EmaMomentum)),
            ("EmaOverwriteFrequency", Long(o.EmaOverwriteFrequency)),
            ("GradientAccumulationSteps", Long(o.GradientAccumulationSteps)),
        };
        return all.Where(a => a.Value is not null).Select(a => (a.Name, a.Value!));
    }

    private static string? Long(long? value) => value is { } v ? Formatting.Number(v) : null;

    private static string? Double(double? value) => value is { } v ? Formatting.Double(v) : null;

    private static string? Bool(bool? value) => value is { } v ? (v ? "true" : "false") : null;
}
