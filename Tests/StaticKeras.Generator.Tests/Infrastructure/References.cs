using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// The references a user's project compiles against: the .NET shared framework (from the test
/// host's TRUSTED_PLATFORM_ASSEMBLIES), StaticKeras.Runtime and its Attributes, and TorchSharp,
/// taken from the assemblies this test project loads.
/// </summary>
public static class References
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> LazyAll = new(Load);

    /// <summary>Every reference.</summary>
    public static IReadOnlyList<MetadataReference> All => LazyAll.Value;

    /// <summary>The references without StaticKeras.Runtime (for the "runtime not referenced" case).</summary>
    public static IReadOnlyList<MetadataReference> WithoutRuntime =>
        All.Where(r => !string.Equals(Path.GetFileName(r.Display), "StaticKeras.Runtime.dll", StringComparison.Ordinal)).ToList();

    private static IReadOnlyList<MetadataReference> Load()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var paths = trusted
            .Where(p => string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal) && IsManaged(p))
            .Concat(
            [
                typeof(StaticKeras.Model).Assembly.Location,
                typeof(StaticKeras.SequentialAttribute).Assembly.Location,
                typeof(TorchSharp.torch).Assembly.Location,
            ])
            .Distinct()
            .OrderBy(p => p, StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
