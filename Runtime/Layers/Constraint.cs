using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' weight constraints <c>MaxNorm</c>, <c>NonNeg</c>, <c>UnitNorm</c> and <c>MinMaxNorm</c>: a projection
/// applied to a weight after every optimizer step, as Keras' optimizer does (<c>variable.assign(constraint(variable))</c>).
/// Pass one to a layer's <c>kernelConstraint</c>, <c>biasConstraint</c>...:
/// <c>new Dense(64, Activation.Relu, kernelConstraint: Constraint.MaxNorm(3))</c>.
/// </summary>
/// <remarks>
/// The norm constraints take Keras' <c>axis</c> (default 0): the axes summed over for each norm, so that on a Dense
/// kernel <c>(inputs, units)</c> each unit's incoming weight vector is constrained; on a Conv2D kernel
/// <c>(kh, kw, in, filters)</c> Keras suggests <c>axis: [0, 1, 2]</c>. Negative axes count from the end. The norm
/// is divided with Keras' epsilon 1e-7 added: <c>w · desired / (1e-7 + norm)</c>.
/// </remarks>
public sealed class Constraint
{
    private const double Epsilon = 1e-7;   // Keras' backend.epsilon()
    private readonly int[] axes;

    private Constraint(ConstraintKind kind, double minValue, double maxValue, double rate, int[]? axis)
    {
        Kind = kind;
        (MinValue, MaxValue, Rate) = (minValue, maxValue, rate);
        axes = axis is null || axis.Length == 0 ? [0] : [.. axis];
        foreach (var (value, name) in new[] { (minValue, "minValue"), (maxValue, "maxValue"), (rate, "rate") })
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{kind}: {name} must be a finite number, found {value}.");
            }
        }
    }

    /// <summary>Which of Keras' constraints this is.</summary>
    public ConstraintKind Kind { get; }

    /// <summary><c>MinMaxNorm</c>'s lower bound of the norm (0 for the others).</summary>
    public double MinValue { get; }

    /// <summary>The upper bound of the norm (<c>MaxNorm</c>, <c>MinMaxNorm</c>).</summary>
    public double MaxValue { get; }

    /// <summary><c>MinMaxNorm</c>'s rate: 1 enforces the bounds exactly, below 1 moves the norm part of the way.</summary>
    public double Rate { get; }

    /// <summary>The axes each norm sums over (Keras' <c>axis</c>, [0] by default).</summary>
    public int[] Axis => [.. axes];

    /// <summary>Keras' <c>MaxNorm(max_value=2, axis=0)</c>: scales each weight vector whose norm exceeds <paramref name="maxValue"/> down to it.</summary>
    public static Constraint MaxNorm(double maxValue = 2, int[]? axis = null) => new(ConstraintKind.MaxNorm, 0, maxValue, 1, axis);

    /// <summary>Keras' <c>NonNeg()</c>: negative weights become 0 (<c>maximum(w, 0)</c>).</summary>
    public static Constraint NonNeg() => new(ConstraintKind.NonNeg, 0, 0, 1, null);

    /// <summary>Keras' <c>UnitNorm(axis=0)</c>: each weight vector divided by its norm.</summary>
    public static Constraint UnitNorm(int[]? axis = null) => new(ConstraintKind.UnitNorm, 0, 0, 1, axis);

    /// <summary>
    /// Keras' <c>MinMaxNorm(min_value=0.0, max_value=1.0, rate=1.0, axis=0)</c>: each weight vector's norm moved to
    /// <c>rate · clip(norm, minValue, maxValue) + (1 − rate) · norm</c>.
    /// </summary>
    public static Constraint MinMaxNorm(double minValue = 0.0, double maxValue = 1.0, double rate = 1.0, int[]? axis = null) =>
        new(ConstraintKind.MinMaxNorm, minValue, maxValue, rate, axis);

    /// <summary>The projection of <paramref name="weight"/> (a new tensor of its shape and dtype).</summary>
    public Tensor Apply(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (Kind == ConstraintKind.NonNeg)
        {
            return weight.clamp_min(0);
        }

        var dims = Resolve(weight.dim(), "a weight of shape " + LayerChecks.Describe(weight));
        var norms = weight.square().sum(dims, keepdim: true).sqrt();
        var desired = Kind switch
        {
            ConstraintKind.MaxNorm => norms.clamp(0, MaxValue),
            ConstraintKind.MinMaxNorm => norms.clamp(MinValue, MaxValue) * Rate + norms * (1 - Rate),
            _ => null,
        };
        return desired is null ? weight / (norms + Epsilon) : weight * (desired / (norms + Epsilon));
    }

    /// <summary>Throws unless every axis names an axis of a weight of rank <paramref name="rank"/>.</summary>
    /// <param name="rank">The weight's rank.</param>
    /// <param name="weight">The weight's description, for the message (<c>Dense kernel (4, 3)</c>).</param>
    public void Check(long rank, string weight) => Resolve(rank, weight);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ConstraintKind.NonNeg => "NonNeg()",
        ConstraintKind.MaxNorm => $"MaxNorm({MaxValue}, axis: {Axes()})",
        ConstraintKind.UnitNorm => $"UnitNorm(axis: {Axes()})",
        _ => $"MinMaxNorm({MinValue}, {MaxValue}, rate: {Rate}, axis: {Axes()})",
    };

    private string Axes() => "[" + string.Join(", ", axes) + "]";

    private long[] Resolve(long rank, string weight)
    {
        if (Kind == ConstraintKind.NonNeg)
        {
            return [];
        }

        var resolved = axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (resolved.Any(a => a < 0 || a >= rank) || resolved.Distinct().Count() != resolved.Length)
        {
            throw new ArgumentException(
                $"{Kind}: axis {Axes()} must name distinct axes of {weight}, which has rank {rank}.");
        }

        return [.. resolved.Select(a => (long)a)];
    }
}

/// <summary>Keras' built-in weight constraints.</summary>
public enum ConstraintKind
{
    /// <summary><c>MaxNorm</c>.</summary>
    MaxNorm,

    /// <summary><c>NonNeg</c>.</summary>
    NonNeg,

    /// <summary><c>UnitNorm</c>.</summary>
    UnitNorm,

    /// <summary><c>MinMaxNorm</c>.</summary>
    MinMaxNorm,
}
