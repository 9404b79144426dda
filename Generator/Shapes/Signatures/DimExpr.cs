namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>
/// One dimension of a shape signature: a name, an integer, <c>...</c>, or arithmetic. Positions
/// are offsets in the signature text, so a diagnostic can point at the exact characters.
/// </summary>
/// <param name="Start">The offset of its first character in the signature.</param>
/// <param name="Length">Its length in characters.</param>
internal abstract record DimExpr(int Start, int Length)
{
    /// <summary>The expression as the docs write it: <c>2 * d</c>, <c>(d + units) / 2</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A positive integer literal: <c>3</c>.</summary>
internal sealed record DimLiteral(long Value, int Start, int Length) : DimExpr(Start, Length)
{
    /// <inheritdoc/>
    public override string ToString() => Common.Formatting.Number(Value);
}

/// <summary>A name: bound to an input size or a primary-constructor parameter.</summary>
internal sealed record DimName(string Name, int Start, int Length) : DimExpr(Start, Length)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary><c>...</c>: any number of leading dimensions.</summary>
internal sealed record DimEllipsis(int Start, int Length) : DimExpr(Start, Length)
{
    /// <inheritdoc/>
    public override string ToString() => "...";
}

/// <summary>An operation on two dimensions: <c>+</c>, <c>-</c>, <c>*</c> or exact <c>/</c>.</summary>
internal sealed record DimBinary(char Operator, DimExpr Left, DimExpr Right, int Start, int Length) : DimExpr(Start, Length)
{
    /// <inheritdoc/>
    public override string ToString() => Wrap(Left, false) + " " + Operator + " " + Wrap(Right, true);

    /// <summary>Whether the operator binds tighter than + and -.</summary>
    public bool IsMultiplicative => Operator is '*' or '/';

    // Parentheses only where precedence or left-associativity needs them.
    private string Wrap(DimExpr operand, bool right) =>
        operand is DimBinary inner && (inner.IsMultiplicative != IsMultiplicative ? !inner.IsMultiplicative : right)
            ? "(" + inner + ")"
            : operand.ToString();
}
