using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// The pipeline's output: adds every model's and custom layer's file and reports every diagnostic,
/// seeing all of them at once so that one model can never take the others down. Roslyn wants hint
/// names unique ignoring case: a class matched twice (its attribute on two partial parts) gives one
/// file, and names that differ only in case (<c>Net</c>, <c>NET</c>) each get a suffix computed from
/// the exact name, so every name stays the same whatever other models the project has, except
/// that a name gains its suffix while a case twin exists.
/// </summary>
internal static class SourceOutput
{
    /// <summary>Adds the files and reports the diagnostics, their help links under the project's base.</summary>
    public static void AddAll(SourceProductionContext context, (ImmutableArray<GeneratedModel> Models, string HelpLinkBase) output)
    {
        var (models, helpLinkBase) = output;
        var ordered = models
            .OrderBy(m => m.HintName ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.Source ?? string.Empty, StringComparer.Ordinal)
            .ToList();

        var reported = new HashSet<DiagnosticInfo>();
        foreach (var diagnostic in ordered.SelectMany(m => m.Diagnostics))
        {
            if (reported.Add(diagnostic))
                context.ReportDiagnostic(diagnostic.ToDiagnostic(helpLinkBase));
        }

        var files = ordered
            .Where(m => m.HintName is not null && m.Source is not null)
            .GroupBy(m => m.HintName!, StringComparer.Ordinal)
            .Select(g => g.First()) // the same class read from each of its partial parts
            .ToList();
        var caseTwins = files
            .GroupBy(m => m.HintName!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .Select(m => m.HintName!)
            .ToImmutableHashSet(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var hintName = caseTwins.Contains(file.HintName!) ? WithCaseSuffix(file.HintName!) : file.HintName!;
            context.AddSource(hintName, SourceText.From(file.Source!, Encoding.UTF8));
        }
    }

    /// <summary><c>Samples.NET.g.cs</c> becomes <c>Samples.NET.{8 hex digits}.g.cs</c>, the digits an FNV-1a hash of the exact name.</summary>
    internal static string WithCaseSuffix(string hintName)
    {
        const string extension = ".g.cs";
        var stem = hintName.EndsWith(extension, StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - extension.Length) : hintName;
        var hash = 2166136261u;
        foreach (var c in hintName)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return stem + "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + extension;
    }
}
