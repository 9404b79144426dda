using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads the optimizer options of <c>[Compile(..., Schedule = ..., DecaySteps = ..., ClipNorm = ..., ...)]</c>
/// and reports what <see cref="OptimizerOptionChecks"/> finds (STK2005-STK2008) at the argument
/// that is wrong, or at <c>Schedule</c> for a missing one.
/// </summary>
internal static class OptimizerOptionsReader
{
    /// <summary>
    /// The options written, or <see langword="null"/> when none are (the generated <c>CompileInfo</c>
    /// then has no <c>Options</c>), the attribute is missing or an option is wrong (reported).
    /// </summary>
    public static OptimizerOptionsDeclaration? Read(INamedTypeSymbol type, SourceLocation classLocation, ReadContext context, CancellationToken cancellationToken)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, KnownTypes.CompileAttribute));
        if (attribute?.AttributeConstructor is not { } constructor)
        {
            return null;
        }

        var arguments = attribute.NamedArguments.Where(a => IsOption(a.Key)).ToList();
        if (arguments.Count == 0)
        {
            return null;
        }

        var syntax = AttributeArguments.Syntax(attribute, cancellationToken);
        var attributeLocation = syntax is null ? classLocation : SourceLocation.From(syntax);
        SourceLocation Location(string name) =>
            AttributeArguments.ForProperty(syntax, name) is { } node ? SourceLocation.From(node) : attributeLocation;

        // The optimizer as CompileReader reads it ([Compile(loss)] means RMSprop); an unknown one is STK2004 there.
        var optimizerIndex = AttributeArguments.IndexOf(constructor, "optimizer");
        var optimizer = optimizerIndex < 0
            ? OptimizerKind.RmsProp
            : EnumValues.Read<OptimizerKind>(attribute.ConstructorArguments[optimizerIndex].Type, attribute.ConstructorArguments[optimizerIndex].Value);
        var options = new OptimizerOptionsDeclaration();
        foreach (var (name, value) in arguments.Select(a => (a.Key, a.Value)))
        {
            if (name == "Schedule")
            {
                var schedule = EnumValues.Read<ScheduleKind>(value.Type, value.Value);
                if (schedule is null)
                {
                    context.Report(DiagnosticDescriptors.UnknownCompileValue, Location(name), "schedule", EnumValues.Names<ScheduleKind>(), Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "null");
                    return null;
                }

                options = options with { Schedule = schedule };
                continue;
            }

            options = With(options, name, value);
        }

        if (optimizer is not { } kind)
        {
            return null;
        }

        var learningRateWritten = attribute.NamedArguments.Any(a => a.Key == "LearningRate");
        var problems = OptimizerOptionChecks.Check(kind, learningRateWritten, options, arguments.Select(a => a.Key).ToList());
        foreach (var problem in problems)
        {
            context.Report(DiagnosticDescriptors.Find(problem.Id), Location(problem.Argument), [.. problem.Arguments]);
        }

        return problems.Count == 0 ? options : null;
    }

    private static bool IsOption(string name) => name is "Schedule"
        or "ClipNorm" or "ClipValue" or "GlobalClipNorm" or "WeightDecay" or "ExcludeFromWeightDecay" or "Amsgrad"
        or "UseEma" or "EmaMomentum" or "EmaOverwriteFrequency" or "GradientAccumulationSteps"
        || OptimizerOptionChecks.ScheduleArgumentNames.Contains(name);

    private static OptimizerOptionsDeclaration With(OptimizerOptionsDeclaration o, string name, TypedConstant value) => name switch
    {
        "DecaySteps" => o with { DecaySteps = Long(value) },
        "FirstDecaySteps" => o with { FirstDecaySteps = Long(value) },
        "DecayRate" => o with { DecayRate = Double(value) },
        "Staircase" => o with { Staircase = value.Value is true },
        "Boundaries" => o with { Boundaries = Elements(value).Select(v => Convert.ToInt64(v.Value, CultureInfo.InvariantCulture)).ToEquatableArray() },
        "Values" => o with { Values = Elements(value).Select(Double).ToEquatableArray() },
        "EndLearningRate" => o with { EndLearningRate = Double(value) },
        "Power" => o with { Power = Double(value) },
        "Cycle" => o with { Cycle = value.Value is true },
        "Alpha" => o with { Alpha = Double(value) },
        "WarmupTarget" => o with { WarmupTarget = Double(value) },
        "WarmupSteps" => o with { WarmupSteps = Long(value) },
        "TMul" => o with { TMul = Double(value) },
        "MMul" => o with { MMul = Double(value) },
        "ClipNorm" => o with { ClipNorm = Double(value) },
        "ClipValue" => o with { ClipValue = Double(value) },
        "GlobalClipNorm" => o with { GlobalClipNorm = Double(value) },
        "WeightDecay" => o with { WeightDecay = Double(value) },
        "ExcludeFromWeightDecay" => o with { ExcludeFromWeightDecay = Elements(value).Select(v => v.Value as string ?? "").ToEquatableArray() },
        "Amsgrad" => o with { Amsgrad = value.Value is true },
        "UseEma" => o with { UseEma = value.Value is true },
        "EmaMomentum" => o with { EmaMomentum = Double(value) },
        "EmaOverwriteFrequency" => o with { EmaOverwriteFrequency = Long(value) },
        "GradientAccumulationSteps" => o with { GradientAccumulationSteps = Long(value) },
        _ => o,
    };

    private static double Double(TypedConstant value) => Convert.ToDouble(value.Value, CultureInfo.InvariantCulture);

    private static long Long(TypedConstant value) => Convert.ToInt64(value.Value, CultureInfo.InvariantCulture);

    private static IEnumerable<TypedConstant> Elements(TypedConstant value) => value.IsNull ? [] : value.Values;
}
