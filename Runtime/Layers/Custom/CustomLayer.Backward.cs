using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>A hand-written backward: the generated Call of a layer that declares <c>Backward(inputs, gradOutput)</c> runs through <see cref="CustomBackwardFunction"/>.</summary>
public abstract partial class CustomLayer
{
    private Func<Tensor, Tensor>? _forward;
    private Func<Tensor, Tensor, Tensor>? _backward;
    private Exception? _backwardFailure;
    private readonly Dictionary<Parameter, Tensor> _weightGradients = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Runs <paramref name="call"/> on <paramref name="inputs"/> through an autograd function whose
    /// backward is <paramref name="backward"/>(inputs, gradOutput): it returns the input gradient
    /// and gives each weight's gradient with <see cref="AddGradient"/>; a weight it gives none gets zeros.
    /// </summary>
    protected Tensor CallWithBackward(Tensor inputs, Func<Tensor, Tensor> call, Func<Tensor, Tensor, Tensor> backward)
    {
        ThrowBackwardFailure();
        (_forward, _backward) = (call, backward);
        object[] arguments = [this, inputs, .. named_parameters(recurse: false).Select(p => (object)p.parameter)];
        return CustomBackwardFunction.apply(arguments);
    }

    /// <summary>Gives <paramref name="weight"/>'s gradient from a hand-written Backward (added to any given before in the same backward).</summary>
    /// <exception cref="ArgumentException">The gradient's shape is not the weight's.</exception>
    protected void AddGradient(Parameter weight, Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(gradient);
        if (!weight.shape.SequenceEqual(gradient.shape))
        {
            throw new ArgumentException(
                $"{name}.Backward: the gradient of a weight of shape {ShapeText.Of(weight.shape)} must have its shape, found {ShapeText.Of(gradient.shape)}.", nameof(gradient));
        }

        _weightGradients[weight] = _weightGradients.TryGetValue(weight, out var sum) ? sum + gradient : gradient;
    }

    /// <summary>The user's Call, for <see cref="CustomBackwardFunction"/>.</summary>
    internal Tensor ForwardForBackward(Tensor inputs) => _forward!(inputs);

    /// <summary>No gradient for the layer argument, then the input gradient and each weight's, in registration order, for <see cref="CustomBackwardFunction"/>.</summary>
    /// <remarks>
    /// TorchSharp calls this from native code, where an exception would end the process: a failure
    /// gives zero gradients and is thrown by the layer's next call (see <see cref="ThrowBackwardFailure"/>).
    /// </remarks>
    internal List<Tensor> BackwardGradients(Tensor inputs, Tensor gradOutput)
    {
        try
        {
            return ComputeBackwardGradients(inputs, gradOutput);
        }
        catch (Exception exception)
        {
            _backwardFailure = exception;
            _weightGradients.Clear();
            var zeros = new List<Tensor> { null!, zeros_like(inputs) };
            zeros.AddRange(named_parameters(recurse: false).Select(p => zeros_like(p.parameter)));
            return zeros;
        }
    }

    /// <summary>Throws, once, the exception a hand-written Backward threw during the last backward pass.</summary>
    /// <exception cref="InvalidOperationException">The last Backward failed.</exception>
    protected void ThrowBackwardFailure()
    {
        if (_backwardFailure is { } failure)
        {
            _backwardFailure = null;
            throw new InvalidOperationException($"{name}.Backward failed during the last backward pass (its gradients were zeros): {failure.Message}", failure);
        }
    }

    private List<Tensor> ComputeBackwardGradients(Tensor inputs, Tensor gradOutput)
    {
        _weightGradients.Clear();
        var inputGradient = _backward!(inputs, gradOutput);
        if (!inputGradient.shape.SequenceEqual(inputs.shape))
        {
            throw new InvalidOperationException(
                $"{name}.Backward must return the gradient of the inputs, of shape {ShapeText.Of(inputs.shape)}, found {ShapeText.Of(inputGradient.shape)}.");
        }

        // One gradient per argument of CustomBackwardFunction.apply: none for the layer itself.
        var gradients = new List<Tensor> { null!, inputGradient };
        foreach (var (_, weight) in named_parameters(recurse: false))
        {
            gradients.Add(_weightGradients.TryGetValue(weight, out var gradient) ? gradient : zeros_like(weight));
        }

        _weightGradients.Clear();
        return gradients;
    }
}
