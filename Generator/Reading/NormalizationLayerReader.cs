using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads <c>BatchNormalization</c> and <c>LayerNormalization</c> arguments (STK0004, STK0010).</summary>
internal static class NormalizationLayerReader
{
    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
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
}
