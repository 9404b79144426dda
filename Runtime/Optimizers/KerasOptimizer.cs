using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using StaticKeras.Optimizers.Schedules;
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
/// <see cref="UpdateStep(Tensor, Tensor, IReadOnlyList{Tensor})"/>, the rule for one parameter, as Keras' <c>update_step</c>.
/// </remarks>
public abstract class KerasOptimizer
{
    private Parameter[] _parameters = [];
    private FlatWeightGroup[] _groups = [];
    private bool[] _decays = [];
    private double _learningRate;
    private LearningRateSchedule? _schedule;
    private int _ownSlots;

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

    /// <summary>
    /// The learning rate of the next update: the constant set here, or <see cref="Schedule"/>'s value
    /// at the current step. Callbacks such as ReduceLROnPlateau change a constant one between steps.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    /// <exception cref="InvalidOperationException">Set while a <see cref="Schedule"/> drives the learning rate (Keras raises a TypeError).</exception>
    public double LearningRate
    {
        get => _schedule is null ? _learningRate : _schedule.Evaluate(Steps);
        set
        {
            if (_schedule is not null)
            {
                throw new InvalidOperationException(
                    $"{GetType().Name} was created with the schedule {_schedule.GetType().Name} as its learning rate, which is not settable; " +
                    "create the optimizer with a number as learning rate to change it during training.");
            }

            _learningRate = CheckNonNegative(value, nameof(LearningRate));
        }
    }

    /// <summary>
    /// A learning-rate schedule evaluated at every update step (Keras' <c>learning_rate=ExponentialDecay(...)</c>);
    /// <see langword="null"/> for the constant <see cref="LearningRate"/>. With gradient accumulation
    /// it sees every step, as Keras' schedules see <c>optimizer._iterations</c>.
    /// </summary>
    public LearningRateSchedule? Schedule
    {
        get => _schedule;
        init => _schedule = value;
    }

    /// <summary>
    /// How many updates have been applied (Keras' <c>optimizer.iterations</c>): with
    /// <see cref="GradientAccumulationSteps"/>, the number of accumulated updates.
    /// </summary>
    public long Iterations => GradientAccumulationSteps is { } n ? Steps / n : Steps;

    /// <summary>How many times <see cref="Step"/> ran (Keras' <c>optimizer._iterations</c>).</summary>
    internal long Steps { get; set; }

    /// <summary>Clips each weight's gradient to this L2 norm (Keras' <c>clipnorm</c>); at most one of the three clips.</summary>
    public double? ClipNorm { get => _clipNorm; init => _clipNorm = CheckClip(value, nameof(ClipNorm)); }

    /// <summary>Clips every gradient element to [-value, value] (Keras' <c>clipvalue</c>).</summary>
    public double? ClipValue { get => _clipValue; init => _clipValue = CheckClip(value, nameof(ClipValue)); }

    /// <summary>Scales all gradients together so their global L2 norm is at most this (Keras' <c>global_clipnorm</c>).</summary>
    public double? GlobalClipNorm { get => _globalClipNorm; init => _globalClipNorm = CheckClip(value, nameof(GlobalClipNorm)); }

    /// <summary>
    /// Decoupled weight decay (Keras' <c>weight_decay</c>): before each update, <c>w -= w * weight_decay * lr</c>
    /// for every weight not in <see cref="ExcludeFromWeightDecay"/>. <see langword="null"/> for none.
    /// </summary>
    public double? WeightDecay { get => _weightDecay; init => _weightDecay = CheckWeightDecay(value); }

    /// <summary>
    /// Name fragments of weights that get no weight decay (Keras' <c>exclude_from_weight_decay(var_names=...)</c>):
    /// a weight whose name (its <c>named_parameters</c> key, e.g. <c>hidden.bias</c>) contains any of them is excluded.
    /// Keras matches the fragments as regular expressions; so does this.
    /// </summary>
    public IReadOnlyList<string> ExcludeFromWeightDecay { get => _excludeFromWeightDecay; init => _excludeFromWeightDecay = value; }

    /// <summary>Whether to keep an exponential moving average of the weights (Keras' <c>use_ema</c>), put into the weights at the end of <c>Fit</c>.</summary>
    public bool UseEma { get => _useEma; init => _useEma = value; }

    /// <summary>The EMA's momentum in [0, 1] (Keras' <c>ema_momentum</c>, default 0.99).</summary>
    public double EmaMomentum { get => _emaMomentum; init => _emaMomentum = CheckEmaMomentum(value); }

    /// <summary>Every this many iterations the weights are overwritten by their moving average (Keras' <c>ema_overwrite_frequency</c>); <see langword="null"/> for never.</summary>
    public int? EmaOverwriteFrequency { get => _emaOverwriteFrequency; init => _emaOverwriteFrequency = CheckEmaOverwriteFrequency(value); }

    /// <summary>
    /// Update only every this many steps, with the average of the gradients since the last update
    /// (Keras' <c>gradient_accumulation_steps</c>, at least 2); <see langword="null"/> for every step.
    /// </summary>
    public int? GradientAccumulationSteps { get => _gradientAccumulationSteps; init => _gradientAccumulationSteps = CheckAccumulationSteps(value); }

    // Backing fields, so Configure can set the options [Compile] wrote through the same checks as the init accessors.
    private double? _clipNorm;
    private double? _clipValue;
    private double? _globalClipNorm;
    private double? _weightDecay;
    private IReadOnlyList<string> _excludeFromWeightDecay = [];
    private bool _useEma;
    private double _emaMomentum = 0.99;
    private int? _emaOverwriteFrequency;
    private int? _gradientAccumulationSteps;

    /// <summary>
    /// Sets the options <c>[Compile]</c> wrote (<see cref="OptimizerFactory"/>), as the init properties
    /// would: a schedule starts from the current <see cref="LearningRate"/>; unset options stay as they are.
    /// </summary>
    /// <exception cref="InvalidOperationException">The optimizer is built already.</exception>
    internal void Configure(OptimizerOptions options)
    {
        if (IsBuilt)
        {
            throw new InvalidOperationException($"{GetType().Name} is built already; its options are set before Build.");
        }

        if (options.CreateSchedule(_learningRate) is { } schedule)
        {
            _schedule = schedule;
        }

        _clipNorm = CheckClip(options.ClipNorm ?? _clipNorm, nameof(ClipNorm));
        _clipValue = CheckClip(options.ClipValue ?? _clipValue, nameof(ClipValue));
        _globalClipNorm = CheckClip(options.GlobalClipNorm ?? _globalClipNorm, nameof(GlobalClipNorm));
        _weightDecay = CheckWeightDecay(options.WeightDecay ?? _weightDecay);
        _excludeFromWeightDecay = options.ExcludeFromWeightDecay ?? _excludeFromWeightDecay;
        _useEma = options.UseEma ?? _useEma;
        _emaMomentum = CheckEmaMomentum(options.EmaMomentum ?? _emaMomentum);
        _emaOverwriteFrequency = CheckEmaOverwriteFrequency(options.EmaOverwriteFrequency ?? _emaOverwriteFrequency);
        _gradientAccumulationSteps = CheckAccumulationSteps(options.GradientAccumulationSteps ?? _gradientAccumulationSteps);
    }

    /// <summary>
    /// The names of the per-weight state this optimizer keeps, each shaped like its weight (Keras'
    /// slot variables: Adam's <c>momentum</c> and <c>velocity</c>). <see cref="UpdateStep(Tensor, Tensor, IReadOnlyList{Tensor})"/>
    /// receives them in this order. Read once, by <see cref="Build"/>.
    /// </summary>
    protected virtual IReadOnlyList<string> SlotNames => [];

    /// <summary>The value each slot starts at (Keras' initializers; Adagrad's accumulator starts at 0.1).</summary>
    protected virtual double InitialSlotValue(int slot) => 0;

    /// <summary>
    /// Whether <see cref="UpdateStep(Tensor, Tensor, IReadOnlyList{Tensor})"/> is element-wise and can run
    /// on all weights at once. An optimizer whose state depends on a weight's shape (Adafactor's
    /// factored moments) says no and is called weight by weight.
    /// </summary>
    protected virtual bool IsElementwise => true;

    /// <summary>Every slot, base ones included: the subclass's, then "average" (EMA), then "gradient_accumulator".</summary>
    internal IReadOnlyList<string> AllSlotNames { get; private set; } = [];

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
    /// <param name="parameters">The trainable weights.</param>
    /// <param name="names">Their names, for <see cref="ExcludeFromWeightDecay"/>; <see langword="null"/> when none are known.</param>
    /// <exception cref="InvalidOperationException">The optimizer is already built, or only one of the clips may be set.</exception>
    public void Build(IEnumerable<Parameter> parameters, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (IsBuilt)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} is already built for {_parameters.Length} parameters; create a new optimizer for other parameters.");
        }

        if (new[] { ClipNorm, ClipValue, GlobalClipNorm }.Count(c => c is not null) > 1)
        {
            throw new InvalidOperationException(
                $"Only one of ClipNorm, ClipValue and GlobalClipNorm can be set; got ClipNorm={ClipNorm}, ClipValue={ClipValue}, GlobalClipNorm={GlobalClipNorm}.");
        }

        var list = parameters.ToList();
        var unique = new List<Parameter>();
        var decays = new List<bool>();
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        var patterns = ExcludeFromWeightDecay.Select(p => new Regex(p, RegexOptions.CultureInvariant)).ToArray();
        for (var i = 0; i < list.Count; i++)
        {
            if (seen.Add(list[i]))
            {
                unique.Add(list[i]);
                var name = names is not null && i < names.Count ? names[i] : null;
                decays.Add(name is null || !patterns.Any(p => p.IsMatch(name)));
            }
        }

        _parameters = [.. unique];
        _decays = [.. decays];
        var own = SlotNames;
        _ownSlots = own.Count;
        AllSlotNames = [.. own, .. UseEma ? ["average"] : Array.Empty<string>(), .. GradientAccumulationSteps is null ? Array.Empty<string>() : ["gradient_accumulator"]];
        _groups = _parameters.Length == 0 ? [] : FlatWeightGroup.Create(_parameters, AllSlotNames.Count);
        using (no_grad())
        {
            foreach (var group in _groups)
            {
                for (var s = 0; s < _ownSlots; s++)
                {
                    if (InitialSlotValue(s) != 0)
                    {
                        using var initial = InitialSlotValue(s).ToScalar();
                        group.Slots[s].fill_(initial);
                    }
                }
            }

            for (var i = 0; i < _parameters.Length; i++)
            {
                BuildState(_parameters[i], i);
            }
        }

        IsBuilt = true;
    }

    /// <summary>
    /// Applies one update from the parameters' current gradients, as Keras' <c>optimizer.apply</c>:
    /// gradient accumulation, clipping, weight decay, the optimizer's rule, then the moving average.
    /// Parameters without a gradient are left alone, as Keras skips variables whose gradient is <c>None</c>.
    /// </summary>
    /// <remarks>
    /// When every parameter of a dtype and device has a gradient, each stage runs once on the flat
    /// buffers; otherwise on the views of the parameters that have one. A gradient assigned as a new
    /// tensor (<c>p.grad = g</c>) is copied into the flat buffer first. Clipping and accumulation
    /// work in place on the gradient buffer.
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
        var present = _groups.Select(g => g.Gather()).ToArray();
        var update = GradientAccumulationSteps is not { } n || (Steps + 1) % n == 0;
        if (GradientAccumulationSteps is { } steps)
        {
            var accumulator = AllSlotNames.Count - 1;
            using var count = steps.ToScalar();
            ForEachPart(present, (part, _) =>
            {
                var acc = part.Slots[accumulator];
                if (update)
                {
                    part.Gradient.add_(acc).div_(count);     // (g + acc) / steps
                    acc.zero_();
                }
                else
                {
                    acc.add_(part.Gradient);
                }
            });
        }

        if (update)
        {
            ClipGradients(present);
            ApplyWeightDecay(present);
            BeforeUpdate();
            ForEachPart(present, (part, index) =>
                UpdateStep(part.Gradient, part.Variable, new ArraySegment<Tensor>(part.Slots, 0, _ownSlots), index));
        }

        if (UseEma)
        {
            UpdateMovingAverage();
        }

        Steps++;
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
    /// Puts the weights' moving average into the weights (Keras' <c>finalize_variable_values</c>);
    /// <c>Fit</c> calls it when training ends. Does nothing unless <see cref="UseEma"/>.
    /// </summary>
    public void FinalizeVariableValues()
    {
        if (!UseEma)
        {
            return;
        }

        using var noGrad = no_grad();
        foreach (var group in _groups)
        {
            group.Weights.copy_(group.Slots[_ownSlots]);
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
        var slots = SlotValues();
        var old = _groups;
        _parameters = fresh;
        _groups = FlatWeightGroup.Create(_parameters, AllSlotNames.Count);
        SetSlotValues(slots);
        foreach (var group in old)
        {
            group.Dispose();
        }
    }

    /// <summary>Each parameter's slots (in <see cref="AllSlotNames"/> order), as views of the flat buffers.</summary>
    internal Tensor[][] SlotValues()
    {
        var slots = new Tensor[_parameters.Length][];
        foreach (var group in _groups)
        {
            for (var i = 0; i < group.Parameters.Length; i++)
            {
                slots[group.Indices[i]] = group.SlotViews(i).Select(s => s.clone()).ToArray();
            }
        }

        return slots;
    }

    /// <summary>Copies <paramref name="slots"/> (as <see cref="SlotValues"/> gives them) into the flat buffers.</summary>
    internal void SetSlotValues(Tensor[][] slots)
    {
        using var noGrad = no_grad();
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
    }

    /// <summary>
    /// Optimizer state that is not shaped like a weight (Nadam's running product), by name, for
    /// saving; <see cref="SetScalarState"/> restores it.
    /// </summary>
    internal virtual IReadOnlyDictionary<string, double> ScalarState => new Dictionary<string, double>();

    /// <summary>Restores state written by <see cref="ScalarState"/>.</summary>
    internal virtual void SetScalarState(IReadOnlyDictionary<string, double> state)
    {
    }

    /// <summary>Per-weight state not shaped like its weight (Adafactor's factored moments): (parameter index, name, tensor).</summary>
    internal virtual IEnumerable<(int Index, string Name, Tensor Value)> FactoredState => [];

    /// <summary>Restores one entry of <see cref="FactoredState"/> (copied in place).</summary>
    internal virtual void SetFactoredState(int index, string name, Tensor value)
    {
    }

    /// <summary>
    /// Called once per parameter by <see cref="Build"/> under <c>no_grad</c>, for state that is not
    /// shaped like the weight (see <see cref="IsElementwise"/>).
    /// </summary>
    protected virtual void BuildState(Parameter variable, int index)
    {
    }

    /// <summary>Called once per update, before the rule runs on the weights (Nadam advances its running product here).</summary>
    protected virtual void BeforeUpdate()
    {
    }

    /// <summary>
    /// Updates <paramref name="variable"/> in place from <paramref name="gradient"/> (Keras'
    /// <c>update_step</c>). Runs under <c>no_grad</c> inside a dispose scope, before
    /// <see cref="Iterations"/> is incremented: the step number t is <c>Iterations + 1</c>.
    /// </summary>
    /// <remarks>
    /// The rule must be element-wise (unless <see cref="IsElementwise"/> says otherwise): it is
    /// called on the flat buffers of all weights at once, or, when some weights have no gradient,
    /// on one weight's views.
    /// </remarks>
    /// <param name="gradient">The gradient, shaped like <paramref name="variable"/>.</param>
    /// <param name="variable">The weight (or all weights of a dtype and device, flat).</param>
    /// <param name="slots">The state named by <see cref="SlotNames"/>, each shaped like <paramref name="variable"/>.</param>
    protected abstract void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots);

    /// <summary>
    /// <see cref="UpdateStep(Tensor, Tensor, IReadOnlyList{Tensor})"/> with the parameter's index in
    /// <see cref="Parameters"/>, or -1 when it runs on the flat buffers of several.
    /// </summary>
    protected virtual void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots, int index) =>
        UpdateStep(gradient, variable, slots);

    /// <summary>
    /// A 0-d tensor holding <paramref name="value"/> in <paramref name="like"/>'s dtype and device,
    /// kept for the optimizer's life (e.g. <c>lerp_</c>'s weight), so a step allocates none.
    /// </summary>
    protected Tensor Constant(double value, Tensor like)
    {
        var key = (value, like.dtype, like.device_type, like.device_index);
        if (!_constants.TryGetValue(key, out var constant))
        {
            using var scalar = value.ToScalar();
            constant = full([], scalar, dtype: like.dtype, device: like.device).DetachFromDisposeScope();
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

    private static double? CheckWeightDecay(double? value) =>
        value is null ? null : CheckNonNegative(value.Value, nameof(WeightDecay));

    private static double CheckEmaMomentum(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(EmaMomentum), value, $"{nameof(EmaMomentum)} must be in [0, 1]; got {value}.");

    private static int? CheckEmaOverwriteFrequency(int? value) =>
        value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(EmaOverwriteFrequency), value, $"{nameof(EmaOverwriteFrequency)} must be an integer >= 1 or null; got {value}.");

    private static int? CheckAccumulationSteps(int? value) =>
        value is null or >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(GradientAccumulationSteps), value, $"{nameof(GradientAccumulationSteps)} must be an integer >= 2 or null; got {value}.");

    private static double? CheckClip(double? value, string name) =>
        value is null || (double.IsFinite(value.Value) && value > 0)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0 or null; got {value}.");

    /// <summary>The tensors one stage of a step works on: a whole flat group, or one parameter's views.</summary>
    private readonly record struct Part(Tensor Gradient, Tensor Variable, Tensor[] Slots);

    // Runs an action on every group's flat buffers, or on the views of the parameters with a
    // gradient where some lack one (or the rule is not element-wise); index is the parameter's, or -1.
    private void ForEachPart(bool[]?[] present, Action<Part, int> action)
    {
        for (var g = 0; g < _groups.Length; g++)
        {
            var group = _groups[g];
            if (present[g] is null && IsElementwise)
            {
                action(new Part(group.Gradients, group.Weights, group.Slots), -1);
                continue;
            }

            for (var i = 0; i < group.Parameters.Length; i++)
            {
                if (present[g]?[i] ?? true)
                {
                    action(new Part(group.GradientView(i), group.WeightView(i), group.SlotViews(i)), group.Indices[i]);
                }
            }
        }
    }

    // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
    private void ClipGradients(bool[]?[] present)
    {
        if (ClipNorm is { } clip)
        {
            using var clipNorm = clip.ToScalar();
            // Keras: g * clipnorm / max(||g||, clipnorm), per weight.
            for (var g = 0; g < _groups.Length; g++)
            {
                for (var i = 0; i < _groups[g].Parameters.Length; i++)
                {
                    if (present[g]?[i] ?? true)
                    {
                        var gradient = _groups[g].GradientView(i);
                        using var norm = gradient.square().sum().sqrt_().clamp_min_(clipNorm);
                        gradient.mul_(clipNorm).div_(norm);
                    }
                }
            }
        }
        else if (GlobalClipNorm is { } global)
        {
            using var globalClipNorm = global.ToScalar();
            using var inverse = (1 / global).ToScalar();
            // Keras: scale = clip * min(1 / norm, 1 / clip) + (norm - norm), over every gradient.
            Tensor? squares = null;
            ForEachPart(present, (part, _) =>
            {
                var sum = part.Gradient.square().sum();
                squares = squares is null ? sum : squares.add_(sum.to(squares.device));
            });
            if (squares is not null)
            {
                var norm = squares.sqrt();
                var scale = norm.reciprocal().clamp_max_(inverse).mul_(globalClipNorm).add_(norm - norm);
                ForEachPart(present, (part, _) => part.Gradient.mul_(scale.to(part.Gradient.dtype, part.Gradient.device)));
            }
        }
        else if (ClipValue is { } clipValue)
        {
            using var low = (-clipValue).ToScalar();
            using var high = clipValue.ToScalar();
            ForEachPart(present, (part, _) => part.Gradient.clamp_(low, high));
        }
    }

    private void ApplyWeightDecay(bool[]?[] present)
    {
        if (WeightDecay is not { } decay)
        {
            return;
        }

        using var alpha = (-decay * LearningRate).ToScalar();     // w - w * wd * lr
        for (var g = 0; g < _groups.Length; g++)
        {
            var group = _groups[g];
            if (group.Indices.All(i => _decays[i]))
            {
                // Keras decays every weight it updates: with all gradients present, the flat buffer at once.
                if (present[g] is null)
                {
                    group.Weights.add_(group.Weights, alpha: alpha);
                    continue;
                }
            }

            for (var i = 0; i < group.Parameters.Length; i++)
            {
                if (_decays[group.Indices[i]] && (present[g]?[i] ?? true))
                {
                    group.WeightView(i).add_(group.WeightView(i), alpha: alpha);
                }
            }
        }
    }

    private void UpdateMovingAverage()
    {
        // Keras: momentum = ema_momentum, or 0 on the first iteration; avg = momentum avg + (1 - momentum) w.
        var value = Iterations != 0 ? EmaMomentum : 0;
        using var momentum = value.ToScalar();
        using var rest = (1 - value).ToScalar();
        var average = _ownSlots;
        foreach (var group in _groups)
        {
            group.Slots[average].mul_(momentum).add_(group.Weights, alpha: rest);
        }

        if (EmaOverwriteFrequency is { } frequency && (Iterations + 1) % frequency == 0)
        {
            foreach (var group in _groups)
            {
                group.Weights.copy_(group.Slots[average]);
            }
        }
    }
}
