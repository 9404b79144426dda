using System;
using System.Linq;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base the generator gives every <c>[Layer]</c> class: weights declared with
/// <c>[Weight]</c>, a generated <see cref="Layer.Build"/> that binds the input's dimensions and
/// allocates them, and a generated <see cref="Layer.Call"/> that runs the user's
/// <c>Call(Tensor)</c> and checks its first output against the declared output signature.
/// The protected members are the services that generated code calls.
/// </summary>
public abstract partial class CustomLayer : Layer
{
    private bool _built;

    /// <summary>Creates the layer; its TorchSharp module name is its class name.</summary>
    protected CustomLayer() : base(nameof(CustomLayer))
    {
        // nn.Module takes its name in the constructor; the concrete type is only known here.
        name = GetType().Name;
    }

    /// <summary>Whether <see cref="Layer.Build"/> has run.</summary>
    public bool IsBuilt => _built;

    /// <summary>Whether a call's output has been checked against the declared output signature.</summary>
    public bool IsOutputChecked { get; private set; }

    /// <summary>The declared input signature with the batch, as messages write it: <c>(batch, ..., d)</c>.</summary>
    public abstract string InputSignature { get; }

    /// <summary>The declared output signature with the batch: <c>(batch, ..., units)</c>.</summary>
    public abstract string OutputSignature { get; }

    /// <summary>
    /// The output shape (batch excluded) the contract promises for an input of
    /// <paramref name="inputShape"/> (batch excluded, all sizes known).
    /// </summary>
    /// <exception cref="ArgumentException">The input does not match <see cref="InputSignature"/>.</exception>
    public abstract long[] ExpectedOutputShape(long[] inputShape);

    /// <summary>Marks the start of a build; throws when the layer is already built.</summary>
    /// <exception cref="InvalidOperationException">Build ran before.</exception>
    protected void BeginBuild(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        LayerWeights.BuildOnce(this, _built, inputShape);
        _built = true;
    }

    /// <summary>Throws unless <paramref name="shape"/> (batch excluded) has <paramref name="rank"/> dimensions, or more when <paramref name="orMore"/>.</summary>
    /// <exception cref="ArgumentException">The rank does not match.</exception>
    protected void CheckRank(long[] shape, int rank, bool orMore)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == rank || (orMore && shape.Length > rank))
        {
            return;
        }

        var expected = orMore ? $"rank {rank + 1} or more" : $"rank {rank + 1}";
        throw new ArgumentException(
            $"{name} expects an input {InputSignature} ({expected}, batch included), found {ShapeText.WithBatch(shape)}.", nameof(shape));
    }

    /// <summary>
    /// Throws unless axis <paramref name="axis"/> of <paramref name="shape"/> (batch excluded) equals
    /// <paramref name="expected"/>; an unknown size (-1) on either side passes.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    protected void CheckSize(long[] shape, int axis, long expected, string dimension)
    {
        var actual = shape[axis];
        if (actual < 0 || expected < 0 || actual == expected)
        {
            return;
        }

        throw new ArgumentException(
            $"{name} expects an input {InputSignature} with {dimension} = {expected} at axis {axis + 1}, found {ShapeText.WithBatch(shape)}.", nameof(shape));
    }

    /// <summary>Returns <paramref name="size"/>, or throws when it is unknown (-1) but <paramref name="weight"/> needs it.</summary>
    /// <exception cref="InvalidOperationException">The size is unknown.</exception>
    protected long Known(long size, string dimension, string weight) => size > 0
        ? size
        : throw new InvalidOperationException(
            $"{name} needs '{dimension}' known to build weight '{weight}', found an unknown size; declare it in the model's [Input].");

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, which the signature requires to be exact.</summary>
    /// <exception cref="ArgumentException">The division leaves a remainder or divides by zero.</exception>
    protected long Divide(long numerator, long denominator, string expression) =>
        denominator != 0 && numerator % denominator == 0
            ? numerator / denominator
            : throw new ArgumentException($"{name}: '{expression}' must divide exactly, found {numerator} / {denominator}.");

    /// <summary>The <paramref name="count"/> dimensions of <paramref name="shape"/> from <paramref name="start"/> (what <c>...</c> matched).</summary>
    protected static long[] Slice(long[] shape, int start, int count) => shape.Skip(start).Take(count).ToArray();

    /// <summary>The dimensions of each part, in order.</summary>
    protected static long[] Concat(params long[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Creates the trainable weight <paramref name="weightName"/> of <paramref name="shape"/> filled by <paramref name="initializer"/>.</summary>
    /// <exception cref="ArgumentException">A size is not positive.</exception>
    protected Parameter AddWeight(string weightName, Initializer initializer, params long[] shape)
    {
        if (shape.Any(d => d <= 0))
        {
            throw new ArgumentException(
                $"{name}: weight '{weightName}' must have positive sizes, found ({string.Join(", ", shape)}).", nameof(shape));
        }

        return LayerWeights.Add(this, weightName, shape, WeightInitializers.For(initializer));
    }

    /// <summary>The weight registered as <paramref name="weightName"/>.</summary>
    /// <exception cref="InvalidOperationException">The layer is not built.</exception>
    protected Parameter GetWeight(string weightName) => LayerWeights.Get(this, weightName);

    /// <summary>
    /// Converts the weights for <c>Module.to(dtype/device)</c> and registers them again under their
    /// names. TorchSharp's own epilog also assigns members named like a parameter by reflection,
    /// which fails on a public get-only weight property; the generated properties look weights up
    /// by name, so re-registering is all they need.
    /// </summary>
    protected override void _toEpilog(ScalarType? dtype, Device? device, bool non_blocking)
    {
        using var noGrad = no_grad();
        foreach (var (weightName, parameter) in named_parameters(recurse: false).ToList())
        {
            Tensor converted = parameter.detach();
            if (dtype is { } type && converted.dtype != type)
            {
                converted = converted.to_type(type);
            }

            if (device is not null && converted.device != device)
            {
                converted = converted.to(device, non_blocking: non_blocking);
            }

            var replacement = new Parameter(converted, parameter.requires_grad);
            replacement.DetachFromDisposeScope();
            ConditionallyRegisterParameter(weightName, replacement);
        }
    }

    /// <summary>
    /// Returns <paramref name="outputs"/> after checking, on the first call only, that its shape is
    /// the one the output signature promises for <paramref name="inputs"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The output breaks the contract.</exception>
    protected Tensor CheckOutput(Tensor inputs, Tensor outputs)
    {
        if (IsOutputChecked)
        {
            return outputs;
        }

        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var input = inputs.shape;
        var expected = ExpectedOutputShape(input.Skip(1).ToArray());
        var actual = outputs.shape;
        if (actual.Length != expected.Length + 1 || actual[0] != input[0] || !actual.Skip(1).SequenceEqual(expected))
        {
            var promised = ShapeText.Of(new[] { input[0] }.Concat(expected));
            throw new InvalidOperationException(
                $"{name}.Call broke its [Layer] contract: for input {ShapeText.Of(input)} the declared output {OutputSignature} " +
                $"is {promised}, found {ShapeText.Of(actual)}.");
        }

        IsOutputChecked = true;
        return outputs;
    }
}
