using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// The base of StaticKeras' optimizers, which follow Keras 3's update rules (not PyTorch's).
/// An optimizer owns the parameters it updates and reads their <c>.grad</c> after backward.
/// </summary>
/// <remarks>
/// As in Keras, an optimizer can be created with its hyper-parameters alone
/// (<c>model.Compile(new Adam(learningRate: 0.01))</c>) and bound to parameters later by
/// <see cref="Build"/>; the model does that when it is compiled. Subclasses implement
/// <see cref="UpdateStep"/>, the rule for one parameter, as Keras' <c>update_step</c>.
/// </remarks>
public abstract class KerasOptimizer
{
    private Parameter[] _parameters = [];
    private double _learningRate;

    /// <summary>Creates the optimizer for <paramref name="parameters"/> with a learning rate.</summary>
    protected KerasOptimizer(IEnumerable<Parameter> parameters, double learningRate)
        : this(learningRate)
    {
        Build(parameters);
    }

    /// <summary>Creates the optimizer with a learning rate; <see cref="Build"/> binds it to parameters.</summary>
    protected KerasOptimizer(double learningRate)
    {
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates (empty until <see cref="Build"/>).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Whether <see cref="Build"/> has bound the optimizer to its parameters.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>The learning rate; callbacks such as ReduceLROnPlateau change it between steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = CheckNonNegative(value, nameof(LearningRate));
    }

    /// <summary>How many updates have been applied (Keras' <c>optimizer.iterations</c>).</summary>
    public long Iterations { get; protected set; }

    /// <summary>
    /// Binds the optimizer to <paramref name="parameters"/> and allocates its per-parameter state
    /// (Keras' <c>optimizer.build(var_list)</c>). An optimizer is built once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The optimizer is already built.</exception>
    public void Build(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (IsBuilt)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} is already built for {_parameters.Length} parameters; create a new optimizer for other parameters.");
        }

        _parameters = parameters.ToArray();
        using (no_grad())
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                BuildState(_parameters[i], i);
            }
        }

        IsBuilt = true;
    }

    /// <summary>
    /// Applies one update from the parameters' current gradients. Parameters without a gradient
    /// are left alone, as Keras skips variables whose gradient is <c>None</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The optimizer is not built.</exception>
    public void Step()
    {
        if (!IsBuilt)
        {
            throw new InvalidOperationException($"{GetType().Name} is not built: call Build(parameters) or Model.Compile first.");
        }

        // The gradient handles read here and any temporaries die with this scope; the update itself
        // writes in place, outside autograd.
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var gradient = _parameters[i].grad;
            if (gradient is not null)
            {
                UpdateStep(gradient, _parameters[i], i);
            }
        }

        Iterations++;
    }

    /// <summary>
    /// Clears the parameters' gradients. They are released rather than zero-filled (PyTorch's
    /// <c>set_to_none</c>), so the next backward writes fresh gradients without a memset.
    /// </summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.grad = null;
        }
    }

    /// <summary>
    /// Allocates the state <paramref name="variable"/> needs (Keras' slot variables), called once per
    /// parameter by <see cref="Build"/> under <c>no_grad</c>. Use <see cref="NewState"/> for each slot.
    /// </summary>
    /// <param name="variable">The parameter.</param>
    /// <param name="index">Its index in <see cref="Parameters"/>.</param>
    protected virtual void BuildState(Parameter variable, int index)
    {
    }

    /// <summary>
    /// Updates <paramref name="variable"/> in place from <paramref name="gradient"/> (Keras'
    /// <c>update_step</c>). Runs under <c>no_grad</c> inside a dispose scope, before
    /// <see cref="Iterations"/> is incremented: the step number t is <c>Iterations + 1</c>.
    /// </summary>
    /// <param name="gradient">The parameter's gradient.</param>
    /// <param name="variable">The parameter.</param>
    /// <param name="index">Its index in <see cref="Parameters"/>.</param>
    protected abstract void UpdateStep(Tensor gradient, Parameter variable, int index);

    /// <summary>
    /// A zero tensor shaped like <paramref name="variable"/> that outlives every dispose scope,
    /// for per-parameter state.
    /// </summary>
    protected static Tensor NewState(Parameter variable) =>
        zeros_like(variable).requires_grad_(false).DetachFromDisposeScope();

    /// <summary>Checks a hyper-parameter is finite and not negative.</summary>
    protected static double CheckNonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0; got {value}.");

    /// <summary>Checks a hyper-parameter lies in [0, 1) (decay rates such as beta_1 or rho).</summary>
    protected static double CheckRate(double value, string name) =>
        value is >= 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1); got {value}.");
}
