using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads <c>[Compile(optimizer)]</c> with one <c>[Output(name, loss, Metrics = ..., LossWeight = ..., FromLogits = ...)]</c>
/// per output (STK0075 for two on one name). Whether every name is an output, and every output has
/// one, is checked against the graph by <c>OutputCompileChecks</c>.
/// </summary>
internal static class OutputCompileReader
{
    /// <summary>The per-output configurations in attribute order; empty when there are none or <c>[Compile]</c> is missing.</summary>
    public static EquatableArray<OutputCompileDeclaration> Read(INamedTypeSymbol type, SourceLocation classLocation, ReadContext context, CancellationToken cancellationToken)
    {
        var outputs = type.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, KnownTypes.OutputAttribute)).ToList();
        var compile = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, KnownTypes.CompileAttribute));
        if (outputs.Count == 0 || compile?.AttributeConstructor is not { } constructor || AttributeArguments.IndexOf(constructor, "loss") >= 0)
        {
            return EquatableArray<OutputCompileDeclaration>.Empty;
        }

        var optimizerIndex = AttributeArguments.IndexOf(constructor, "optimizer");
        var optimizer = EnumValues.Read<OptimizerKind>(compile.ConstructorArguments[optimizerIndex].Type, compile.ConstructorArguments[optimizerIndex].Value) ?? OptimizerKind.Adam;
        var learningRate = compile.NamedArguments.Where(a => a.Key == "LearningRate").Select(a => Convert.ToDouble(a.Value.Value, CultureInfo.InvariantCulture)).FirstOrDefault();

        var result = new List<OutputCompileDeclaration>();
        foreach (var attribute in outputs)
        {
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 2)
            {
                context.CompilerErrors.Add("[Output] does not compile");
                continue;
            }

            var syntax = AttributeArguments.Syntax(attribute, cancellationToken);
            var location = syntax is null ? classLocation : SourceLocation.From(syntax);
            var positional = AttributeArguments.Positional(syntax);
            var nameLocation = positional.Count > 0 ? SourceLocation.From(positional[0]) : location;
            var lossLocation = positional.Count > 1 ? SourceLocation.From(positional[1]) : location;
            var name = attribute.ConstructorArguments[0].Value as string ?? "";
            var loss = EnumValues.Read<LossKind>(attribute.ConstructorArguments[1].Type, attribute.ConstructorArguments[1].Value) ?? LossKind.MeanSquaredError;
            var metrics = new List<MetricKind>();
            var (fromLogits, weight) = (false, 1.0);
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Metrics" when !argument.Value.IsNull:
                        metrics.AddRange(argument.Value.Values.Select(v => EnumValues.Read<MetricKind>(v.Type, v.Value)).OfType<MetricKind>());
                        break;
                    case "FromLogits":
                        fromLogits = argument.Value.Value is true;
                        break;
                    case "LossWeight":
                        weight = Convert.ToDouble(argument.Value.Value, CultureInfo.InvariantCulture);
                        break;
                }
            }

            if (result.Any(o => o.Name == name))
            {
                context.Report(DiagnosticDescriptors.DuplicateOutputAttribute, nameLocation, name, type.Name);
                continue;
            }

            result.Add(new OutputCompileDeclaration(
                name, new CompileDeclaration(optimizer, loss, metrics.ToEquatableArray(), fromLogits, learningRate, lossLocation, null), weight, nameLocation));
        }

        return result.ToEquatableArray();
    }
}
