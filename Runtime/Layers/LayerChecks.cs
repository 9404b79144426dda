using System;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>Argument and shape checks shared by the built-in layers, with messages naming expected and found.</summary>
internal static class LayerChecks
{
    /// <summary>Writes a shape without batch as Keras does with the batch first: <c>(batch, 28, 28, 1)</c>, -1 as <c>None</c>.</summary>
    public static string Describe(long[] shapeWithoutBatch) =>
        "(" + string.Join(", ", shapeWithoutBatch.Select(d => d < 0 ? "None" : d.ToString()).Prepend("batch")) + ")";

    /// <summary>Writes the full shape of a tensor: <c>(32, 28, 28, 1)</c>.</summary>
    public static string Describe(Tensor tensor) => "(" + string.Join(", ", tensor.shape) + ")";

    /// <summary>The shape of <paramref name="inputs"/> without its batch axis.</summary>
    public static long[] WithoutBatch(Tensor inputs) => inputs.shape.Skip(1).ToArray();

    /// <summary>Throws unless <paramref name="value"/> is at least 1.</summary>
    public static void Positive(string layer, string argument, long value)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(argument, value, $"{layer}: {argument} must be a positive integer, found {value}.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is zero or more.</summary>
    public static void NonNegative(string layer, string argument, long value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(argument, value, $"{layer}: {argument} must be zero or positive, found {value}.");
        }
    }

    /// <summary>Throws unless a build shape (batch excluded) has <paramref name="rank"/> dimensions, each known or -1.</summary>
    /// <param name="layer">The layer's type name.</param>
    /// <param name="inputShape">The shape given to Build.</param>
    /// <param name="rank">The rank the layer needs, batch excluded.</param>
    /// <param name="layout">The axes the layer expects, batch included, such as <c>(batch, height, width, channels)</c>.</param>
    public static void Rank(string layer, long[] inputShape, int rank, string layout)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != rank)
        {
            throw new ArgumentException(
                $"{layer} expects inputs of rank {rank + 1} {layout}, found input shape {Describe(inputShape)}.",
                nameof(inputShape));
        }

        Dimensions(layer, inputShape);
    }

    /// <summary>Throws when a build shape holds a dimension that is neither positive nor -1 (unknown).</summary>
    public static void Dimensions(string layer, long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Any(d => d == 0 || d < -1))
        {
            throw new ArgumentException(
                $"{layer}: input dimensions must be positive or -1 (unknown), found input shape {Describe(inputShape)}.",
                nameof(inputShape));
        }
    }

    /// <summary>Throws unless the dimension a layer sizes its weights by is known.</summary>
    public static long Known(string layer, long[] inputShape, int axis, string axisName)
    {
        long size = inputShape[axis];
        if (size < 0)
        {
            throw new ArgumentException(
                $"{layer} needs the {axisName} dimension known to create its weights, found input shape {Describe(inputShape)}.",
                nameof(inputShape));
        }

        return size;
    }

    /// <summary>Throws unless a tensor given to Call has <paramref name="rank"/> dimensions, batch included.</summary>
    public static void Rank(string layer, Tensor inputs, int rank, string layout)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() != rank)
        {
            throw new ArgumentException(
                $"{layer} expects inputs of rank {rank} {layout}, found shape {Describe(inputs)}.", nameof(inputs));
        }
    }

    /// <summary>Throws unless the tensor's <paramref name="axis"/> has the size the layer was built for.</summary>
    public static void Size(string layer, Tensor inputs, int axis, long expected, string axisName)
    {
        if (inputs.shape[axis] != expected)
        {
            throw new ArgumentException(
                $"{layer} was built for {expected} {axisName}, found inputs of shape {Describe(inputs)}.", nameof(inputs));
        }
    }

    /// <summary>Throws unless the tensor holds floating-point values.</summary>
    public static void Floating(string layer, Tensor inputs)
    {
        if (!inputs.is_floating_point())
        {
            throw new ArgumentException(
                $"{layer} expects floating-point inputs, found {inputs.dtype} of shape {Describe(inputs)}.", nameof(inputs));
        }
    }

    /// <summary>Throws for a value outside the <see cref="Activation"/> enum.</summary>
    public static void Defined(string layer, string argument, Activation activation)
    {
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(argument, activation, $"{layer}: unknown {argument} {activation}.");
        }
    }
}
