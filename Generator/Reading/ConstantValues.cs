using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads a layer argument as a build-time value: a C# constant, a default <c>null</c>, a tuple of
/// constants (<c>(3, 3)</c> for a <c>Size2D</c>), or an array or collection expression of constants
/// (<c>Reshape(7, 7, 64)</c>, <c>[2, 1]</c>), or <c>new Size2D(3, 3)</c>, looking through implicit and
/// user-defined conversions.
/// </summary>
internal static class ConstantValues
{
    /// <summary>
    /// Whether <paramref name="operation"/> is known at build time; <paramref name="value"/> is then the
    /// constant (boxed), <see langword="null"/>, or an <see cref="int"/> array for a tuple or collection
    /// (an <c>int?</c> array when a collection for an <c>int?[]</c> parameter holds <see langword="null"/>;
    /// a <see cref="double"/> array when an element is a double, as in a <c>double[]</c> argument).
    /// </summary>
    public static bool TryRead(IOperation operation, out object? value)
    {
        for (var current = operation; ; current = ((IConversionOperation)current).Operand)
        {
            if (current.ConstantValue.HasValue)
            {
                value = current.ConstantValue.Value;
                return true;
            }

            if (current is not IConversionOperation)
            {
                return TryReadComposite(current, out value);
            }
        }
    }

    private static bool TryReadComposite(IOperation operation, out object? value)
    {
        value = null;
        IEnumerable<IOperation>? elements = operation switch
        {
            IDefaultValueOperation => [],
            ITupleOperation tuple => tuple.Elements,
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IArrayCreationOperation array when array.DimensionSizes.All(d => d.ConstantValue is { HasValue: true, Value: 0 }) => [],
            ICollectionExpressionOperation collection => collection.Elements,
            IObjectCreationOperation { Type.Name: "Size2D", Initializer: null } size => size.Arguments.Select(a => a.Value),
            _ => null,
        };
        if (elements is null)
        {
            return false;
        }

        if (operation is IDefaultValueOperation)
        {
            return true;
        }

        var items = new List<object?>();
        foreach (var element in elements)
        {
            if (!TryRead(element, out var item) || item is not (int or double or null))
            {
                return false;
            }

            items.Add(item);
        }

        value = items.Any(i => i is double)
            ? items.Any(i => i is null) ? null : items.Select(i => System.Convert.ToDouble(i, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : items.Contains(null) ? items.Select(i => (int?)i).ToArray() : items.Cast<int>().ToArray();
        return value is not null;
    }
}
