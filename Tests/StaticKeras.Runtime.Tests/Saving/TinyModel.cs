using StaticKeras.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>A dense layer written by hand for tests: kernel (inputs, units), bias (units).</summary>
internal sealed class TinyDense : Layer
{
    public TinyDense(int inputs, int units) : base("TinyDense")
    {
        Kernel = new Parameter(arange(inputs * units, dtype: float32).reshape(inputs, units) / 10);
        Bias = new Parameter(zeros(units));
        register_parameter("kernel", Kernel);
        register_parameter("bias", Bias);
    }

    public Parameter Kernel { get; }

    public Parameter Bias { get; }

    public override Tensor Call(Tensor inputs, bool training = false) => inputs.matmul(Kernel) + Bias;
}

/// <summary>
/// The smallest model the runtime accepts: one hand-written dense layer "hidden" and an int64
/// buffer "steps", so state_dict holds hidden.kernel, hidden.bias and steps.
/// </summary>
internal sealed class TinyModel : Model
{
    private readonly TinyDense hidden;
    private readonly Tensor steps;
    private readonly int _inputs;
    private readonly int _units;

    public TinyModel(int inputs = 2, int units = 3, params Metric[] metrics) : base("TinyModel")
    {
        _inputs = inputs;
        _units = units;
        Metrics = metrics;
        hidden = new TinyDense(inputs, units);
        steps = zeros(new long[0], dtype: int64);
        register_module("hidden", hidden);
        register_buffer("steps", steps);
    }

    public Metric[] Metrics { get; }

    /// <summary>Whether the model behaves as if it carried a [Compile] attribute.</summary>
    public bool HasCompile { get; init; } = true;

    public TinyDense Hidden => hidden;

    public Tensor Steps => steps;

    protected override ModelInfo Info => new(
        "TinyModel",
        [new TensorSpec("inputs", [_inputs], [null])],
        [new TensorSpec("output", [_units], [null])],
        HasCompile ? new CompileInfo(global::StaticKeras.Optimizer.Sgd, LearningRate: 0, [new(Loss.MeanSquaredError, Metrics, FromLogits: false, LossWeight: 1)], PerOutput: false) : null,
        "Model: \"TinyModel\"");

    public override Tensor Call(Tensor inputs, bool training = false) => hidden.Call(inputs);

    protected override StepOutput TrainStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight)
    {
        var predictions = Call(x[0], training: true);
        var loss = (predictions - y[0]).square().mean();
        loss.backward();
        return new StepOutput(loss, [loss], [predictions]);
    }

    protected override StepOutput TestStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight)
    {
        var predictions = Call(x[0]);
        var loss = (predictions - y[0]).square().mean();
        return new StepOutput(loss, [loss], [predictions]);
    }

    /// <summary>Sets every weight to a recognisable value: kernel = start + index, bias = -(start + index), steps = start.</summary>
    public void Fill(float start)
    {
        using var noGrad = no_grad();
        hidden.Kernel.copy_(arange(_inputs * _units, dtype: float32).reshape(_inputs, _units) + start);
        hidden.Bias.copy_(-(arange(_units, dtype: float32) + start));
        steps.fill_((long)start);
    }
}
