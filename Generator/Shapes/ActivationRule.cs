namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Activation</c> layer (StaticKeras' <c>ActivationLayer</c>): applied element-wise
/// (softmax over the last axis); output shape equals input shape; no weights.
/// </summary>
internal static class ActivationRule
{
    /// <summary>The output shape of <c>ActivationLayer(activation)</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input) => ShapeResult.Ok(input);
}
