using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of <see cref="SimpleRNN"/>, <see cref="LSTM"/> and <see cref="GRU"/> (Keras' RNN with
/// a cell): runs a cell over the time axis from a zero state.
/// Input <c>(batch, timesteps, features)</c>; output <c>(batch, units)</c>, the last step's output,
/// or <c>(batch, timesteps, units)</c> with <see cref="ReturnSequences"/>.
/// </summary>
/// <remarks>
/// Weights: <c>kernel</c> <c>(features, gates * units)</c>, glorot_uniform; <c>recurrent_kernel</c>
/// <c>(units, gates * units)</c>, orthogonal; <c>bias</c>, zeros (its shape depends on the cell).
/// The input projection <c>x @ kernel</c> is computed for every step at once before the loop.
/// </remarks>
public abstract class RecurrentLayer : Layer, IMaskedLayer
{
    private const string Layout = "(batch, timesteps, features)";
    private readonly string layer;
    private readonly int gates;
    private bool built;

    /// <summary>Validates the arguments shared by every recurrent layer.</summary>
    /// <param name="layer">The derived layer's type name, for messages.</param>
    /// <param name="gates">How many blocks of <paramref name="units"/> the kernels hold (1, 3 or 4).</param>
    /// <param name="units">The size of the output and of the state.</param>
    /// <param name="activation">The output/candidate activation.</param>
    /// <param name="useBias">Whether the cell has a bias.</param>
    /// <param name="returnSequences">Whether every step's output is returned.</param>
    /// <param name="regularizers">The kernel, recurrent kernel, bias and activity regularizers (each may be null).</param>
    /// <param name="constraints">The kernel, recurrent kernel and bias constraints (each may be null).</param>
    /// <param name="initializers">The kernel, recurrent kernel and bias initializers (Keras: glorot_uniform, orthogonal, zeros).</param>
    private protected RecurrentLayer(
        string layer, int gates, int units, Activation activation, bool useBias, bool returnSequences, RecurrentRegularizers regularizers,
        RecurrentConstraints constraints, RecurrentInitializers initializers)
        : base(layer)
    {
        _ = (WeightInitializers.For(initializers.Kernel), WeightInitializers.For(initializers.Recurrent), WeightInitializers.For(initializers.Bias));   // an undefined member throws here
        (KernelInitializer, RecurrentInitializer, BiasInitializer) = (initializers.Kernel, initializers.Recurrent, initializers.Bias);
        Regularize(regularizers.Activity, ("kernel", regularizers.Kernel), ("recurrent_kernel", regularizers.Recurrent), ("bias", regularizers.Bias));
        Constrain(("kernel", constraints.Kernel), ("recurrent_kernel", constraints.Recurrent), ("bias", constraints.Bias));
        LayerChecks.Positive(layer, nameof(units), units);
        LayerChecks.Defined(layer, nameof(activation), activation);
        this.layer = layer;
        this.gates = gates;
        (Units, Activation, UseBias, ReturnSequences) = (units, activation, useBias, returnSequences);
    }

    /// <summary>The size of the output and of the state.</summary>
    public int Units { get; }

    /// <summary>How the kernel is initialized (Keras' <c>kernel_initializer</c>, glorot_uniform by default).</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>How the recurrent kernel is initialized (Keras' <c>recurrent_initializer</c>, orthogonal by default).</summary>
    public Initializer RecurrentInitializer { get; }

    /// <summary>How the bias is initialized (Keras' <c>bias_initializer</c>, zeros by default).</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The output/candidate activation (Keras' <c>activation</c>, tanh by default).</summary>
    public Activation Activation { get; }

    /// <summary>Whether the cell has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>Whether the output holds every step (true) or only the last (false, Keras' default).</summary>
    public bool ReturnSequences { get; }

    /// <summary>The input kernel <c>(features, gates * units)</c>.</summary>
    public Parameter Kernel => LayerWeights.Get(this, "kernel");

    /// <summary>The recurrent kernel <c>(units, gates * units)</c>.</summary>
    public Parameter RecurrentKernel => LayerWeights.Get(this, "recurrent_kernel");

    /// <summary>The bias, or null without <see cref="UseBias"/>.</summary>
    public Parameter? Bias => LayerWeights.Find(this, "bias");

    /// <summary>
    /// Keras' <c>zero_output_for_mask</c>: whether a masked step outputs zeros rather than repeating the
    /// previous output (the states carry over either way). False for a layer on its own, as in Keras;
    /// <see cref="Bidirectional"/> sets it to <see cref="ReturnSequences"/> on both directions, as Keras' does.
    /// </summary>
    internal bool ZeroOutputForMask { get; set; }

    /// <summary>
    /// A new, unbuilt layer of the same type and arguments (units, activations, initializers,
    /// regularizers, constraints): how <see cref="Bidirectional"/> makes its backward layer, as Keras
    /// makes it from the forward layer's config.
    /// </summary>
    internal abstract RecurrentLayer Fresh();

    /// <summary>The regularizers this layer was created with, for <see cref="Fresh"/>.</summary>
    private protected RecurrentRegularizers Regularizers => new(
        WeightRegularizers.GetValueOrDefault("kernel"), WeightRegularizers.GetValueOrDefault("recurrent_kernel"),
        WeightRegularizers.GetValueOrDefault("bias"), ActivityRegularizer);

    /// <summary>The constraints this layer was created with, for <see cref="Fresh"/>.</summary>
    private protected RecurrentConstraints Constraints => new(ConstraintOf("kernel"), ConstraintOf("recurrent_kernel"), ConstraintOf("bias"));

    /// <summary>Creates the weights for an input <c>(timesteps, features)</c>; features must be known, timesteps may be -1.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(layer, inputShape, 2, Layout);
        long features = LayerChecks.Known(layer, inputShape, 1, "features");
        LayerWeights.Add(this, "kernel", [features, gates * Units], WeightInitializers.For(KernelInitializer));
        LayerWeights.Add(this, "recurrent_kernel", [Units, gates * Units], WeightInitializers.For(RecurrentInitializer));
        if (UseBias)
        {
            LayerWeights.Add(this, "bias", BiasShape, BiasWeightInitializer());
        }

        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false) => Call(inputs, training, null);

    /// <summary>
    /// Runs the layer skipping masked steps, as Keras' RNN with a mask: at a step whose mask is
    /// false every state keeps its previous value and the step's output repeats the previous
    /// output (zeros before the first unmasked step). The last step's output is the state after
    /// the last unmasked step.
    /// </summary>
    /// <param name="inputs">The sequence, <c>(batch, timesteps, features)</c>.</param>
    /// <param name="training">Unused: the recurrent layers have no dropout.</param>
    /// <param name="mask">True for the steps to use, <c>(batch, timesteps)</c>; <see langword="null"/> uses every step.</param>
    public Tensor Call(Tensor inputs, bool training = false, Tensor? mask = null)
    {
        LayerChecks.Rank(layer, inputs, 3, Layout);
        LayerChecks.Floating(layer, inputs);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        var kernel = Kernel;
        LayerChecks.Size(layer, inputs, 2, kernel.shape[0], "features");
        if (inputs.shape[1] < 1)
        {
            throw new ArgumentException($"{layer} needs at least one timestep, found inputs of shape {LayerChecks.Describe(inputs)}.", nameof(inputs));
        }

        var keep = mask is null ? null : Masks.Check(layer, inputs, mask).unsqueeze(-1);
        var projected = ProjectInputs(inputs.matmul(kernel));
        var state = InitialState(inputs.shape[0], inputs.dtype);
        var outputs = new List<Tensor>();
        for (long t = 0; t < inputs.shape[1]; t++)
        {
            var next = Step(projected.select(1, t), state);
            if (keep is not null)
            {
                // Keras' backend rnn: where(mask_t, new, previous) for the output and every state.
                var step = keep.select(1, t);
                next = [.. next.Select((s, i) => s.where(step, state[i]))];
            }

            if (ReturnSequences)
            {
                // zero_output_for_mask: a masked step outputs zeros instead of the carried output.
                outputs.Add(keep is not null && ZeroOutputForMask ? next[0].where(keep.select(1, t), zeros_like(next[0])) : next[0]);
            }

            state = next;
        }

        return ReturnSequences ? stack(outputs, 1) : state[0];
    }

    /// <summary>The shape of <c>bias</c>.</summary>
    private protected abstract long[] BiasShape { get; }

    /// <summary>What creates the bias: <see cref="BiasInitializer"/> on its whole shape, unless the layer draws it in slices (LSTM's unit forget bias).</summary>
    private protected virtual WeightInitializer BiasWeightInitializer() => WeightInitializers.For(BiasInitializer);

    /// <summary>Adds the input-side bias to <c>x @ kernel</c> for every step.</summary>
    private protected abstract Tensor ProjectInputs(Tensor inputsTimesKernel);

    /// <summary>Zeros for every state tensor; the first is the output.</summary>
    private protected virtual Tensor[] InitialState(long batch, ScalarType dtype) => [zeros(batch, Units, dtype)];

    /// <summary>One step from the projected input <c>(batch, gates * units)</c> and the previous state; the first state tensor is the output.</summary>
    private protected abstract Tensor[] Step(Tensor projectedInput, Tensor[] state);

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["return_sequences"] = ReturnSequences;
        config["units"] = Units;
        config["activation"] = KerasValues.Name(Activation);
        DescribeCell(config);
        config["use_bias"] = UseBias;
        return true;
    }

    /// <summary>Adds the cell type's own Keras entries (recurrent activation, gate options).</summary>
    private protected virtual void DescribeCell(JsonObject config)
    {
    }

    /// <summary>The ONNX operator of the layer: <c>RNN</c>, <c>LSTM</c> or <c>GRU</c>.</summary>
    private protected abstract string OnnxOperator { get; }

    /// <summary>For each gate block in ONNX's order, the index of the Keras block (kernel columns, bias entries).</summary>
    private protected virtual int[] OnnxGateOrder => [0];

    /// <summary>The activations in the order ONNX's <c>activations</c> attribute lists them.</summary>
    private protected virtual Activation[] OnnxActivationList => [Activation];

    /// <summary>Attributes beyond hidden_size and activations (GRU's linear_before_reset).</summary>
    private protected virtual OnnxAttribute[] OnnxCellAttributes => [];

    /// <summary>The input and recurrent biases, one vector each in Keras' gate order.</summary>
    private protected virtual (Tensor Input, Tensor Recurrent) OnnxBiases(Tensor bias) => (bias, zeros_like(bias));

    /// <inheritdoc/>
    internal override bool HasOnnxForm => Array.TrueForAll(OnnxActivationList, a => OnnxRecurrentActivation(a) is not null);

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // Y (time, 1, batch, units) -> (batch, time, units); Y_h (1, batch, units) -> (batch, units).
        var output = ExportOnnxOperator(graph, input, [this]);
        return ReturnSequences
            ? graph.Node("Transpose", [graph.Node("Squeeze", [output, graph.Ints("axes", 1)])], OnnxAttribute.Ints("perm", 1, 0, 2))
            : graph.Node("Squeeze", [output, graph.Ints("axes", 0)]);
    }

    /// <summary>
    /// Whether <paramref name="backward"/> can share one ONNX operator with this layer as its reverse
    /// direction (<see cref="Bidirectional"/>): the same cell type, units, activations and cell options.
    /// </summary>
    internal bool SharesOnnxOperator(RecurrentLayer backward) =>
        backward.GetType() == GetType() && backward.Units == Units && backward.UseBias == UseBias && backward.ReturnSequences == ReturnSequences
        && backward.OnnxActivationList.AsSpan().SequenceEqual(OnnxActivationList)
        && (this is not GRU gru || ((GRU)backward).ResetAfter == gru.ResetAfter);

    /// <summary>
    /// Writes ONNX's RNN, LSTM or GRU operator for <paramref name="directions"/> (this layer, or this layer
    /// and its reverse direction) and returns Y, <c>(time, directions, batch, units)</c>, with
    /// <see cref="ReturnSequences"/>, else Y_h, <c>(directions, batch, units)</c>.
    /// </summary>
    internal string ExportOnnxOperator(OnnxGraph graph, string input, RecurrentLayer[] directions)
    {
        // ONNX's RNN/LSTM/GRU: X (time, batch, features); W (directions, gates·units, features) and
        // R (directions, gates·units, units), the transposed Keras kernels with their gate blocks in ONNX's
        // order; B (directions, 2·gates·units), input then recurrent bias. A reverse direction reads the
        // sequence last to first and writes Y in the sequence's order, as Keras' Bidirectional flips it back.
        using var scope = NewDisposeScope();
        var w = graph.Initializer("W", stack(directions.Select(d => d.Reorder(d.Kernel.detach()).t()).ToArray(), 0));
        var r = graph.Initializer("R", stack(directions.Select(d => d.Reorder(d.RecurrentKernel.detach()).t()).ToArray(), 0));
        var b = graph.Initializer("B", stack(directions.Select(d => d.OnnxBias()).ToArray(), 0));
        var timeMajor = graph.Node("Transpose", [input], OnnxAttribute.Ints("perm", 1, 0, 2));
        OnnxAttribute[] attributes =
        [
            OnnxAttribute.Int("hidden_size", Units),
            OnnxAttribute.Strings("activations", directions.SelectMany(d => d.OnnxActivationList.Select(a => OnnxRecurrentActivation(a)!)).ToArray()),
            .. directions.Length == 2 ? [OnnxAttribute.String("direction", "bidirectional")] : Array.Empty<OnnxAttribute>(),
            .. OnnxCellAttributes,
        ];
        var outputs = graph.NodeWithOutputs(OnnxOperator, [timeMajor, w, r, b], ReturnSequences ? [true] : [false, true], attributes);
        return ReturnSequences ? outputs[0] : outputs[1];
    }

    // Keras' gate blocks (last axis) in ONNX's order.
    private Tensor Reorder(Tensor weights) => cat(Array.ConvertAll(OnnxGateOrder, g => weights.narrow(-1, g * Units, Units)), -1);

    // ONNX's B for this direction: input bias then recurrent bias, each in ONNX's gate order.
    private Tensor OnnxBias()
    {
        var (inputBias, recurrentBias) = Bias is { } bias ? OnnxBiases(bias.detach()) : (zeros(gates * Units), zeros(gates * Units));
        return cat([Reorder(inputBias), Reorder(recurrentBias)], 0);
    }

    // The activations ONNX's recurrent operators take by name without parameters.
    private static string? OnnxRecurrentActivation(Activation activation) => activation switch
    {
        Activation.Tanh => "Tanh",
        Activation.Sigmoid => "Sigmoid",
        Activation.Relu => "Relu",
        Activation.Softplus => "Softplus",
        _ => null,
    };
}

/// <summary>The regularizers a recurrent layer's constructor was given.</summary>
/// <param name="Kernel">On <c>kernel</c>.</param>
/// <param name="Recurrent">On <c>recurrent_kernel</c>.</param>
/// <param name="Bias">On <c>bias</c>.</param>
/// <param name="Activity">On the output.</param>
internal readonly record struct RecurrentRegularizers(Regularizer? Kernel, Regularizer? Recurrent, Regularizer? Bias, Regularizer? Activity);

/// <summary>A recurrent layer's initializers: Keras' <c>kernel_initializer</c>, <c>recurrent_initializer</c>, <c>bias_initializer</c>.</summary>
internal readonly record struct RecurrentInitializers(Initializer Kernel, Initializer Recurrent, Initializer Bias);

/// <summary>A recurrent layer's constraints: Keras' <c>kernel_constraint</c>, <c>recurrent_constraint</c>, <c>bias_constraint</c>.</summary>
internal readonly record struct RecurrentConstraints(Constraint? Kernel, Constraint? Recurrent, Constraint? Bias);
