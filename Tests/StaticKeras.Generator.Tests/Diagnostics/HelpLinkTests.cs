using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>Help links start from the repository URL set once in Directory.Build.props, or from the project's StaticKerasHelpLinkBase.</summary>
public sealed class HelpLinkTests
{
    private const string ZeroUnits = """
        using StaticKeras;
        using StaticKeras.Layers;

        [Sequential, Input(4)]
        public partial class Net
        {
            readonly Dense hidden = new(0);
        }
        """;

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    [Fact]
    public void TheDefaultBaseIsTheDiagnosticsFolderUnderTheRepositoryUrl()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryRoot(), "Directory.Build.props"));
        var repositoryUrl = Regex.Match(props, "<RepositoryUrl>(.*)</RepositoryUrl>").Groups[1].Value;

        Assert.StartsWith("https://", repositoryUrl);
        Assert.Equal(repositoryUrl + "/blob/main/docs/diagnostics/", HelpLinks.BaseUrl);
    }

    [Fact]
    public void WithoutThePropertyTheLinkUsesTheDefaultBase()
    {
        var diagnostic = Assert.Single(Run(new Dictionary<string, string>()));

        Assert.Equal(HelpLinks.BaseUrl + "STK0010.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Theory]
    [InlineData("https://docs.example.com/statickeras/diagnostics/")]
    [InlineData("https://docs.example.com/statickeras/diagnostics")]
    public void TheProjectsStaticKerasHelpLinkBaseWins(string configured)
    {
        var diagnostic = Assert.Single(Run(new Dictionary<string, string> { ["build_property.StaticKerasHelpLinkBase"] = configured }));

        Assert.Equal("STK0010", diagnostic.Id);
        Assert.Equal("https://docs.example.com/statickeras/diagnostics/STK0010.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void ABlankPropertyMeansTheDefault()
    {
        var diagnostic = Assert.Single(Run(new Dictionary<string, string> { ["build_property.StaticKerasHelpLinkBase"] = " " }));

        Assert.Equal(HelpLinks.BaseUrl + "STK0010.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void ThePackageMakesThePropertyVisibleToTheGenerator()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryRoot(), "Runtime", "buildTransitive", "StaticKeras.props"));

        Assert.Contains($"<CompilerVisibleProperty Include=\"{HelpLinks.BaseProperty}\" />", props);
    }

    private static ImmutableArray<Diagnostic> Run(Dictionary<string, string> globalOptions)
    {
        var compilation = CSharpCompilation.Create(
            GeneratorRunner.DefaultAssemblyName,
            [CSharpSyntaxTree.ParseText(ZeroUnits, GeneratorRunner.ParseOptions, path: "Model0.cs")],
            References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(
            [new ModelGenerator().AsSourceGenerator()],
            parseOptions: GeneratorRunner.ParseOptions,
            optionsProvider: new OptionsProvider(globalOptions));
        return driver.RunGenerators(compilation).GetRunResult().Diagnostics;
    }

    private sealed class OptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
