using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// The constant arguments of one layer's <c>new(...)</c>, matched to the constructor's parameters
/// (positional, named or defaulted alike; see <see cref="LayerCreation"/>). Reports STK0004 for a
/// non-constant argument and STK0010 for a constant out of range.
/// </summary>
internal sealed class LayerArguments
{
    private readonly LayerCreation _creation;
    private readonly string _layerType;
    private readonly string _layerName;
    private readonly ReadContext _context;

    /// <summary>Checks that every argument of <paramref name="creation"/> is a constant.</summary>
    public LayerArguments(LayerCreation creation, string layerType, string layerName, ReadContext context)
    {
        (_creation, _layerType, _layerName, _context) = (creation, layerType, layerName, context);
        // Regularizer and constraint arguments (Regularizer.L2(0.01), Constraint.MaxNorm(3)) are calls, read by
        // RegularizerReader and ConstraintReader. Only a bound creation has non-constant arguments: syntax reads constants only.
        foreach (var argument in creation.Arguments.Where(a => !a.IsConstant
            && !RegularizerReader.IsRegularizer(a.Parameter) && !ConstraintReader.IsConstraint(a.Parameter) && !WrapperLayerReader.IsWrappedLayer(a.Parameter)))
        {
            context.Report(
                DiagnosticDescriptors.NonConstantArgument,
                SourceLocation.From(argument.Syntax),
                argument.Parameter?.Name ?? "?",
                layerType,
                layerName,
                argument.Operation?.Value.Syntax.ToString() ?? argument.Syntax.ToString());
            IsValid = false;
        }
    }

    /// <summary>Whether every argument was constant and in range so far.</summary>
    public bool IsValid { get; private set; } = true;

    /// <summary>The constant value of <paramref name="parameter"/>, or <see langword="null"/> when it is not constant (reported).</summary>
    public int? Int(string parameter) => Constant(parameter) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The constant value of <paramref name="parameter"/>, or <see langword="null"/> when it is not constant (reported).</summary>
    public double? Double(string parameter) => Constant(parameter) is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The constant value of an <c>int?</c> <paramref name="parameter"/>; <see langword="null"/> when it is null or not constant (reported).</summary>
    public int? NullableInt(string parameter) => Constant(parameter) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The constant value of a <c>double?</c> <paramref name="parameter"/>; <see langword="null"/> when it is null or not constant (reported).</summary>
    public double? NullableDouble(string parameter) => Constant(parameter) is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

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

    /// <summary>The arguments written in the source (not defaulted), for reporting shape errors at them.</summary>
    public EquatableArray<ArgumentSite> Sites => _creation.Arguments
        .Where(a => !a.IsDefault && a.Parameter is not null)
        .Select(a => new ArgumentSite(a.Parameter!.Name, a.Site))
        .ToEquatableArray();

    /// <summary>
    /// The sizes <paramref name="parameter"/> gives for <paramref name="rank"/> axes: one int for all,
    /// a tuple, or <paramref name="fallback"/> when it is <see langword="null"/> (defaulted);
    /// <see langword="null"/> when not constant (reported).
    /// </summary>
    public int[]? Sizes(string parameter, int rank, int[] fallback) => Constant(parameter, out var value) ? value switch
    {
        null => fallback,
        int[] sizes => sizes,
        _ => Enumerable.Repeat(Convert.ToInt32(value, CultureInfo.InvariantCulture), rank).ToArray(),
    }
        : null;

    /// <summary>The ints <paramref name="parameter"/> lists; <paramref name="fallback"/> when <see langword="null"/>; <see langword="null"/> when not constant (reported).</summary>
    public int[]? Ints(string parameter, int[] fallback) => Constant(parameter, out var value) ? value as int[] ?? fallback : null;

    /// <summary>
    /// An <c>int?[]</c> argument (<c>[null, 1, 8]</c>), nulls kept; <paramref name="fallback"/> when not written or
    /// <see langword="null"/>; <see langword="null"/> when not constant (reported).
    /// </summary>
    public int?[]? NullableInts(string parameter, int?[] fallback) =>
        Constant(parameter, out var value)
            ? value switch { int?[] withNulls => withNulls, int[] numbers => numbers.Select(n => (int?)n).ToArray(), _ => fallback }
            : null;

    /// <summary>
    /// Whether <paramref name="parameter"/> is constant (reported when not): <paramref name="values"/> is then the
    /// numbers its list gives (a <c>double[]</c> written with whole numbers too), or <see langword="null"/> for null.
    /// </summary>
    public bool TryDoubles(string parameter, out double[]? values)
    {
        values = null;
        if (!Constant(parameter, out var value))
        {
            return false;
        }

        values = value switch
        {
            int[] ints => System.Array.ConvertAll(ints, i => (double)i),
            double[] doubles => doubles,
            _ => null,
        };
        return true;
    }

    /// <summary>The member of <typeparamref name="TKind"/> <paramref name="parameter"/> names; <see langword="null"/> when not constant or unknown (reported).</summary>
    public TKind? Choice<TKind>(string parameter)
        where TKind : struct, System.Enum
    {
        if (Constant(parameter) is not { } value)
        {
            return null;
        }

        var kind = EnumValues.Read<TKind>(Argument(parameter).Parameter?.Type, value);
        Require(kind is not null, parameter, "one of " + EnumValues.Names<TKind>(), Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null");
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
            Argument(parameter).Site,
            _layerType,
            _layerName,
            parameter,
            expected,
            found);
        IsValid = false;
    }

    private bool Constant(string parameter, out object? value)
    {
        var argument = Argument(parameter);
        value = argument.Value;
        return argument.IsConstant;
    }

    private object? Constant(string parameter) => Constant(parameter, out var value) ? value : null;

    // A parameter missing from the runtime's constructor means generator and runtime disagree on
    // the contract: an internal failure (STK9001), not the user's mistake.
    private LayerArgument Argument(string parameter) =>
        _creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)
        ?? throw new InvalidOperationException($"{_layerType}'s constructor has no parameter '{parameter}'");
}
