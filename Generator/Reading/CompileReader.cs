using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads <c>[Compile(optimizer, loss, Metrics = ..., FromLogits = ..., LearningRate = ...)]</c> (STK2003, STK2004).</summary>
internal static class CompileReader
{
    /// <summary>The training configuration, or <see langword="null"/> when the class has no valid <c>[Compile]</c>.</summary>
    /// <param name="type">The model class.</param>
    /// <param name="classLocation">Its identifier, for an attribute without syntax.</param>
    /// <param name="context">Where problems are reported.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="perOutput">Whether the model may leave its losses to <c>[Output]</c> attributes (functional models).</param>
    public static CompileDeclaration? Read(INamedTypeSymbol type, SourceLocation classLocation, ReadContext context, CancellationToken cancellationToken, bool perOutput = false)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, KnownTypes.CompileAttribute));
        if (attribute is null)
        {
            return null;
        }

        if (attribute.AttributeConstructor is not { } constructor)
        {
            context.CompilerErrors.Add("[Compile] does not compile");
            return null;
        }

        var syntax = AttributeArguments.Syntax(attribute, cancellationToken);
        var attributeLocation = syntax is null ? classLocation : SourceLocation.From(syntax);
        SourceLocation ParameterLocation(string name) => Locate(AttributeArguments.ForParameter(syntax, constructor, name)) ?? attributeLocation;
        SourceLocation PropertyLocation(string name) => Locate(AttributeArguments.ForProperty(syntax, name)) ?? attributeLocation;

        var valid = true;
        T? ReadEnum<T>(TypedConstant value, string what, SourceLocation location)
            where T : struct, Enum
        {
            var kind = EnumValues.Read<T>(value.Type, value.Value);
            if (kind is null)
            {
                context.Report(DiagnosticDescriptors.UnknownCompileValue, location, what, EnumValues.Names<T>(), Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null");
                valid = false;
            }

            return kind;
        }

        // [Compile(loss)] has no optimizer argument: the attribute uses Keras' default, RMSprop.
        var optimizerIndex = AttributeArguments.IndexOf(constructor, "optimizer");
        var optimizer = optimizerIndex < 0
            ? OptimizerKind.RmsProp
            : ReadEnum<OptimizerKind>(attribute.ConstructorArguments[optimizerIndex], "optimizer", ParameterLocation("optimizer"));
        var lossIndex = AttributeArguments.IndexOf(constructor, "loss");
        if (lossIndex < 0)
        {
            // [Compile(optimizer)]: the losses are in [Output] attributes, which OutputCompileReader reads.
            if (!perOutput || !type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, KnownTypes.OutputAttribute)))
            {
                context.Report(DiagnosticDescriptors.CompileWithoutLoss, attributeLocation, type.Name);
            }

            return null;
        }

        var lossLocation = ParameterLocation("loss");
        var loss = ReadEnum<LossKind>(attribute.ConstructorArguments[lossIndex], "loss", lossLocation);

        var metrics = new List<MetricKind>();
        var fromLogits = false;
        SourceLocation? fromLogitsLocation = null;
        var learningRate = 0.0;
        foreach (var argument in attribute.NamedArguments)
        {
            var (name, value) = (argument.Key, argument.Value);
            switch (name)
            {
                case "Metrics" when !value.IsNull:
                    foreach (var element in value.Values)
                    {
                        if (ReadEnum<MetricKind>(element, "metric", PropertyLocation(name)) is { } metric)
                        {
                            metrics.Add(metric);
                        }
                    }

                    break;
                case "FromLogits":
                    fromLogits = value.Value is true;
                    fromLogitsLocation = PropertyLocation(name);
                    break;
                case "LearningRate":
                    learningRate = Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (double.IsNaN(learningRate) || double.IsInfinity(learningRate) || learningRate < 0)
                    {
                        context.Report(DiagnosticDescriptors.InvalidLearningRate, PropertyLocation(name), Formatting.Double(learningRate));
                        valid = false;
                    }

                    break;
            }
        }

        return valid && optimizer is { } o && loss is { } l
            ? new CompileDeclaration(o, l, metrics.ToEquatableArray(), fromLogits, learningRate, lossLocation, fromLogitsLocation)
            : null;
    }

    /// <summary>
    /// Whether <c>[Compile(..., Backward = BackwardMode.Autograd)]</c> keeps TorchSharp's autograd over the
    /// whole model (<c>BackwardMode</c>'s members are matched by value: Generated 0, Autograd 1).
    /// </summary>
    public static bool ReadsAutogradBackward(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, KnownTypes.CompileAttribute));
        return attribute?.NamedArguments.Any(a => a.Key == "Backward" && a.Value.Value is int mode && mode == 1) == true;
    }

    private static SourceLocation? Locate(SyntaxNode? node) => node is null ? null : SourceLocation.From(node);
}
