using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="ModelGenerator"/> through Roslyn's <see cref="CSharpGeneratorDriver"/> as a build would.</summary>
public static class GeneratorRunner
{
    /// <summary>The assembly name of test compilations.</summary>
    public const string DefaultAssemblyName = "GeneratorTestInput";

    /// <summary>C# as the repository builds it.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Compiles <paramref name="sources"/> (files Model0.cs, Model1.cs, ...) and runs the generator on them.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(DefaultAssemblyName, References.All, sources);

    /// <summary>Compiles and runs the generator with a given assembly name and references.</summary>
    public static GeneratorRun Run(string assemblyName, IReadOnlyList<MetadataReference> references, params string[] sources)
    {
        var trees = sources
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Model{i}.cs"));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return Run(compilation);
    }

    /// <summary>Runs a fresh driver on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(Compilation compilation) => Run(CreateDriver(), compilation);

    /// <summary>Runs <paramref name="driver"/> (fresh or from an earlier run) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(driver, compilation, output, driverDiagnostics);
    }

    private static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ModelGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
