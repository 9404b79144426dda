using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Reading;

/// <summary>The metadata names of the StaticKeras types the generator reads, and how to recognise them.</summary>
internal static class KnownTypes
{
    /// <summary><c>[Sequential]</c>, the attribute the pipeline starts from.</summary>
    public const string SequentialAttribute = "StaticKeras.SequentialAttribute";

    /// <summary><c>[Model]</c>, the attribute of a functional model.</summary>
    public const string ModelAttribute = "StaticKeras.ModelAttribute";

    /// <summary><c>[ExportOnnx]</c>: the model is exported to ONNX, so layers without an ONNX form are errors.</summary>
    public const string ExportOnnxAttribute = "StaticKeras.ExportOnnxAttribute";

    /// <summary><c>[Graph]</c> on the method that wires a functional model's layers.</summary>
    public const string GraphAttribute = "StaticKeras.GraphAttribute";

    /// <summary>TorchSharp's tensor, the type of graph inputs and outputs.</summary>
    public const string Tensor = "TorchSharp.torch+Tensor";

    /// <summary><c>[Input(...)]</c>.</summary>
    public const string InputAttribute = "StaticKeras.InputAttribute";

    /// <summary><c>[Compile(...)]</c>.</summary>
    public const string CompileAttribute = "StaticKeras.CompileAttribute";

    /// <summary>The per-output training attribute of a model with several outputs.</summary>
    public const string OutputAttribute = "StaticKeras.OutputAttribute";

    /// <summary>The runtime's model base class.</summary>
    public const string Model = "StaticKeras.Model";

    /// <summary>The runtime's layer base class.</summary>
    public const string Layer = "StaticKeras.Layers.Layer";

    /// <summary>The runtime's base of the merge layers (Add, Concatenate, ...), which take several tensors.</summary>
    public const string MergeLayer = "StaticKeras.Layers.MergeLayer";

    /// <summary>The runtime's base of the layers called on a query and a value (MultiHeadAttention), read in both model kinds.</summary>
    public const string MultiInputLayer = "StaticKeras.Layers.MultiInputLayer";

    /// <summary>The assembly of <see cref="Model"/>, <see cref="Layer"/> and the built-in layers.</summary>
    public const string RuntimeAssembly = "StaticKeras.Runtime";

    /// <summary>The assembly of <see cref="Tensor"/>.</summary>
    public const string TorchSharpAssembly = "TorchSharp";

    /// <summary>The built-in <c>Dense</c> layer.</summary>
    public const string Dense = "StaticKeras.Layers.Dense";

    /// <summary>The built-in <c>Flatten</c> layer.</summary>
    public const string Flatten = "StaticKeras.Layers.Flatten";

    /// <summary>The built-in <c>Dropout</c> layer.</summary>
    public const string Dropout = "StaticKeras.Layers.Dropout";

    /// <summary>The built-in <c>ActivationLayer</c> (Keras' <c>Activation</c>).</summary>
    public const string ActivationLayer = "StaticKeras.Layers.ActivationLayer";

    private const string LayersNamespace = "StaticKeras.Layers.";

    // The full names of the runtime's layer types, built once: every layer of every model asks on every keystroke.
    private static readonly ConcurrentDictionary<string, string> s_layerNames = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="type"/> is the type called <paramref name="metadataName"/>.</summary>
    public static bool Is(ITypeSymbol? type, string metadataName)
    {
        if (type is null)
        {
            return false;
        }

        // Compare from the type's name outwards without building the full name: this runs for
        // every attribute and member of every model on every keystroke.
        var end = metadataName.Length;
        ISymbol current = type;
        while (true)
        {
            var name = current.MetadataName;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(metadataName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (current.ContainingNamespace is not { IsGlobalNamespace: false } ns)
            {
                return start == 0;
            }

            if (start == 0 || metadataName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
            current = ns;
        }
    }

    /// <summary>Whether <paramref name="type"/> is or derives from <paramref name="baseType"/>.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A type's namespace-qualified metadata name: <c>StaticKeras.Layers.Dense</c>.</summary>
    public static string FullName(ITypeSymbol type)
    {
        var name = type.MetadataName;
        if (type.ContainingNamespace is { Name: "Layers", ContainingNamespace: { Name: "StaticKeras", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return s_layerNames.GetOrAdd(name, static n => LayersNamespace + n);
        }

        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.MetadataName + "." + name;
        }

        return name;
    }
}
