using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Diagnostics;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>The descriptors, their docs pages and the analyzer release tracking file stay in step.</summary>
public sealed class CatalogueTests
{
    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    [Fact]
    public void IdsAreNumberedByFamily() =>
        Assert.All(DiagnosticDescriptors.All.Values, d =>
        {
            Assert.Matches(new Regex("^STK[0129][0-9]{3}$"), d.Id);
            Assert.Equal(
                d.Id[3] switch { '0' => "StaticKeras.Declaration", '1' => "StaticKeras.Shapes", '2' => "StaticKeras.Training", _ => "StaticKeras.Generator" },
                d.Category);
        });

    [Fact]
    public void EveryIdHasADocsPageItsHelpLinkPointsTo()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        var readme = File.ReadAllText(Path.Combine(docs, "README.md"));
        foreach (var descriptor in DiagnosticDescriptors.All.Values)
        {
            var page = File.ReadAllText(Path.Combine(docs, descriptor.Id + ".md"));
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}\n", page.Replace("\r\n", "\n"));
            Assert.Contains($"**Severity:** {descriptor.DefaultSeverity.ToString().ToLowerInvariant()}", page);
            Assert.Equal(HelpLinks.BaseUrl + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} | {descriptor.Title} |", readme);
        }

        Assert.Equal(
            DiagnosticDescriptors.All.Keys.Order().Append("README"),
            Directory.GetFiles(docs, "*.md").Select(Path.GetFileNameWithoutExtension).Order().OrderBy(n => n == "README"));
    }

    [Fact]
    public void UnshippedReleaseListsEveryRule()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "Generator", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("STK", System.StringComparison.Ordinal))
            .ToList();

        Assert.Equal(
            DiagnosticDescriptors.All.Values.OrderBy(d => d.Id).Select(d => $"{d.Id} | {d.Category} | {d.DefaultSeverity} | {d.Title}"),
            rows);
    }

    [Fact]
    public void OnlyFromLogitsOnProbabilitiesAndUnusedGraphPartsAreWarnings() =>
        Assert.Equal(
            ["STK0066", "STK0067", "STK2002"],
            DiagnosticDescriptors.All.Values.Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning).Select(d => d.Id).Order());
}
