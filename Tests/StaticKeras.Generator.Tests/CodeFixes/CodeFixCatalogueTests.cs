using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.CodeFixes;
using StaticKeras.CodeFixes;
using StaticKeras.Generator.Diagnostics;
using Xunit;

namespace StaticKeras.Generator.Tests.CodeFixes;

/// <summary>The code fixes, the diagnostics they fix and the docs that describe them stay in step.</summary>
public sealed class CodeFixCatalogueTests
{
    private static readonly IReadOnlyList<CodeFixProvider> Providers = typeof(MakeModelPartialCodeFixProvider).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToList();

    private static string Docs([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "docs", "diagnostics"));

    [Fact]
    public void EveryProviderIsExportedForCSharpAndBatchFixesItsOwnIds() => Assert.All(Providers, provider =>
    {
        var export = provider.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
        Assert.Equal(["C#"], export.Languages);
        Assert.Equal(provider.GetType().Name, export.Name);
        Assert.Same(WellKnownFixAllProviders.BatchFixer, provider.GetFixAllProvider());
        Assert.All(provider.FixableDiagnosticIds, id => Assert.True(DiagnosticDescriptors.All.ContainsKey(id), id + " is not in the catalogue"));
    });

    [Fact]
    public void ExactlyTheFixedIdsHaveACodeFixLineInTheirDocs()
    {
        var fixedIds = Providers.SelectMany(p => p.FixableDiagnosticIds).Order().ToList();
        var documented = DiagnosticDescriptors.All.Keys
            .Where(id => File.ReadAllText(Path.Combine(Docs(), id + ".md")).Contains("**Code fix:**", StringComparison.Ordinal))
            .Order();

        Assert.Equal(fixedIds.Distinct(), fixedIds);
        Assert.Equal(fixedIds, documented);
    }

    // A new diagnostic needs a decision: a fix (a row of the table) or a reason for none (a mention below it).
    [Fact]
    public void TheReadmeDecidesForEveryId()
    {
        var readme = File.ReadAllText(Path.Combine(Docs(), "README.md")).Replace("\r\n", "\n");
        var section = readme[readme.IndexOf("\n## Code fixes\n", StringComparison.Ordinal)..];
        var rows = section.Split('\n').Where(l => l.StartsWith("| [STK", StringComparison.Ordinal)).Select(l => l[3..10]);

        Assert.Equal(Providers.SelectMany(p => p.FixableDiagnosticIds).Order(), rows.Order());
        Assert.All(DiagnosticDescriptors.All.Keys, id => Assert.True(Mentions(section, id), id + " is in neither the fixes table nor the reasons"));
    }

    [Fact]
    public void TheGeneratorDoesNotReferenceWorkspaces() => Assert.DoesNotContain(
        typeof(ModelGenerator).Assembly.GetReferencedAssemblies(),
        a => a.Name!.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal)
            || a.Name!.StartsWith("Microsoft.CodeAnalysis.CSharp.Workspaces", StringComparison.Ordinal));

    // "STK1001 to STK1074" stands for the range.
    private static bool Mentions(string section, string id) =>
        section.Contains(id, StringComparison.Ordinal)
        || (id.StartsWith("STK1", StringComparison.Ordinal) && section.Contains("STK1001 to STK1074", StringComparison.Ordinal)
            && string.CompareOrdinal(id, "STK1074") <= 0);
}
