using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>
/// Reads a <c>[Layer]</c> class's contract: the Input and Output signatures and every
/// <c>[Weight]</c>, checked for syntax (STK0050), unbound names (STK0051) and non-integer
/// constructor parameters (STK0055). Reports only when given a context (the class's own
/// pipeline); a model using the layer reads it silently.
/// </summary>
internal static class ContractReader
{
    /// <summary>The contract, or <see langword="null"/> when it has errors.</summary>
    public static LayerContract? Read(INamedTypeSymbol type, ReadContext? context, CancellationToken cancellationToken)
    {
        var attribute = CustomLayerTypes.LayerAttributeOf(type);
        if (attribute is null)
        {
            return null;
        }

        var reporter = new Reporter(type.Name, context);
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var inputArgument = Named(attribute, syntax, "Input");
        var outputArgument = Named(attribute, syntax, "Output");
        var input = reporter.Parse("Input", inputArgument, SignatureRules.CheckInput);
        var output = input is null ? null : reporter.Parse("Output", outputArgument, o => SignatureRules.CheckOutput(o, input));
        var parameters = PrimaryParameters(type);

        var weights = new List<WeightContract>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (WeightReader.Read(property, reporter, cancellationToken) is { } weight)
            {
                weights.Add(weight);
            }
        }

        if (input is not null)
        {
            reporter.CheckParameters("Input", inputArgument, input, parameters);
        }

        if (input is not null && output is not null)
        {
            reporter.CheckNames("Output", outputArgument, output, input, parameters);
        }

        if (input is not null)
        {
            foreach (var (weight, argument) in reporter.Weights)
            {
                reporter.CheckNames("weight '" + weight.Name + "'", argument, weight.Shape, input, parameters);
            }
        }

        return reporter.HasErrors || input is null || output is null
            ? null
            : new LayerContract(input, output, weights.ToEquatableArray());
    }

    /// <summary>The primary-constructor parameters of <paramref name="type"/>, by name.</summary>
    /// <remarks>
    /// A layer from a referenced assembly has no syntax: its primary constructor compiled to its
    /// public constructor with the most parameters.
    /// </remarks>
    public static Dictionary<string, ITypeSymbol> PrimaryParameters(INamedTypeSymbol type)
    {
        var primary = type.DeclaringSyntaxReferences.IsEmpty
            ? type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).OrderByDescending(c => c.Parameters.Length).FirstOrDefault()
            : type.InstanceConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax));
        return primary?.Parameters.ToDictionary(p => p.Name, p => p.Type) ?? [];
    }

    /// <summary>Whether <paramref name="type"/> is an integer type a signature can use.</summary>
    public static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

    private static SignatureArgument Named(AttributeData attribute, AttributeSyntax? syntax, string name)
    {
        var value = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
        var text = value.IsNull ? "..." : value.Value as string;
        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;
        return new SignatureArgument(text ?? string.Empty, argument ?? (ExpressionSyntax?)syntax?.Name);
    }

    /// <summary>Collects what was read, and reports when there is a context.</summary>
    internal sealed class Reporter(string typeName, ReadContext? context)
    {
        /// <summary>Whether anything was wrong.</summary>
        public bool HasErrors { get; private set; }

        /// <summary>The weights read so far, with their shape arguments.</summary>
        public List<(WeightContract Weight, SignatureArgument Argument)> Weights { get; } = [];

        /// <summary>Reports <paramref name="descriptor"/> when there is a context; remembers the error either way.</summary>
        public void Report(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments)
        {
            HasErrors = true;
            context?.Report(descriptor, location, arguments);
        }

        /// <summary>Parses a signature and checks its role's rules (STK0050).</summary>
        public ShapeSignature? Parse(string role, SignatureArgument argument, System.Func<ShapeSignature, SignatureError?> rules)
        {
            var (signature, error) = SignatureParser.Parse(argument.Text);
            error ??= signature is null ? null : rules(signature);
            if (error is null)
            {
                return signature;
            }

            Report(DiagnosticDescriptors.MalformedSignature, argument.Locate(error), role, argument.Text, typeName, error.Message);
            return null;
        }

        /// <summary>Checks that constructor parameters named in the Input are integers (STK0055).</summary>
        public void CheckParameters(string role, SignatureArgument argument, ShapeSignature signature, Dictionary<string, ITypeSymbol> parameters)
        {
            foreach (var name in SignatureRules.Names(signature))
            {
                if (parameters.TryGetValue(name.Name, out var type) && !IsInteger(type))
                {
                    Report(DiagnosticDescriptors.NonIntegerSignatureParameter, argument.Locate(name), name.Name, role, argument.Text, typeName,
                        type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                }
            }
        }

        /// <summary>Checks that every name is bound (STK0051) and constructor parameters are integers (STK0055).</summary>
        public void CheckNames(string role, SignatureArgument argument, ShapeSignature signature, ShapeSignature input, Dictionary<string, ITypeSymbol> parameters)
        {
            var parameterList = parameters.Count == 0 ? "none" : string.Join(", ", parameters.Keys);
            foreach (var name in SignatureRules.Unbound(signature, input, parameters.Keys))
            {
                Report(DiagnosticDescriptors.UnboundSignatureName, argument.Locate(name), name.Name, role, argument.Text, typeName, input.Text, parameterList);
            }

            CheckParameters(role, argument, signature, parameters);
        }
    }
}
