using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>Reads a <c>new(...)</c> of a <c>[Layer]</c> class in a model: its contract, and the constant arguments its signatures use (STK0004).</summary>
internal static class CustomLayerUse
{
    /// <summary>
    /// The declaration, an <see cref="UnresolvedDeclaration"/> when an argument is not constant
    /// (reported) or the class has errors (reported on the class), or <see langword="null"/> when
    /// the created type is not a <c>[Layer]</c> class.
    /// </summary>
    public static LayerDeclaration? Read(IObjectCreationOperation creation, string name, string identifier, SourceLocation location, ReadContext context)
    {
        if (creation.Type is not INamedTypeSymbol type || !CustomLayerTypes.IsCustomLayer(type))
        {
            return null;
        }

        var unresolved = new UnresolvedDeclaration(name, identifier, location, type.Name);
        var contract = ContractReader.Read(type, null, CancellationToken.None);
        if (contract is null)
        {
            context.CompilerErrors.Add($"custom layer {type.Name} has errors");
            return unresolved;
        }

        var used = new HashSet<string>(
            SignatureRules.Names(contract.Input).Concat(SignatureRules.Names(contract.Output)).Concat(contract.Weights.SelectMany(w => SignatureRules.Names(w.Shape))).Select(n => n.Name));
        var values = new List<ConstructorValue>();
        var valid = true;
        foreach (var argument in creation.Arguments.Where(a => a.Parameter is { } p && used.Contains(p.Name)))
        {
            var constant = argument.Value.ConstantValue;
            if (!constant.HasValue || constant.Value is null)
            {
                context.Report(DiagnosticDescriptors.NonConstantArgument, SourceLocation.From(argument.Syntax), argument.Parameter!.Name, type.Name, name, argument.Value.Syntax.ToString());
                valid = false;
                continue;
            }

            values.Add(new ConstructorValue(argument.Parameter!.Name, Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture)));
        }

        return valid ? new CustomLayerDeclaration(name, identifier, location, type.Name, contract, values.ToEquatableArray(), OnnxFormReader.Has(type)) : unresolved;
    }
}
