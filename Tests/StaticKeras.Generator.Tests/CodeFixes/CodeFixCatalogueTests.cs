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
}
