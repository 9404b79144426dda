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
    private FlatWeightGroup[] _groups = [];
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

    /// <summary>The parameters this optimizer updates (empty until <see cref="Build"/>), each once.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The flat buffers the parameters live in, one group per dtype and device.</summary>
    internal IReadOnlyList<FlatWeightGroup> FlatGroups => _groups;

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
    /// The names of the per-weight state this optimizer keeps, each shaped like its weight (Keras'
    /// slot variables: Adam's <c>momentum</c> and <c>velocity</c>). <see cref="UpdateStep"/>
    /// receives them in this order. Read once, by <see cref="Build"/>.
    /// </summary>
    protected virtual IReadOnlyList<string> SlotNames => [];

    /// <summary>
    /// Binds the optimizer to <paramref name="parameters"/> and allocates its per-parameter state
    /// (Keras' <c>optimizer.build(var_list)</c>). An optimizer is built once.
    /// </summary>
    /// <remarks>
    /// The parameters of one dtype and device are laid end to end in one flat buffer: each keeps
    /// its identity and module registration, but its storage becomes a view of that buffer and its
    /// <c>.grad</c> a view of a flat gradient buffer, so <see cref="Step"/> updates them all with a
    /// few in-place operations. A parameter listed twice (a shared layer) is updated once.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The optimizer is already built.</exception>
    public void Build(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (IsBuilt)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} is already built for {_parameters.Length} parameters; create a new optimizer for other parameters.");
        }

        _parameters = parameters.Distinct(ReferenceEqualityComparer.Instance).Cast<Parameter>().ToArray();
        _groups = _parameters.Length == 0 ? [] : FlatWeightGroup.Create(_parameters, SlotNames.Count);
        IsBuilt = true;
    }

    /// <summary>
    /// Applies one update from the parameters' current gradients. Parameters without a gradient
    /// are left alone, as Keras skips variables whose gradient is <c>None</c>.
    /// </summary>
    /// <remarks>
    /// When every parameter of a dtype and device has a gradient, the rule runs once on the flat
    /// buffers; otherwise once per parameter that has one, on its views. A gradient assigned as a
    /// new tensor (<c>p.grad = g</c>) is copied into the flat buffer first.
    /// </remarks>
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
        foreach (var group in _groups)
        {
            var present = group.Gather();
            if (present is null)
            {
                UpdateStep(group.Gradients, group.Weights, group.Slots);
                continue;
            }

            for (var i = 0; i < group.Parameters.Length; i++)
            {
                if (present[i])
                {
                    UpdateStep(group.GradientView(i), group.WeightView(i), group.SlotViews(i));
                }
            }
        }

        Iterations++;
    }

    /// <summary>
    /// Zeroes the parameters' gradients: one <c>zero_</c> of each flat gradient buffer, after which
    /// every parameter's <c>.grad</c> is a zero tensor (a view of that buffer). Autograd's backward
    /// and a generated backward pass both accumulate into it in place.
    /// </summary>
    public void ZeroGrad()
    {
        using var noGrad = no_grad();
        foreach (var group in _groups)
        {
            group.ZeroGradients();
        }
    }

    /// <summary>
    /// Rebuilds the flat buffers for <paramref name="parameters"/>, the same weights in the same
    /// order as before but possibly new <see cref="Parameter"/> objects on another device or dtype
    /// (TorchSharp's <c>Module.to</c> replaces each parameter). The optimizer state (slots,
    /// <see cref="Iterations"/>) carries over, moved to the parameters' device and dtype.
    /// </summary>
    /// <exception cref="ArgumentException">The parameters differ in number or shape from those the optimizer was built for.</exception>
    internal void Rebind(IEnumerable<Parameter> parameters)
    {
        var fresh = parameters.Distinct(ReferenceEqualityComparer.Instance).Cast<Parameter>().ToArray();
        // The old parameters may be disposed already (Module.to does): compare with the shapes of their views.
        var shapes = new long[_parameters.Length][];
        foreach (var group in _groups)
        {
            for (var i = 0; i < group.Parameters.Length; i++)
            {
                shapes[group.Indices[i]] = group.WeightView(i).shape;
            }
        }

        if (fresh.Length != _parameters.Length ||
            fresh.Zip(shapes).Any(pair => !pair.First.shape.SequenceEqual(pair.Second)))
        {
            throw new ArgumentException(
                $"{GetType().Name} was built for {_parameters.Length} parameters; Rebind needs the same weights, in the same order and shapes, " +
                $"but got {fresh.Length}.", nameof(parameters));
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var slots = new Tensor[_parameters.Length][];
        foreach (var group in _groups)
        {
            for (var i = 0; i < group.Parameters.Length; i++)
            {
                slots[group.Indices[i]] = group.SlotViews(i).Select(s => s.clone()).ToArray();
            }
        }

        var old = _groups;
        _parameters = fresh;
        _groups = FlatWeightGroup.Create(_parameters, SlotNames.Count);
        foreach (var group in _groups)
        {
            for (var i = 0; i < group.Parameters.Length; i++)
            {
                var views = group.SlotViews(i);
                for (var s = 0; s < views.Length; s++)
                {
                    views[s].copy_(slots[group.Indices[i]][s]);
                }
            }
        }

        foreach (var group in old)
        {
            group.Dispose();
        }
    }

    /// <summary>
    /// Updates <paramref name="variable"/> in place from <paramref name="gradient"/> (Keras'
    /// <c>update_step</c>). Runs under <c>no_grad</c> inside a dispose scope, before
    /// <see cref="Iterations"/> is incremented: the step number t is <c>Iterations + 1</c>.
    /// </summary>
    /// <remarks>
    /// The rule must be element-wise: it is called on the flat buffers of all weights at once, or,
    /// when some weights have no gradient, on one weight's views.
    /// </remarks>
    /// <param name="gradient">The gradient, shaped like <paramref name="variable"/>.</param>
    /// <param name="variable">The weight (or all weights of a dtype and device, flat).</param>
    /// <param name="slots">The state named by <see cref="SlotNames"/>, each shaped like <paramref name="variable"/>.</param>
    protected abstract void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots);

    /// <summary>
    /// A 0-d tensor holding <paramref name="value"/> in <paramref name="like"/>'s dtype and device,
    /// kept for the optimizer's life (e.g. <c>lerp_</c>'s weight), so a step allocates none.
    /// </summary>
    protected Tensor Constant(double value, Tensor like)
    {
        var key = (value, like.dtype, like.device_type, like.device_index);
        if (!_constants.TryGetValue(key, out var constant))
        {
            constant = full([], value, dtype: like.dtype, device: like.device).DetachFromDisposeScope();
            _constants[key] = constant;
        }

        return constant;
    }

    private readonly Dictionary<(double, ScalarType, DeviceType, int), Tensor> _constants = [];

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
