using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>
/// Computes a dimension expression from a binding. Known sizes give a known size; a bare name
/// keeps a symbolic or unknown dimension as it is; arithmetic on anything not known is unknown.
/// </summary>
internal static class SignatureEvaluator
{
    /// <summary>The dimension, or the substituted expression (<c>784 / 3</c>) when it is not a positive whole number.</summary>
    public static (Dim? Dim, string? Invalid) Evaluate(DimExpr expression, SignatureBinding binding)
    {
        var (value, invalid) = Compute(expression, binding);
        if (invalid is not null)
        {
            return (null, invalid);
        }

        if (value is { IsKnown: true, Size: <= 0 })
        {
            return (null, Substitute(expression, binding) + " = " + Formatting.Number(value.Size));
        }

        return (value!.IsKnown ? Dim.Known(value.Size) : value.Dim, null);
    }

    /// <summary>The expression with known sizes in place of names: <c>784 / 3</c>.</summary>
    public static string Substitute(DimExpr expression, SignatureBinding binding) => expression switch
    {
        DimName name when binding[name.Name] is { } dim => dim.ToString(),
        DimBinary binary => ((DimExpr)new DimBinary(binary.Operator, Constant(binary.Left, binding), Constant(binary.Right, binding), 0, 0)).ToString(),
        _ => expression.ToString(),
    };

    private static DimExpr Constant(DimExpr expression, SignatureBinding binding) => expression switch
    {
        DimName name when binding[name.Name] is { IsKnown: true } dim => new DimLiteral(dim.Size, 0, 0),
        DimBinary binary => new DimBinary(binary.Operator, Constant(binary.Left, binding), Constant(binary.Right, binding), 0, 0),
        _ => expression,
    };

    // A known value may be zero or negative inside an expression; only the result must be positive.
    private static (Value? Value, string? Invalid) Compute(DimExpr expression, SignatureBinding binding)
    {
        switch (expression)
        {
            case DimLiteral literal:
                return (new Value(true, literal.Value, null), null);
            case DimName name:
                var dim = binding[name.Name] ?? Dim.Unknown;
                return (new Value(dim.IsKnown, dim.Size, dim), null);
            case DimBinary binary:
                var (left, leftInvalid) = Compute(binary.Left, binding);
                if (leftInvalid is not null)
                {
                    return (null, leftInvalid);
                }

                var (right, rightInvalid) = Compute(binary.Right, binding);
                if (rightInvalid is not null)
                {
                    return (null, rightInvalid);
                }

                if (!left!.IsKnown || !right!.IsKnown)
                {
                    return (new Value(false, -1, Dim.Unknown), null);
                }

                if (binary.Operator == '/' && (right.Size == 0 || left.Size % right.Size != 0))
                {
                    return (null, Substitute(binary, binding));
                }

                var size = binary.Operator switch
                {
                    '+' => checked(left.Size + right.Size),
                    '-' => checked(left.Size - right.Size),
                    '*' => checked(left.Size * right.Size),
                    _ => left.Size / right.Size,
                };
                return (new Value(true, size, null), null);
            default:
                return (new Value(false, -1, Dim.Unknown), null);
        }
    }

    private sealed record Value(bool IsKnown, long Size, Dim? Dim);
}
