namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Masking</c>: output shape equals input shape; no weights. Its mask drops the last
/// axis (<c>any(inputs != maskValue, axis=-1)</c>), so it needs an input of rank 2 or more with
/// batch: <c>(batch, steps, features)</c> for the recurrent layers that use it.
/// </summary>
internal static class MaskingRule
{
    /// <summary>The output shape of <c>Masking</c> on <paramref name="input"/>, or STK1002 for a <c>(batch,)</c> input.</summary>
    public static ShapeResult Apply(Shape input) =>
        input.Rank < 1 ? ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankTooLow, input, RequiredRank: 2)) : ShapeResult.Ok(input);
}
