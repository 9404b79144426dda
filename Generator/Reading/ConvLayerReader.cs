using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads the convolution and pooling layers' arguments, checking each constant (STK0004, STK0010).</summary>
internal static class ConvLayerReader
{
    /// <summary><c>Conv1D</c> (<paramref name="spatial"/> 1), <c>Conv2D</c> or <c>Conv2DTranspose</c>; null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Conv(LayerCreation creation, string type, int spatial, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        var ones = Enumerable.Repeat(1, spatial).ToArray();
        var filters = arguments.Int("filters");
        var kernel = arguments.Sizes("kernelSize", spatial, ones);
        var activation = arguments.Activation("activation");
        var strides = arguments.Sizes("strides", spatial, ones);
        var padding = arguments.Choice<PaddingKind>("padding");
        var dilation = arguments.Sizes("dilationRate", spatial, ones);
        var transposed = type == "Conv2DTranspose";
        var groups = transposed ? 1 : arguments.Int("groups");
        var outputPadding = transposed ? arguments.Sizes("outputPadding", spatial, []) : [];
        var useBias = arguments.Bool("useBias");
        var format = arguments.Choice<DataFormatKind>("dataFormat");
        if (filters is not { } f || kernel is null || activation is not { } a || strides is null || padding is not { } p
            || dilation is null || groups is not { } g || outputPadding is null || useBias is not { } b || format is not { } df)
        {
            return null;
        }

        arguments.Require(f > 0, "filters", "a positive int", Formatting.Number(f));
        RequirePositive(arguments, "kernelSize", kernel);
        RequirePositive(arguments, "strides", strides);
        RequirePositive(arguments, "dilationRate", dilation);
        arguments.Require(g > 0 && f % g == 0, "groups", "a positive divisor of filters " + Formatting.Number(f), Formatting.Number(g));
        arguments.Require(
            strides.All(s => s == 1) || dilation.All(d => d == 1),
            "dilationRate",
            "1 when strides are above 1 (Keras rejects both)",
            InputChecks.Window(dilation) + " with strides " + InputChecks.Window(strides));
        arguments.Require(p != PaddingKind.Causal || spatial == 1, "padding", "Valid or Same (Causal is for Conv1D)", p.ToString());
        if (outputPadding.Length > 0)
        {
            arguments.Require(
                outputPadding.Select((o, i) => o >= 0 && o < strides[i]).All(ok => ok),
                "outputPadding",
                "at least 0 and below strides " + InputChecks.Window(strides),
                InputChecks.Window(outputPadding));
        }

        return arguments.IsValid
            ? new ConvDeclaration(name, identifier, location, arguments.Sites, type, f, kernel.ToEquatableArray(), strides.ToEquatableArray(),
                dilation.ToEquatableArray(), p, g, a, b, outputPadding.ToEquatableArray(), df)
            : null;
    }

    /// <summary><c>DepthwiseConv2D</c> or <c>SeparableConv2D</c>; null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? DepthwiseConv(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        var ones = new[] { 1, 1 };
        var separable = type == "SeparableConv2D";
        var filters = separable ? arguments.Int("filters") : 0;
        var kernel = arguments.Sizes("kernelSize", 2, ones);
        var activation = arguments.Activation("activation");
        var strides = arguments.Sizes("strides", 2, ones);
        var padding = arguments.Choice<PaddingKind>("padding");
        var dilation = arguments.Sizes("dilationRate", 2, ones);
        var multiplier = arguments.Int("depthMultiplier");
        var useBias = arguments.Bool("useBias");
        var format = arguments.Choice<DataFormatKind>("dataFormat");
        if (filters is not { } f || kernel is null || activation is not { } a || strides is null || padding is not { } p
            || dilation is null || multiplier is not { } m || useBias is not { } b || format is not { } df)
        {
            return null;
        }

        if (separable)
        {
            arguments.Require(f > 0, "filters", "a positive int", Formatting.Number(f));
        }

        RequirePositive(arguments, "kernelSize", kernel);
        RequirePositive(arguments, "strides", strides);
        RequirePositive(arguments, "dilationRate", dilation);
        arguments.Require(m > 0, "depthMultiplier", "a positive int", Formatting.Number(m));
        arguments.Require(p != PaddingKind.Causal, "padding", "Valid or Same", p.ToString());
        return arguments.IsValid
            ? new DepthwiseConvDeclaration(name, identifier, location, arguments.Sites, type, separable ? f : null, kernel.ToEquatableArray(),
                strides.ToEquatableArray(), dilation.ToEquatableArray(), p, m, a, b, df)
            : null;
    }

    /// <summary>A pooling layer over <paramref name="spatial"/> axes; null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Pooling(LayerCreation creation, string type, int spatial, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        var pool = arguments.Sizes("poolSize", spatial, Enumerable.Repeat(2, spatial).ToArray());
        var strides = pool is null ? null : arguments.Sizes("strides", spatial, pool);
        var padding = arguments.Choice<PaddingKind>("padding");
        var format = arguments.Choice<DataFormatKind>("dataFormat");
        if (pool is null || strides is null || padding is not { } p || format is not { } df)
        {
            return null;
        }

        RequirePositive(arguments, "poolSize", pool);
        RequirePositive(arguments, "strides", strides);
        arguments.Require(p != PaddingKind.Causal, "padding", "Valid or Same", p.ToString());
        return arguments.IsValid
            ? new PoolingDeclaration(name, identifier, location, arguments.Sites, type, pool.ToEquatableArray(), strides.ToEquatableArray(), p, df)
            : null;
    }

    /// <summary>Reports STK0010 unless every size is positive.</summary>
    public static void RequirePositive(LayerArguments arguments, string parameter, int[] sizes) =>
        arguments.Require(sizes.All(s => s > 0), parameter, "positive", InputChecks.Window(sizes));
}
