namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>SimpleRNN</c>, <c>LSTM</c> and <c>GRU</c>: exactly <c>(batch, time, features)</c> with
/// features known; output <c>(batch, time, units)</c> with <c>returnSequences</c>, else
/// <c>(batch, units)</c>. Weights: kernel (features, g·u), recurrent_kernel (u, g·u), bias.
/// </summary>
internal static class RecurrentRule
{
    /// <summary>The output shape and weights of a recurrent layer on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, RecurrentKind kind, int units, bool useBias, bool returnSequences, bool resetAfter = true)
    {
        var error = InputChecks.ExactRank(input, 2, "(batch, time, features)") ?? InputChecks.Known(input, 1, "features");
        if (error is not null)
        {
            return ShapeResult.Fail(error);
        }

        var gates = kind switch { RecurrentKind.LSTM => 4, RecurrentKind.GRU => 3, _ => 1 };
        var kernel = WeightSpec.Of("kernel", input.Dims[1].Size, gates * units);
        var recurrent = WeightSpec.Of("recurrent_kernel", units, gates * units);
        var output = returnSequences ? Shape.Of(input.Dims[0], Dim.Known(units)) : Shape.Of(Dim.Known(units));
        if (!useBias)
        {
            return ShapeResult.Ok(output, kernel, recurrent);
        }

        var bias = kind == RecurrentKind.GRU && resetAfter ? WeightSpec.Of("bias", 2, 3 * units) : WeightSpec.Of("bias", gates * units);
        return ShapeResult.Ok(output, kernel, recurrent, bias);
    }
}
