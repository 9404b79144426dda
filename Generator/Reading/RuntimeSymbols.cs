using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Reading.Custom;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// The runtime's and TorchSharp's types the readers compare with, found once per compilation for all
/// its models. The compilation's own <see cref="Compilation.GetTypeByMetadataName"/> searches every
/// reference (about 170 for a .NET project) for each name on each new compilation, that is, on every
/// keystroke: this looks in the project's own assembly, then in the assembly that should hold the
/// type, and searches every reference only when neither has it.
/// </summary>
internal sealed class RuntimeSymbols
{
    private static readonly ConditionalWeakTable<Compilation, RuntimeSymbols> s_cache = new();

    private RuntimeSymbols(Compilation compilation)
    {
        Model = Find(compilation, KnownTypes.Model, KnownTypes.RuntimeAssembly);
        Layer = Find(compilation, KnownTypes.Layer, KnownTypes.RuntimeAssembly);
        MergeLayer = Find(compilation, KnownTypes.MergeLayer, KnownTypes.RuntimeAssembly);
        MultiInputLayer = Find(compilation, KnownTypes.MultiInputLayer, KnownTypes.RuntimeAssembly);
        CustomLayer = Find(compilation, CustomLayerTypes.CustomLayer, KnownTypes.RuntimeAssembly);
        Tensor = Find(compilation, KnownTypes.Tensor, KnownTypes.TorchSharpAssembly);
    }

    /// <summary>The runtime's model base class.</summary>
    public INamedTypeSymbol? Model { get; }

    /// <summary>The runtime's layer base class.</summary>
    public INamedTypeSymbol? Layer { get; }

    /// <summary>The base of the merge layers.</summary>
    public INamedTypeSymbol? MergeLayer { get; }

    /// <summary>The base of the layers called on a query and a value.</summary>
    public INamedTypeSymbol? MultiInputLayer { get; }

    /// <summary>The base a <c>[Layer]</c> class's generated part adds.</summary>
    public INamedTypeSymbol? CustomLayer { get; }

    /// <summary>TorchSharp's tensor.</summary>
    public INamedTypeSymbol? Tensor { get; }

    /// <summary>The types of <paramref name="compilation"/>, found on the first call for it.</summary>
    public static RuntimeSymbols Of(Compilation compilation) => s_cache.GetValue(compilation, static c => new RuntimeSymbols(c));

    private static INamedTypeSymbol? Find(Compilation compilation, string metadataName, string assemblyName)
    {
        if (compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
        {
            return own;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == assemblyName)
            {
                return assembly.GetTypeByMetadataName(metadataName) ?? compilation.GetTypeByMetadataName(metadataName);
            }
        }

        return compilation.GetTypeByMetadataName(metadataName);
    }
}
