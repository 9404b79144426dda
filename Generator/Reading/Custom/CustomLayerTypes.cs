using System.Linq;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>The metadata names custom layers involve, and how to recognise a <c>[Layer]</c> class.</summary>
internal static class CustomLayerTypes
{
    /// <summary><c>[Layer(Input = ..., Output = ...)]</c>, the attribute the custom-layer pipeline starts from.</summary>
    public const string LayerAttribute = "StaticKeras.LayerAttribute";

    /// <summary><c>[Weight(shape, initializer)]</c>.</summary>
    public const string WeightAttribute = "StaticKeras.WeightAttribute";

    /// <summary>The runtime base the generator gives custom layers.</summary>
    public const string CustomLayer = "StaticKeras.Layers.CustomLayer";

    /// <summary>TorchSharp's parameter type, the type of weight properties.</summary>
    public const string Parameter = "TorchSharp.Modules.Parameter";

    /// <summary>TorchSharp's tensor (a nested type: <c>torch+Tensor</c> in metadata).</summary>
    public const string Tensor = "TorchSharp.torch+Tensor";

    /// <summary>The <c>[Layer]</c> attribute on <paramref name="type"/>, if it has one.</summary>
    public static AttributeData? LayerAttributeOf(ITypeSymbol? type) =>
        type?.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && KnownTypes.Is(c, LayerAttribute));

    /// <summary>Whether <paramref name="type"/> is a <c>[Layer]</c> class (a layer once its generated part exists).</summary>
    public static bool IsCustomLayer(ITypeSymbol? type) => LayerAttributeOf(type) is not null;

    /// <summary>Whether <paramref name="type"/> is TorchSharp's tensor.</summary>
    public static bool IsTensor(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Tensor", ContainingType: { Name: "torch" } torch } && torch.ContainingNamespace?.ToDisplayString() == "TorchSharp";
}
