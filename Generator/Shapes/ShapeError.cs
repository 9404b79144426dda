using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>Why a layer cannot take its input shape.</summary>
internal enum ShapeErrorKind
{
    /// <summary>The layer needs its input's last dimension known (Dense); it is unknown or symbolic.</summary>
    UnknownLastDimension,

    /// <summary>The input has fewer dimensions than the layer needs.</summary>
    RankTooLow,

    /// <summary>A layer-specific rule rejects the input; <see cref="ShapeError.Rejection"/> says which and why.</summary>
    Rejected,

    /// <summary>A custom layer's declared contract rejects the input (details in <see cref="ShapeError.Contract"/>).</summary>
    ContractViolated,
}

/// <summary>A shape rule's verdict that a layer cannot take an input, with what it found.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Found">The input shape the layer was given.</param>
/// <param name="RequiredRank">For <see cref="ShapeErrorKind.RankTooLow"/>, the rank needed, batch included.</param>
/// <param name="Rejection">For <see cref="ShapeErrorKind.Rejected"/>, the diagnostic and its arguments.</param>
/// <param name="Contract">For <see cref="ShapeErrorKind.ContractViolated"/>, how the custom layer's contract is broken.</param>
internal sealed record ShapeError(
    ShapeErrorKind Kind, Shape Found, int RequiredRank = 0, ShapeRejection? Rejection = null, Signatures.ContractViolation? Contract = null)
{
    /// <summary>A layer-specific rejection of <paramref name="found"/>, reported as <paramref name="id"/>.</summary>
    public static ShapeError Rejected(Shape found, string id, string? parameter, params string[] arguments) =>
        new(ShapeErrorKind.Rejected, found, Rejection: new ShapeRejection(id, parameter, EquatableArray.Of(arguments)));
}
