namespace StaticKeras;

/// <summary>What the generator knew about a model at build time: every input and output, the
/// training configuration and the Keras-format summary.</summary>
/// <param name="Name">The model's name (its class name).</param>
/// <param name="Inputs">The model's inputs in declaration order, batch dimension excluded; each named as Keras names it.</param>
/// <param name="Outputs">The model's outputs in declaration order, batch dimension excluded; each named as Keras names it.</param>
/// <param name="Compile">The training configuration, or <see langword="null"/> when the class declares none.</param>
/// <param name="Summary">The summary table, as Keras' <c>model.summary()</c> prints it.</param>
public sealed record ModelInfo(string Name, TensorSpec[] Inputs, TensorSpec[] Outputs, CompileInfo? Compile, string Summary)
{
    /// <summary>The first input: the only one of a model that takes one tensor.</summary>
    public TensorSpec Input => Inputs[0];

    /// <summary>The first output: the only one of a model that returns one tensor.</summary>
    public TensorSpec Output => Outputs[0];
}
