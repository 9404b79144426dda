using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;

namespace StaticKeras.Optimizers;

/// <summary>
/// The base of StaticKeras' optimizers, which follow Keras 3's update rules (not PyTorch's).
/// An optimizer owns the parameters it updates and reads their <c>.grad</c> after backward.
/// </summary>
public abstract class KerasOptimizer
{
    /// <summary>Creates the optimizer for <paramref name="parameters"/> with a learning rate.</summary>
    protected KerasOptimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        Parameters = parameters.ToArray();
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The learning rate; callbacks such as ReduceLROnPlateau change it between steps.</summary>
    public double LearningRate { get; set; }

    /// <summary>How many updates have been applied (Keras' <c>optimizer.iterations</c>).</summary>
    public long Iterations { get; protected set; }

    /// <summary>Applies one update from the parameters' current gradients.</summary>
    public abstract void Step();

    /// <summary>Clears the parameters' gradients.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.grad?.zero_();
        }
    }
}
