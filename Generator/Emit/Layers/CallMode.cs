namespace StaticKeras.Generator.Emit.Layers;

/// <summary>Which generated method a layer call is written into, which decides its <c>training</c> argument.</summary>
internal enum CallMode
{
    /// <summary><c>Call(inputs, training)</c>: layers get the caller's <c>training</c>.</summary>
    Forward,

    /// <summary><c>TrainStep</c>: <c>training: true</c>.</summary>
    Training,

    /// <summary><c>TestStep</c>: <c>training: false</c>.</summary>
    Evaluation,
}
