using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads <c>BatchNormalization</c>, <c>LayerNormalization</c> and <c>Normalization</c> arguments (STK0004, STK0010).</summary>
internal static class NormalizationLayerReader
{
    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        if (type == "Normalization")
        {
            return Preprocessing(arguments, name, identifier, location);
        }

        var batch = type == "BatchNormalization";
        var axes = batch ? arguments.Int("axis") is { } axis ? [axis] : null : arguments.Ints("axis", [-1]);
        var momentum = batch ? arguments.Double("momentum") : 0.0;
        var epsilon = arguments.Double("epsilon");
        var center = arguments.Bool("center");
        var scale = arguments.Bool("scale");
        if (axes is null || momentum is not { } m || epsilon is not { } e || center is not { } c || scale is not { } s)
        {
            return null;
        }

        arguments.Require(axes.Length > 0, "axis", "at least one axis", "[]");
        if (batch)
        {
            arguments.Require(BatchNormalizationRule.IsValidMomentum(m), "momentum", "in [0, 1]", Formatting.Double(m));
        }

        arguments.Require(e > 0 && !double.IsInfinity(e), "epsilon", "a positive number", Formatting.Double(e));
        if (!arguments.IsValid)
        {
            return null;
        }

        return batch
            ? new BatchNormalizationDeclaration(name, identifier, location, arguments.Sites, axes[0], c, s)
            : new LayerNormalizationDeclaration(name, identifier, location, arguments.Sites, axes.ToEquatableArray(), c, s);
    }

    // Keras' Normalization.__init__ checks: mean and variance together, of one shape, of a rank the axes allow
    // (a single value here is Keras' scalar); the batch axis is never known, so Keras' build rejects it too.
    private static NormalizationDeclaration? Preprocessing(LayerArguments arguments, string name, string identifier, SourceLocation location)
    {
        var axes = arguments.Ints("axis", [-1]);
        var constant = arguments.TryDoubles("mean", out var mean) & arguments.TryDoubles("variance", out var variance);
        arguments.Bool("invert");
        if (axes is null || !constant)
        {
            return null;
        }

        arguments.Require(!axes.Contains(0), "axis", "feature axes (the batch is axis 0, its size unknown)", "[" + string.Join(", ", axes) + "]");
        if (mean is null != variance is null)
        {
            var (given, missing) = mean is null ? ("variance", "mean") : ("mean", "variance");
            arguments.Require(false, given, $"given together with {missing} (Keras: both or neither)", $"{missing} null");
        }
        else if (mean is not null)
        {
            arguments.Require(mean.Length > 0, "mean", "at least one value", "[]");
            arguments.Require(mean.Length == variance!.Length, "variance", "as many values as mean (" + mean.Length + ")", Formatting.Number(variance.Length));
            arguments.Require(axes.Length > 0 || mean.Length <= 1, "mean", "a single value with axis [] (Keras: the rank of mean at most the number of axes)", Formatting.Number(mean.Length) + " values");
        }

        return arguments.IsValid
            ? new NormalizationDeclaration(name, identifier, location, arguments.Sites, axes.ToEquatableArray(), mean?.Length ?? 0)
            : null;
    }
}
