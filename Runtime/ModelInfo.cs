namespace StaticKeras;

/// <summary>What the generator knew about a model at build time: its input and output, training
/// configuration and Keras-format summary.</summary>
/// <param name="Name">The model's name (its class name).</param>
/// <param name="Input">The model's input, batch dimension excluded.</param>
/// <param name="Output">The model's output, batch dimension excluded.</param>
/// <param name="Compile">The <c>[Compile]</c> configuration, or <see langword="null"/> when the class has none.</param>
/// <param name="Summary">The summary table, as Keras' <c>model.summary()</c> prints it.</param>
public sealed record ModelInfo(string Name, TensorSpec Input, TensorSpec Output, CompileInfo? Compile, string Summary);
