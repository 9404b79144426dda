using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// Renders diagnostics for snapshots: the source line, <c>^^^</c> under the span, then the id,
/// severity and message, so a reviewer sees exactly where each one lands.
/// </summary>
public static class DiagnosticRenderer
{
    /// <summary>Renders <paramref name="diagnostics"/>, whose files are in <paramref name="compilation"/>.</summary>
    public static string Render(IEnumerable<Diagnostic> diagnostics, Compilation compilation)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.SourceSpan.Start))
        {
            var span = diagnostic.Location.GetLineSpan();
            var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == span.Path);
            text.Append(span.Path).Append('(').Append(span.StartLinePosition.Line + 1).Append(',').Append(span.StartLinePosition.Character + 1).Append("): ");
            text.Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ').Append(diagnostic.Id).Append(": ");
            text.Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            if (tree is not null)
            {
                AppendUnderlined(text, tree.GetText(), diagnostic.Location.SourceSpan);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    // Each line the span touches, with carets under the part of the line inside it.
    private static void AppendUnderlined(StringBuilder text, Microsoft.CodeAnalysis.Text.SourceText source, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var first = source.Lines.GetLineFromPosition(span.Start).LineNumber;
        var last = source.Lines.GetLineFromPosition(span.End).LineNumber;
        for (var number = first; number <= last; number++)
        {
            var line = source.Lines[number];
            var start = System.Math.Max(span.Start, line.Start);
            var end = System.Math.Min(span.End, line.End);
            text.Append("    ").Append(line.ToString()).Append('\n');
            text.Append("    ").Append(' ', start - line.Start).Append('^', System.Math.Max(end - start, 1)).Append('\n');
        }
    }
}
