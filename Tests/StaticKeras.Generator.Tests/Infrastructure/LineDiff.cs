using System;
using System.Collections.Generic;
using System.Text;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>A small line diff (longest common subsequence) for snapshot failures: <c>-</c> expected, <c>+</c> actual.</summary>
public static class LineDiff
{
    /// <summary>The changed lines with up to two lines of context around each change.</summary>
    public static string Render(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var near = false;
            for (var k = Math.Max(0, i - 2); k <= Math.Min(lines.Count - 1, i + 2); k++)
            {
                near |= lines[k].Kind != ' ';
            }

            if (near)
            {
                text.Append(lines[i].Kind).Append(' ').Append(lines[i].Text).Append('\n');
            }
        }

        return text.ToString();
    }
}
