namespace StaticKeras;

/// <summary>
/// The training configuration the model's attributes declared: <c>[Compile(optimizer, loss, ...)]</c>
/// for the one output of a model, or <c>[Compile(optimizer)]</c> with one <c>[Output(name, loss, ...)]</c>
/// per output (Keras' <c>compile(loss={...}, metrics={...}, loss_weights={...})</c>).
/// </summary>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="LearningRate">The learning rate; 0 means the optimizer's Keras default.</param>
/// <param name="Outputs">How each output is trained, in the order of <see cref="ModelInfo.Outputs"/>.</param>
/// <param name="PerOutput">
/// Whether the losses were declared per output: the logs then name each output as Keras does
/// (<c>loss</c>, <c>{output}_loss</c>, <c>{output}_{metric}</c>); otherwise they are <c>loss</c> and <c>{metric}</c>.
/// </param>
/// <param name="Options">The optimizer options <c>[Compile]</c> wrote (schedule, clipping, weight decay, ...); <see langword="null"/> for none.</param>
public sealed record CompileInfo(Optimizer Optimizer, double LearningRate, OutputTraining[] Outputs, bool PerOutput, OptimizerOptions? Options = null);
