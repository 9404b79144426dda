using System;
using StaticKeras.Optimizers;

namespace StaticKeras.Callbacks;

/// <summary>
/// How callbacks reach the model's optimizer (<see cref="Model.CompiledOptimizer"/>) and read
/// its learning rate the way Keras does.
/// </summary>
internal static class OptimizerAccess
{
    /// <summary>
    /// The optimizer of <paramref name="callback"/>'s model (<see cref="Model.CompiledOptimizer"/>), or an
    /// error naming the callback when the model has none.
    /// </summary>
    public static KerasOptimizer Require(Callback callback, Model model)
    {
        try
        {
            return model.CompiledOptimizer;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{callback.GetType().Name} needs the model's optimizer: {e.Message}", e);
        }
    }

    /// <summary>
    /// The learning rate as Keras reads it: <c>float(optimizer.learning_rate)</c> of a float32
    /// variable, so 1e-3 reads as 0.0010000000474974513. Messages and logs then match Keras digit for digit.
    /// </summary>
    public static double ReadLearningRate(KerasOptimizer optimizer) => (float)optimizer.LearningRate;
}
