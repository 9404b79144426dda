using System;

namespace StaticKeras;

/// <summary>
/// The training configuration of a model, as Keras' <c>model.compile(optimizer, loss, metrics)</c>.
/// The generator checks the loss against the model's output shape and activation at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class CompileAttribute : Attribute
{
    /// <summary>Compiles with the given optimizer (Keras defaults for its hyper-parameters) and loss.</summary>
    public CompileAttribute(Optimizer optimizer, Loss loss)
    {
        Optimizer = optimizer;
        Loss = loss;
    }

    /// <summary>
    /// Compiles a model with several outputs with the given optimizer; each output's loss and metrics
    /// are in its <see cref="OutputAttribute"/> (Keras' <c>loss={"cls": ..., "value": ...}</c>).
    /// </summary>
    public CompileAttribute(Optimizer optimizer)
    {
        Optimizer = optimizer;
    }

    /// <summary>Compiles with the given loss and Keras' default optimizer, RMSprop.</summary>
    public CompileAttribute(Loss loss) : this(Optimizer.RmsProp, loss)
    {
    }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The loss; unused when the model's outputs have <see cref="OutputAttribute"/>s.</summary>
    public Loss Loss { get; }

    /// <summary>Metrics reported during training and evaluation, besides the loss.</summary>
    public Metric[] Metrics { get; set; } = [];

    /// <summary>
    /// Whether the loss receives logits rather than probabilities (Keras' <c>from_logits=True</c>).
    /// </summary>
    public bool FromLogits { get; set; }

    /// <summary>
    /// The optimizer's learning rate. Zero (the default) means the optimizer's Keras default
    /// (1e-3 for Adam, AdamW and RMSprop, 1e-2 for SGD).
    /// </summary>
    public double LearningRate { get; set; }

    /// <summary>
    /// How the training step computes gradients: <see cref="BackwardMode.Generated"/> (the default),
    /// an explicit backward pass written out by the generator, or <see cref="BackwardMode.Autograd"/>,
    /// TorchSharp's autograd over the whole model (for comparison, or as a fallback).
    /// </summary>
    public BackwardMode Backward { get; set; }

    // The optimizer's Keras options. A property that is not written is not passed to the optimizer
    // (the generator reads which ones are), so the defaults below only document Keras' own.

    /// <summary>
    /// A learning-rate schedule evaluated at every step (Keras' <c>learning_rate=ExponentialDecay(...)</c>),
    /// starting from <see cref="LearningRate"/>; its arguments are the properties of the same names.
    /// </summary>
    /// <example><code>[Compile(Optimizer.Adam, Loss.MeanSquaredError, LearningRate = 0.01, Schedule = Schedule.ExponentialDecay, DecaySteps = 1000, DecayRate = 0.9)]</code></example>
    public Schedule Schedule { get; set; }

    /// <summary>The steps the schedule decays over (Keras' <c>decay_steps</c>, &gt; 0).</summary>
    public int DecaySteps { get; set; }

    /// <summary>The first period of <see cref="Schedule.CosineDecayRestarts"/> in steps (Keras' <c>first_decay_steps</c>, &gt; 0).</summary>
    public int FirstDecaySteps { get; set; }

    /// <summary>The decay rate of <see cref="Schedule.ExponentialDecay"/> and <see cref="Schedule.InverseTimeDecay"/> (Keras' <c>decay_rate</c>).</summary>
    public double DecayRate { get; set; }

    /// <summary>Whether <see cref="Schedule.ExponentialDecay"/> and <see cref="Schedule.InverseTimeDecay"/> decay in discrete intervals (Keras' <c>staircase</c>, default false).</summary>
    public bool Staircase { get; set; }

    /// <summary>The step boundaries of <see cref="Schedule.PiecewiseConstantDecay"/>, increasing (Keras' <c>boundaries</c>).</summary>
    public int[] Boundaries { get; set; } = [];

    /// <summary>The learning rates of <see cref="Schedule.PiecewiseConstantDecay"/>, one more than <see cref="Boundaries"/> (Keras' <c>values</c>).</summary>
    public double[] Values { get; set; } = [];

    /// <summary>The final rate of <see cref="Schedule.PolynomialDecay"/> (Keras' <c>end_learning_rate</c>, default 1e-4).</summary>
    public double EndLearningRate { get; set; } = 1e-4;

    /// <summary>The power of <see cref="Schedule.PolynomialDecay"/> (Keras' <c>power</c>, default 1).</summary>
    public double Power { get; set; } = 1;

    /// <summary>Whether <see cref="Schedule.PolynomialDecay"/> restarts past <see cref="DecaySteps"/> (Keras' <c>cycle</c>, default false).</summary>
    public bool Cycle { get; set; }

    /// <summary>The floor of the cosine schedules, a fraction of the rate decayed from (Keras' <c>alpha</c>, default 0).</summary>
    public double Alpha { get; set; }

    /// <summary>The rate <see cref="Schedule.CosineDecay"/> warms up to before decaying (Keras' <c>warmup_target</c>, default none).</summary>
    public double WarmupTarget { get; set; }

    /// <summary>The warmup's length in steps for <see cref="Schedule.CosineDecay"/> (Keras' <c>warmup_steps</c>, default 0; needs <see cref="WarmupTarget"/>).</summary>
    public int WarmupSteps { get; set; }

    /// <summary>How much longer each period of <see cref="Schedule.CosineDecayRestarts"/> is (Keras' <c>t_mul</c>, default 2).</summary>
    public double TMul { get; set; } = 2;

    /// <summary>How the restart rate of <see cref="Schedule.CosineDecayRestarts"/> scales (Keras' <c>m_mul</c>, default 1).</summary>
    public double MMul { get; set; } = 1;

    /// <summary>Clips each weight's gradient to this L2 norm (Keras' <c>clipnorm</c>, &gt; 0); at most one of the three clips.</summary>
    public double ClipNorm { get; set; }

    /// <summary>Clips every gradient element to [-value, value] (Keras' <c>clipvalue</c>, &gt; 0).</summary>
    public double ClipValue { get; set; }

    /// <summary>Scales all gradients together to this global L2 norm at most (Keras' <c>global_clipnorm</c>, &gt; 0).</summary>
    public double GlobalClipNorm { get; set; }

    /// <summary>Decoupled weight decay, <c>w -= w * weight_decay * lr</c> before each update (Keras' <c>weight_decay</c>; AdamW's default 0.004).</summary>
    public double WeightDecay { get; set; }

    /// <summary>
    /// Name patterns (regular expressions, as Keras') of weights that get no weight decay, matched
    /// against names such as <c>hidden.bias</c> (Keras' <c>exclude_from_weight_decay(var_names=...)</c>).
    /// </summary>
    public string[] ExcludeFromWeightDecay { get; set; } = [];

    /// <summary>Whether Adam or AdamW uses the AMSGrad variant (Keras' <c>amsgrad</c>, default false).</summary>
    public bool Amsgrad { get; set; }

    /// <summary>Whether to keep an exponential moving average of the weights, put into them when <c>Fit</c> ends (Keras' <c>use_ema</c>).</summary>
    public bool UseEma { get; set; }

    /// <summary>The moving average's momentum in [0, 1] (Keras' <c>ema_momentum</c>, default 0.99; needs <see cref="UseEma"/>).</summary>
    public double EmaMomentum { get; set; } = 0.99;

    /// <summary>Every this many iterations the weights are overwritten by their average (Keras' <c>ema_overwrite_frequency</c>, &gt;= 1; needs <see cref="UseEma"/>).</summary>
    public int EmaOverwriteFrequency { get; set; }

    /// <summary>Update every this many steps with the mean gradient (Keras' <c>gradient_accumulation_steps</c>, &gt;= 2).</summary>
    public int GradientAccumulationSteps { get; set; }
}
