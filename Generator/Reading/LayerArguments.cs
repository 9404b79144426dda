using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// The constant arguments of one layer's <c>new(...)</c>, bound to the constructor's parameters by
/// the compiler (positional, named or defaulted alike). Reports STK0004 for a non-constant
/// argument and STK0010 for a constant out of range.
/// </summary>
internal sealed class LayerArguments
{
    private readonly IObjectCreationOperation _creation;
    private readonly string _layerType;
    private readonly string _layerName;
    private readonly ReadContext _context;

    /// <summary>Checks that every argument of <paramref name="creation"/> is a constant.</summary>
    public LayerArguments(IObjectCreationOperation creation, string layerType, string layerName, ReadContext context)
    {
        (_creation, _layerType, _layerName, _context) = (creation, layerType, layerName, context);
        foreach (var argument in creation.Arguments.Where(a => !a.Value.ConstantValue.HasValue))
        {
            context.Report(
                DiagnosticDescriptors.NonConstantArgument,
                SourceLocation.From(argument.Syntax),
                argument.Parameter?.Name ?? "?",
                layerType,
                layerName,
                argument.Value.Syntax.ToString());
            IsValid = false;
        }
    }

    /// <summary>Whether every argument was constant and in range so far.</summary>
    public bool IsValid { get; private set; } = true;

    /// <summary>The constant value of <paramref name="parameter"/>, or <see langword="null"/> when it is not constant (reported).</summary>
    public int? Int(string parameter) => Constant(parameter) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The constant value of <paramref name="parameter"/>, or <see langword="null"/> when it is not constant (reported).</summary>
    public double? Double(string parameter) => Constant(parameter) is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The constant value of <paramref name="parameter"/>, or <see langword="null"/> when it is not constant (reported).</summary>
    public bool? Bool(string parameter) => Constant(parameter) is { } value ? (bool)value : null;

    /// <summary>The activation <paramref name="parameter"/> names; <see langword="null"/> when not constant or not a member of the enum (reported).</summary>
    public ActivationKind? Activation(string parameter)
    {
        if (Constant(parameter) is not { } value)
        {
            return null;
        }

        var argument = Argument(parameter);
        var kind = EnumValues.Read<ActivationKind>(argument.Parameter?.Type, value);
        Require(kind is not null, parameter, "one of " + EnumValues.Names<ActivationKind>(), Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null");
        return kind;
    }

    /// <summary>Reports STK0010 at <paramref name="parameter"/>'s argument unless <paramref name="condition"/> holds.</summary>
    public void Require(bool condition, string parameter, string expected, string found)
    {
        if (condition)
        {
            return;
        }

        _context.Report(
            DiagnosticDescriptors.InvalidLayerArgument,
            SourceLocation.From(Argument(parameter).Syntax),
            _layerType,
            _layerName,
            parameter,
            expected,
            found);
        IsValid = false;
    }

    private object? Constant(string parameter)
    {
        var constant = Argument(parameter).Value.ConstantValue;
        return constant.HasValue ? constant.Value : null;
    }

    // A parameter missing from the runtime's constructor means generator and runtime disagree on
    // the contract: an internal failure (STK9001), not the user's mistake.
    private IArgumentOperation Argument(string parameter) =>
        _creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)
        ?? throw new InvalidOperationException($"{_layerType}'s constructor has no parameter '{parameter}'");
}
