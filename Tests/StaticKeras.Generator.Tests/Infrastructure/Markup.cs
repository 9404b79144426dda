using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>Source text with spans marked <c>[|like this|]</c>, as Roslyn's analyzer tests mark expected diagnostics.</summary>
/// <param name="Text">The source without the markers.</param>
/// <param name="Spans">The marked spans, in order.</param>
public sealed record Markup(string Text, IReadOnlyList<TextSpan> Spans)
{
    /// <summary>Removes the markers from <paramref name="source"/> and records the spans they enclosed.</summary>
    public static Markup Parse(string source)
    {
        var text = new StringBuilder();
        var spans = new List<TextSpan>();
        var starts = new Stack<int>();
        for (var i = 0; i < source.Length; i++)
        {
            if (string.CompareOrdinal(source, i, "[|", 0, 2) == 0)
            {
                starts.Push(text.Length);
                i++;
            }
            else if (string.CompareOrdinal(source, i, "|]", 0, 2) == 0)
            {
                var start = starts.Pop();
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
            }
            else
            {
                text.Append(source[i]);
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new Markup(text.ToString(), spans);
    }

    /// <summary>The only marked span.</summary>
    public TextSpan Span => Spans.Count == 1 ? Spans[0] : throw new System.InvalidOperationException($"expected one marked span, found {Spans.Count}");
}
