using System;
using System.Collections.Generic;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Optimizers;

/// <summary>
/// Adafactor, with Keras 3's rule. The second moment of a weight of rank 2 or more is kept factored
/// over its last two axes (a row vector r and a column vector c), so its state is not shaped like
/// the weight and the rule runs weight by weight:
/// <code>
/// t = iterations + 1;  rho = min(lr, 1 / sqrt(t));  alpha = max(epsilon_2, rms(w)) * rho
/// g2 = g^2 + epsilon_1;  beta2_t = 1 - t^beta_2_decay
/// rank >= 2: r = beta2_t r + (1 - beta2_t) mean(g2, -1);  c = beta2_t c + (1 - beta2_t) mean(g2, -2)
///            v = (r / mean(r, -1))[..., None] * c[..., None, :]
/// otherwise: v = beta2_t v + (1 - beta2_t) g2
/// u = g / sqrt(v);  u /= max(1, rms(u) / clip_threshold);  w -= alpha u
/// </code>
/// </summary>
public sealed class Adafactor : KerasOptimizer
{
    private readonly List<Tensor?> _rows = [];
    private readonly List<Tensor?> _columns = [];

    /// <summary>Creates Adafactor with Keras' defaults.</summary>
    /// <param name="learningRate">The learning rate (Keras default 1e-3).</param>
    /// <param name="beta2Decay">The decay of the second moment's rate (default -0.8).</param>
    /// <param name="epsilon1">Added to the squared gradient (default 1e-30).</param>
    /// <param name="epsilon2">The floor of the weight's RMS in the step size (default 1e-3).</param>
    /// <param name="clipThreshold">The update's RMS clip (default 1).</param>
    /// <param name="relativeStep">Keras' <c>relative_step</c> (default true): the rate is capped at 1/√t.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Adafactor(double learningRate = 1e-3, double beta2Decay = -0.8, double epsilon1 = 1e-30, double epsilon2 = 1e-3,
        double clipThreshold = 1.0, bool relativeStep = true)
        : base(learningRate)
    {
        Beta2Decay = beta2Decay;
        Epsilon1 = CheckNonNegative(epsilon1, nameof(epsilon1));
        Epsilon2 = CheckNonNegative(epsilon2, nameof(epsilon2));
        ClipThreshold = clipThreshold > 0 ? clipThreshold : throw new ArgumentOutOfRangeException(nameof(clipThreshold), clipThreshold, $"clipThreshold must be > 0; got {clipThreshold}.");
        RelativeStep = relativeStep;
    }

    /// <summary>Keras' <c>beta_2_decay</c>.</summary>
    public double Beta2Decay { get; }

    /// <summary>Keras' <c>epsilon_1</c>.</summary>
    public double Epsilon1 { get; }

    /// <summary>Keras' <c>epsilon_2</c>.</summary>
    public double Epsilon2 { get; }

    /// <summary>Keras' <c>clip_threshold</c>.</summary>
    public double ClipThreshold { get; }

    /// <summary>Keras' <c>relative_step</c>. (The step size is min(lr, 1/√t) either way, as in Keras.)</summary>
    public bool RelativeStep { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<string> SlotNames => ["velocity"];

    /// <inheritdoc/>
    protected override bool IsElementwise => false;

    /// <inheritdoc/>
    internal override IEnumerable<(int Index, string Name, Tensor Value)> FactoredState
    {
        get
        {
            for (var i = 0; i < _rows.Count; i++)
            {
                if (_rows[i] is { } r && _columns[i] is { } c)
                {
                    yield return (i, "r", r);
                    yield return (i, "c", c);
                }
            }
        }
    }

    /// <inheritdoc/>
    internal override void SetFactoredState(int index, string name, Tensor value)
    {
        using var noGrad = no_grad();
        (name == "r" ? _rows[index] : _columns[index])?.copy_(value);
    }

    /// <inheritdoc/>
    protected override void BuildState(Parameter variable, int index)
    {
        var shape = variable.shape;
        if (shape.Length < 2)
        {
            _rows.Add(null);
            _columns.Add(null);
            return;
        }

        _rows.Add(zeros(shape[..^1], dtype: variable.dtype, device: variable.device).DetachFromDisposeScope());
        _columns.Add(zeros([.. shape[..^2], shape[^1]], dtype: variable.dtype, device: variable.device).DetachFromDisposeScope());
    }

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots) =>
        throw new InvalidOperationException("Adafactor updates weight by weight.");

    /// <inheritdoc/>
    protected override void UpdateStep(Tensor gradient, Tensor variable, IReadOnlyList<Tensor> slots, int index)
    {
        double t = Iterations + 1;
        var rho = Math.Min(LearningRate, 1 / Math.Sqrt(t));
        // Scalars held in `using`, never implicit double -> Scalar temporaries (README: the TorchSharp Scalar hazard).
        using var epsilon1 = Epsilon1.ToScalar();
        using var epsilon2 = Epsilon2.ToScalar();
        using var rhoScalar = rho.ToScalar();
        using var clipThreshold = ClipThreshold.ToScalar();
        using var one = 1.0.ToScalar();
        var alpha = variable.square().mean().sqrt_().clamp_min_(epsilon2).mul_(rhoScalar);
        var squared = gradient.square().add_(epsilon1);
        var beta2T = 1 - Math.Pow(t, Beta2Decay);
        using var beta2TScalar = beta2T.ToScalar();
        using var oneMinusBeta2T = (1 - beta2T).ToScalar();
        var v = slots[0];
        if (variable.dim() >= 2)
        {
            var r = _rows[index]!;
            var c = _columns[index]!;
            r.mul_(beta2TScalar).add_(squared.mean([-1]), alpha: oneMinusBeta2T);
            c.mul_(beta2TScalar).add_(squared.mean([-2]), alpha: oneMinusBeta2T);
            v.copy_(r.div(r.mean([-1], keepdim: true)).unsqueeze(-1).mul(c.unsqueeze(-2)));
        }
        else
        {
            v.mul_(beta2TScalar).add_(squared, alpha: oneMinusBeta2T);
        }

        var u = gradient.div(v.sqrt());
        var rms = u.square().mean().sqrt_().div_(clipThreshold).clamp_min_(one);
        variable.sub_(u.div_(rms).mul_(alpha));
    }
}
