using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads the activation layers (ReLU, LeakyReLU, PReLU, Softmax), Rescaling and SpatialDropout1D/2D,
/// checking their constant arguments as Keras' constructors do (STK0004, STK0010).
/// </summary>
internal static class ActivationLayerReader
{
    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        switch (type)
        {
            case "ReLU":
            {
                var maxValue = arguments.NullableDouble("maxValue");
                var slope = arguments.Double("negativeSlope");
                var threshold = arguments.Double("threshold");
                if (maxValue is { } max)
                {
                    arguments.Require(max >= 0, "maxValue", "null or at least 0", Formatting.Double(max));
                }

                RequireNonNegative(arguments, "negativeSlope", slope);
                RequireNonNegative(arguments, "threshold", threshold);
                return Preserving(arguments, type, name, identifier, location);
            }

            case "LeakyReLU":
                RequireNonNegative(arguments, "negativeSlope", arguments.Double("negativeSlope"));
                return Preserving(arguments, type, name, identifier, location);

            case "Rescaling":
                arguments.Double("scale");
                arguments.Double("offset");
                return Preserving(arguments, type, name, identifier, location);

            case "Softmax":
                return arguments.Int("axis") is { } axis && arguments.IsValid
                    ? new SoftmaxDeclaration(name, identifier, location, arguments.Sites, axis)
                    : null;

            case "PReLU":
            {
                var shared = arguments.Ints("sharedAxes", []);
                if (shared is null)
                {
                    return null;
                }

                arguments.Require(shared.All(a => a >= 1), "sharedAxes", "feature axes (1 or more: the batch is axis 0)", "[" + string.Join(", ", shared) + "]");
                return arguments.IsValid ? new PReLUDeclaration(name, identifier, location, arguments.Sites, shared.ToEquatableArray()) : null;
            }

            default:   // SpatialDropout1D, SpatialDropout2D
            {
                if (arguments.Double("rate") is { } rate)
                {
                    arguments.Require(DropoutRule.IsValidRate(rate), "rate", "in [0, 1]", Formatting.Double(rate));
                }

                var spatial = type.EndsWith("1D", System.StringComparison.Ordinal) ? 1 : 2;
                var format = spatial == 1 ? DataFormatKind.ChannelsLast : arguments.Choice<DataFormatKind>("dataFormat");
                return arguments.IsValid && format is { } df
                    ? new SpatialDropoutDeclaration(name, identifier, location, arguments.Sites, type, spatial, df)
                    : null;
            }
        }
    }

    private static void RequireNonNegative(LayerArguments arguments, string parameter, double? value)
    {
        if (value is { } v)
        {
            arguments.Require(v >= 0, parameter, "at least 0", Formatting.Double(v));
        }
    }

    private static LayerDeclaration? Preserving(LayerArguments arguments, string type, string name, string identifier, SourceLocation location) =>
        arguments.IsValid ? new ShapePreservingDeclaration(name, identifier, location, arguments.Sites, type) : null;
}
