using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads Reshape, Permute, ZeroPadding2D, UpSampling2D and global pooling arguments (STK0004, STK0010).</summary>
internal static class ReshapingLayerReader
{
    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, int spatial, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        switch (type)
        {
            case "Reshape":
            {
                var target = arguments.Ints("targetShape", []);
                if (target is null)
                {
                    return null;
                }

                arguments.Require(ReshapeRule.IsValidTarget(target), "targetShape", "positive sizes and at most one -1", ReshapeRule.Describe(target));
                return arguments.IsValid ? new ReshapeDeclaration(name, identifier, location, arguments.Sites, target.ToEquatableArray()) : null;
            }

            case "Permute":
            {
                var dims = arguments.Ints("dims", []);
                if (dims is null)
                {
                    return null;
                }

                arguments.Require(PermuteRule.IsPermutation(dims), "dims", "a permutation of 1.." + Formatting.Number(dims.Length), "(" + string.Join(", ", dims) + ")");
                return arguments.IsValid ? new PermuteDeclaration(name, identifier, location, arguments.Sites, dims.ToEquatableArray()) : null;
            }

            case "ZeroPadding2D":
                return ZeroPadding(creation, arguments, name, identifier, location);

            case "Cropping1D":
            {
                if (arguments.Sizes("cropping", 2, [1, 1]) is not { } crop)
                {
                    return null;
                }

                arguments.Require(crop[0] >= 0 && crop[1] >= 0, "cropping", "at least 0", InputChecks.Window(crop));
                return arguments.IsValid
                    ? new CroppingDeclaration(name, identifier, location, arguments.Sites, type, crop.ToEquatableArray(), EquatableArray.Of("cropping"))
                    : null;
            }

            case "Cropping2D":
                return Cropping2D(creation, arguments, name, identifier, location);

            case "UpSampling2D":
            {
                var size = arguments.Sizes("size", 2, [2, 2]);
                var interpolation = arguments.Choice<InterpolationKind>("interpolation");
                var format = arguments.Choice<DataFormatKind>("dataFormat");
                if (size is null || interpolation is null || format is not { } df)
                {
                    return null;
                }

                ConvLayerReader.RequirePositive(arguments, "size", size);
                return arguments.IsValid ? new UpSampling2DDeclaration(name, identifier, location, arguments.Sites, size[0], size[1], df) : null;
            }

            default:
            {
                var keepdims = arguments.Bool("keepdims");
                var format = arguments.Choice<DataFormatKind>("dataFormat");
                return keepdims is { } k && format is { } df
                    ? new GlobalPoolingDeclaration(name, identifier, location, arguments.Sites, type, spatial, k, df)
                    : null;
            }
        }
    }

    // Two constructors, as ZeroPadding2D's: Cropping2D(Size2D? cropping = null), the same at both
    // ends of each axis (0 by default), and Cropping2D((top, bottom) height, (left, right) width).
    private static LayerDeclaration? Cropping2D(LayerCreation creation, LayerArguments arguments, string name, string identifier, SourceLocation location)
    {
        if (Sides(creation, arguments, "cropping", [0, 0]) is not { } sides || arguments.Choice<DataFormatKind>("dataFormat") is not { } format)
        {
            return null;
        }

        var (crops, parameters) = sides;

        var axes = parameters.Length == 2 ? EquatableArray.Of("height", "width") : EquatableArray.Of("cropping", "cropping");
        return arguments.IsValid ? new CroppingDeclaration(name, identifier, location, arguments.Sites, "Cropping2D", crops.ToEquatableArray(), axes, format) : null;
    }

    // Two constructors: ZeroPadding2D(Size2D? padding = null), the same on both sides of each axis
    // (1 by default), and ZeroPadding2D((top, bottom) height, (left, right) width).
    private static LayerDeclaration? ZeroPadding(LayerCreation creation, LayerArguments arguments, string name, string identifier, SourceLocation location)
    {
        if (Sides(creation, arguments, "padding", [1, 1]) is not { Amounts: var pads } || arguments.Choice<DataFormatKind>("dataFormat") is not { } format)
        {
            return null;
        }

        return arguments.IsValid ? new ZeroPadding2DDeclaration(name, identifier, location, arguments.Sites, pads[0], pads[1], pads[2], pads[3], format) : null;
    }

    // The amounts (top, bottom, left, right) of Cropping2D's and ZeroPadding2D's two constructors: one
    // size the same at both ends of each axis (parameter `single`, `fallback` by default), or (top, bottom)
    // height and (left, right) width; with the parameters they were read from. Null when one is wrong (reported).
    private static (System.Collections.Generic.List<int> Amounts, string[] Parameters)? Sides(LayerCreation creation, LayerArguments arguments, string single, int[] fallback)
    {
        var parameters = HasParameter(creation, "height") ? new[] { "height", "width" } : [single];
        var amounts = new System.Collections.Generic.List<int>();
        foreach (var parameter in parameters)
        {
            if (arguments.Sizes(parameter, 2, fallback) is not { } pair)
            {
                return null;
            }

            arguments.Require(pair[0] >= 0 && pair[1] >= 0, parameter, "at least 0", InputChecks.Window(pair));
            amounts.AddRange(parameters.Length == 2 ? pair : [pair[0], pair[0], pair[1], pair[1]]);
        }

        return (amounts, parameters);
    }

    // Which of a layer's two constructors was called: the one with this parameter, or the other.
    private static bool HasParameter(LayerCreation creation, string parameter) =>
        creation.Constructor?.Parameters.Any(p => p.Name == parameter) == true;
}
