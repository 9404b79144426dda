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

    /// <summary>
    /// A wrapper's layer (TimeDistributed's, Bidirectional's) rejects what the wrapper gives it: the
    /// wrapped layer's own error is <see cref="ShapeError.Inner"/>, for the part named <see cref="ShapeError.Part"/>.
    /// </summary>
    InWrappedLayer,
}

/// <summary>A shape rule's verdict that a layer cannot take an input, with what it found.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Found">The input shape the layer was given.</param>
/// <param name="RequiredRank">For <see cref="ShapeErrorKind.RankTooLow"/>, the rank needed, batch included.</param>
/// <param name="Rejection">For <see cref="ShapeErrorKind.Rejected"/>, the diagnostic and its arguments.</param>
/// <param name="Contract">For <see cref="ShapeErrorKind.ContractViolated"/>, how the custom layer's contract is broken.</param>
/// <param name="Inner">For <see cref="ShapeErrorKind.InWrappedLayer"/>, the wrapped layer's error.</param>
/// <param name="Part">For <see cref="ShapeErrorKind.InWrappedLayer"/>, which wrapped layer: <c>layer</c> or <c>backwardLayer</c> (the constructor parameter).</param>
internal sealed record ShapeError(
    ShapeErrorKind Kind, Shape Found, int RequiredRank = 0, ShapeRejection? Rejection = null, Signatures.ContractViolation? Contract = null,
    ShapeError? Inner = null, string? Part = null)
{
    /// <summary>The wrapped layer passed as <paramref name="part"/> rejects its input with <paramref name="inner"/>.</summary>
    public static ShapeError InWrapped(Shape found, string part, ShapeError inner) => new(ShapeErrorKind.InWrappedLayer, found, Inner: inner, Part: part);

    /// <summary>A layer-specific rejection of <paramref name="found"/>, reported as <paramref name="id"/>.</summary>
    public static ShapeError Rejected(Shape found, string id, string? parameter, params string[] arguments) =>
        new(ShapeErrorKind.Rejected, found, Rejection: new ShapeRejection(id, parameter, EquatableArray.Of(arguments)));
}
