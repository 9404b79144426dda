using System.Linq;
using StaticKeras.Export.Onnx;
using System.Text.Json.Nodes;
using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of Keras' merge layers (<see cref="Add"/>, <see cref="Subtract"/>, <see cref="Multiply"/>,
/// <see cref="Average"/>, <see cref="Maximum"/>, <see cref="Minimum"/>, <see cref="Concatenate"/>):
/// a TorchSharp module from several tensors to one. Merge layers have no weights and behave the
/// same in training and inference, so unlike <see cref="Layer"/> they take neither a build shape nor
/// <c>training</c>. Generated functional forward passes call <see cref="Call(Tensor[])"/>:
/// <c>add.Call(a, b)</c>.
/// </summary>
public abstract class MergeLayer : nn.Module<Tensor[], Tensor>
{
    /// <summary>Creates the layer with its TorchSharp module name (the Keras class name).</summary>
    protected MergeLayer(string name) : base(name)
    {
    }

    /// <summary>
    /// The number of inputs the layer takes when it takes exactly that many (2 for Subtract);
    /// <see langword="null"/> for two or more.
    /// </summary>
    protected virtual int? ExactInputCount => null;

    /// <summary>Merges <paramref name="inputs"/>, as Keras' <c>layer([a, b, ...])</c>.</summary>
    /// <param name="inputs">Two or more tensors, batch first, with the same batch size.</param>
    /// <returns>The merged tensor, batch first.</returns>
    /// <exception cref="ArgumentException">
    /// Too few (or, for Subtract, too many) inputs, an input without a batch axis, different batch
    /// sizes, or shapes the layer cannot merge; the message names the shapes found.
    /// </exception>
    public Tensor Call(params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        MergeChecks.Inputs(GetName(), inputs, ExactInputCount);
        return Merge(inputs);
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: dL/dinput for each input, shaped like that input (a
    /// broadcast input receives the sum over the axes it was broadcast along). Builds no autograd graph.
    /// The results may share memory with <paramref name="gradOutput"/> and with each other (Add passes
    /// the same gradient to every input): read them, do not modify them in place.
    /// </summary>
    /// <param name="gradOutput">dL/doutput, shaped like the output.</param>
    /// <param name="inputs">The inputs <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    public Tensor[] Backward(Tensor gradOutput, Tensor[] inputs, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var noGrad = no_grad();
        return MergeBackward(gradOutput, inputs, output);
    }

    /// <summary>The gradients of <see cref="Merge"/>'s inputs, one per input.</summary>
    protected abstract Tensor[] MergeBackward(Tensor gradOutput, IReadOnlyList<Tensor> inputs, Tensor output);

    /// <summary>Merges inputs already checked for count, batch axis and batch size.</summary>
    /// <param name="inputs">Two or more non-null tensors of rank 1 or more with one batch size.</param>
    protected abstract Tensor Merge(IReadOnlyList<Tensor> inputs);

    /// <inheritdoc/>
    public sealed override Tensor forward(Tensor[] input) => Call(input);

    /// <summary>
    /// Adds the layer's own Keras <c>get_config()</c> entries (<c>units</c>, <c>kernel_size</c>,
    /// <c>activation</c>, ...; not <c>name</c>, <c>trainable</c> or <c>dtype</c>) to <paramref name="config"/>,
    /// in Keras' order, and returns whether Keras has such a layer. Saving writes the entries to a
    /// <c>.keras</c> file's <c>config.json</c>; loading checks a file's layers against them. Layers Keras
    /// cannot rebuild (custom layers) keep the default, <see langword="false"/>.
    /// </summary>
    internal virtual bool TryDescribeKeras(JsonObject config)
    {
        return false;
    }

    /// <summary>
    /// Adds the merge's ONNX node on <paramref name="inputs"/> and returns its output's name. ONNX
    /// broadcasts as Keras' merges do; Sum, Mean, Max and Min take any number of inputs.
    /// </summary>
    internal string ExportOnnx(OnnxGraph graph, string[] inputs) => this switch
    {
        Add => graph.Node("Sum", inputs),
        Subtract => graph.Node("Sub", inputs),
        Average => graph.Node("Mean", inputs),
        Maximum => graph.Node("Max", inputs),
        Minimum => graph.Node("Min", inputs),
        Multiply => inputs.Skip(1).Aggregate(inputs[0], (product, next) => graph.Node("Mul", [product, next])),
        Concatenate concatenate => graph.Node("Concat", inputs, OnnxAttribute.Int("axis", concatenate.Axis)),
        _ => throw new NotSupportedException($"{GetType().Name} has no ONNX form."),
    };
}
