using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// The build-time rules for <c>[Compile]</c>'s optimizer options, following the checks Keras'
/// <c>BaseOptimizer.__init__</c> and its schedules make when they are created (plain C#, no Roslyn):
/// STK2005 two gradient clips; STK2006 a value Keras (or the runtime) rejects; STK2007 an option
/// that does not apply (no schedule, another schedule, another optimizer); STK2008 a schedule
/// missing a required argument.
/// </summary>
internal static class OptimizerOptionChecks
{
    /// <summary>One problem: the attribute argument it is reported at, the diagnostic id and the message's arguments.</summary>
    public sealed record Problem(string Argument, string Id, EquatableArray<string> Arguments);

    /// <summary>The argument <c>[Compile]</c> names the schedule with, where STK2008 is reported.</summary>
    public const string ScheduleArgument = "Schedule";

    private static readonly string[] Clips = ["ClipNorm", "ClipValue", "GlobalClipNorm"];

    // Each schedule's arguments (Keras' constructor parameters, in its order): the required ones, then the optional ones.
    private static readonly Dictionary<ScheduleKind, (string[] Required, string[] Optional)> ScheduleArguments = new()
    {
        [ScheduleKind.ExponentialDecay] = (["DecaySteps", "DecayRate"], ["Staircase"]),
        [ScheduleKind.InverseTimeDecay] = (["DecaySteps", "DecayRate"], ["Staircase"]),
        [ScheduleKind.PiecewiseConstantDecay] = (["Boundaries", "Values"], []),
        [ScheduleKind.PolynomialDecay] = (["DecaySteps"], ["EndLearningRate", "Power", "Cycle"]),
        [ScheduleKind.CosineDecay] = (["DecaySteps"], ["Alpha", "WarmupTarget", "WarmupSteps"]),
        [ScheduleKind.CosineDecayRestarts] = (["FirstDecaySteps"], ["TMul", "MMul", "Alpha"]),
    };

    /// <summary>Every argument that belongs to a schedule.</summary>
    public static IReadOnlyList<string> ScheduleArgumentNames { get; } =
        ScheduleArguments.Values.SelectMany(a => a.Required.Concat(a.Optional)).Distinct().ToArray();

    /// <summary>The problems of <paramref name="options"/>, in the order of <paramref name="written"/>, then STK2008.</summary>
    /// <param name="optimizer">The optimizer <c>[Compile]</c> names.</param>
    /// <param name="learningRateWritten">Whether <c>LearningRate</c> was written (a schedule's initial rate).</param>
    /// <param name="options">The options read.</param>
    /// <param name="written">The names of the arguments written, in source order.</param>
    public static IReadOnlyList<Problem> Check(OptimizerKind optimizer, bool learningRateWritten, OptimizerOptionsDeclaration options, IReadOnlyList<string> written)
    {
        var problems = new List<Problem>();
        var schedule = options.Schedule is { } kind && kind != ScheduleKind.None ? kind : (ScheduleKind?)null;
        string? firstClip = null;
        foreach (var name in written)
        {
            if (InvalidValue(name, options) is { } invalid)
            {
                problems.Add(Report(name, "STK2006", name, invalid.Requirement, invalid.Found));
            }
            else if (Clips.Contains(name))
            {
                if (firstClip is null)
                {
                    firstClip = name;
                }
                else
                {
                    problems.Add(Report(name, "STK2005", firstClip, name));
                }
            }
            else if (NotApplying(name, optimizer, schedule, options) is { } notApplying)
            {
                problems.Add(Report(name, "STK2007", name, notApplying.Where, notApplying.Hint));
            }
        }

        if (learningRateWritten && schedule == ScheduleKind.PiecewiseConstantDecay)
        {
            problems.Add(Report("LearningRate", "STK2007", "LearningRate", "to PiecewiseConstantDecay", "its Values are the learning rates"));
        }

        if (schedule is { } s)
        {
            var required = ScheduleArguments[s].Required;
            var missing = required.Where(r => !written.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(Report(ScheduleArgument, "STK2008", s.ToString(), And(required), And(missing)));
            }
        }

        return problems;
    }

    private static Problem Report(string argument, string id, params string[] arguments) => new(argument, id, arguments.ToEquatableArray());

    // The range a written value must lie in, and what was found; null when it does.
    private static (string Requirement, string Found)? InvalidValue(string name, OptimizerOptionsDeclaration o)
    {
        const string Positive = "a finite number > 0";
        const string NonNegative = "a finite number >= 0";
        return name switch
        {
            "ClipNorm" => Check(o.ClipNorm, v => v > 0, Positive),
            "ClipValue" => Check(o.ClipValue, v => v > 0, Positive),
            "GlobalClipNorm" => Check(o.GlobalClipNorm, v => v > 0, Positive),
            "WeightDecay" => Check(o.WeightDecay, v => v >= 0, NonNegative),
            "EmaMomentum" => Check(o.EmaMomentum, v => v is >= 0 and <= 1, "in [0, 1]"),
            "EmaOverwriteFrequency" => Check(o.EmaOverwriteFrequency, v => v >= 1, "an integer >= 1"),
            "GradientAccumulationSteps" => Check(o.GradientAccumulationSteps, v => v >= 2, "an integer >= 2"),
            "DecaySteps" => Check(o.DecaySteps, v => v > 0, "an integer > 0"),
            "FirstDecaySteps" => Check(o.FirstDecaySteps, v => v > 0, "an integer > 0"),
            "WarmupSteps" => Check(o.WarmupSteps, v => v >= 0, "an integer >= 0"),
            "DecayRate" => Check(o.DecayRate, v => v >= 0, NonNegative),
            "EndLearningRate" => Check(o.EndLearningRate, v => v >= 0, NonNegative),
            "WarmupTarget" => Check(o.WarmupTarget, v => v >= 0, NonNegative),
            "Power" => Check(o.Power, _ => true, "a finite number"),
            "Alpha" => Check(o.Alpha, _ => true, "a finite number"),
            "TMul" => Check(o.TMul, v => v > 0, Positive),
            "MMul" => Check(o.MMul, v => v >= 0, NonNegative),
            "Values" => ValuesProblem(o.Values ?? EquatableArray<double>.Empty),
            "Boundaries" => BoundariesProblem(o.Boundaries ?? EquatableArray<long>.Empty, o.Values),
            "ExcludeFromWeightDecay" => PatternProblem(o.ExcludeFromWeightDecay ?? EquatableArray<string>.Empty),
            _ => null,
        };
    }

    private static (string, string)? Check(double? value, Func<double, bool> valid, string requirement) =>
        value is { } v && (double.IsNaN(v) || double.IsInfinity(v) || !valid(v)) ? (requirement, Formatting.Double(v)) : null;

    private static (string, string)? Check(long? value, Func<long, bool> valid, string requirement) =>
        value is { } v && !valid(v) ? (requirement, Formatting.Number(v)) : null;

    private static (string, string)? ValuesProblem(EquatableArray<double> values) =>
        values.Count < 2 ? ("at least 2 learning rates", List(values.Select(Formatting.Double)))
        : values.Any(v => double.IsNaN(v) || double.IsInfinity(v) || v < 0) ? ("finite numbers >= 0", List(values.Select(Formatting.Double)))
        : null;

    // Keras: len(boundaries) == len(values) - 1; the runtime also needs them increasing.
    private static (string, string)? BoundariesProblem(EquatableArray<long> boundaries, EquatableArray<double>? values)
    {
        var found = List(boundaries.Select(Formatting.Number));
        if (values is { } v && v.Count >= 2 && boundaries.Count != v.Count - 1)
        {
            return ($"one element fewer than Values ({Formatting.Number(v.Count - 1)} for {Formatting.Number(v.Count)} values)", found);
        }

        return boundaries.Zip(boundaries.Skip(1), (a, b) => b > a).All(increasing => increasing) ? null : ("increasing", found);
    }

    private static (string, string)? PatternProblem(EquatableArray<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                return ("regular expressions", "\"" + pattern + "\"");
            }
        }

        return null;
    }

    // Where a written option does not apply, and a hint; null when it does.
    private static (string Where, string Hint)? NotApplying(string name, OptimizerKind optimizer, ScheduleKind? schedule, OptimizerOptionsDeclaration o)
    {
        if (name == "Amsgrad" && optimizer is not (OptimizerKind.Adam or OptimizerKind.AdamW))
        {
            return ("to " + optimizer, "it is an argument of Adam and AdamW");
        }

        if (name is "EmaMomentum" or "EmaOverwriteFrequency" && o.UseEma != true)
        {
            return ("without UseEma = true", "set UseEma = true or remove it");
        }

        if (name == "ExcludeFromWeightDecay" && o.WeightDecay is null && optimizer != OptimizerKind.AdamW)
        {
            return ("without weight decay", "set WeightDecay, or use Optimizer.AdamW");
        }

        if (!ScheduleArgumentNames.Contains(name))
        {
            return null;
        }

        var owners = ScheduleArguments.Where(s => s.Value.Required.Contains(name) || s.Value.Optional.Contains(name)).Select(s => s.Key.ToString()).ToList();
        if (schedule is not { } s)
        {
            return ("without a Schedule", $"it is an argument of {And(owners)}");
        }

        var (required, optional) = ScheduleArguments[s];
        if (!required.Contains(name) && !optional.Contains(name))
        {
            return ("to " + s, $"it takes {And(required.Concat(optional).ToList())}");
        }

        return name == "WarmupSteps" && o.WarmupTarget is null ? ("without WarmupTarget", "the warmup rises to WarmupTarget over WarmupSteps") : null;
    }

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string And(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
}
