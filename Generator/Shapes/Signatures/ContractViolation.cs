using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>How a custom layer's use breaks its declared contract.</summary>
internal enum ContractViolationKind
{
    /// <summary>The input has the wrong rank (STK1070).</summary>
    Rank,

    /// <summary>A name is bound to two different sizes (STK1071).</summary>
    Conflict,

    /// <summary>An integer in the input signature differs from the input's size (STK1072).</summary>
    Size,

    /// <summary>A computed dimension is not a positive whole number (STK1073).</summary>
    InvalidSize,

    /// <summary>A weight needs a size that is not known at build time (STK1074).</summary>
    UnknownSize,
}

/// <summary>A broken contract, with its message's details after the layer's type and name.</summary>
/// <param name="Kind">What is broken.</param>
/// <param name="Arguments">The diagnostic's message arguments after the layer's type and name.</param>
internal sealed record ContractViolation(ContractViolationKind Kind, EquatableArray<string> Arguments)
{
    /// <summary>A violation with its message arguments.</summary>
    public static ContractViolation Of(ContractViolationKind kind, params string[] arguments) => new(kind, EquatableArray.Of(arguments));
}
