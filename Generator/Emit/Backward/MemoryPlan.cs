using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>
/// The static memory plan of an explicit training step. Where an emitter can write a tensor into a
/// buffer (a kernel's <c>into</c> argument) it writes <see cref="Into"/> as that argument; this pass
/// then reads the step's lines as a small program (what each line defines and reads), works out how
/// long each planned tensor lives, and gives tensors whose lifetimes do not overlap the same buffer
/// when their shapes match. A marker naming no local its line defines is a scratch buffer a kernel uses
/// inside that one call (Dense's activation gradient). The markers become <c>_trainBuffers.Get(k, like)</c>: buffer <c>k</c> of the
/// runtime's <c>StepBuffers</c>, allocated once per batch size.
/// </summary>
/// <remarks>
/// The pass is conservative about aliasing: a tensor a line defines without a planned buffer (a view
/// from Flatten, a Dropout of rate 0, a recorded layer's detached input, a gradient passed through
/// unchanged) may share memory with everything that line read, so a buffer stays live until the last
/// read of any tensor that may alias it. A buffer is reused only after the line of its last read, never
/// on that line (a kernel must not write the tensor it reads). Pure: strings in, strings out.
/// </remarks>
internal static class MemoryPlan
{
    private const char Open = '\u0001';
    private const char Close = '\u0002';

    /// <summary>The name of the step's <c>StepBuffers</c> field.</summary>
    public const string Field = "_trainBuffers";

    /// <summary>
    /// The marker an emitter writes as the <c>into</c> argument of the line defining
    /// <paramref name="name"/>: a buffer of <paramref name="dims"/> (without the batch axis), whose batch
    /// size, dtype and device come from the local <paramref name="like"/>.
    /// </summary>
    public static string Into(string name, string like, IReadOnlyList<long> dims) =>
        $"{Open}{name}|{like}|{string.Join(",", dims)}{Close}";

    /// <summary>A marker of <paramref name="marker"/>'s shape and batch source for another local, <paramref name="name"/> (Dropout's mask beside its output).</summary>
    public static string Renamed(string marker, string name) => Open + name + marker.Substring(marker.IndexOf('|'));

    /// <summary>One buffer of the plan: its shape without the batch axis, and the tensors it holds in step order.</summary>
    /// <param name="Dims">The shape after the batch axis.</param>
    /// <param name="Tensors">The locals written into it, in the order the step writes them.</param>
    internal sealed record Buffer(IReadOnlyList<long> Dims, IReadOnlyList<string> Tensors);

    /// <summary>The step's lines with every marker replaced, and the buffers they use (none when nothing is planned).</summary>
    /// <param name="Lines">The lines to write.</param>
    /// <param name="Buffers">The buffers, numbered by position.</param>
    internal sealed record Result(List<CodeLine> Lines, IReadOnlyList<Buffer> Buffers);

    // var x2 = hidden.Call(x1, training: true, into: M(x2|x1|128))  ->  ... into: _trainBuffers.Get(0, x1));
    // var dx2 = output.BackwardLinear(dlogits, x2, into: M(dx2|dlogits|128))  ->  ... _trainBuffers.Get(1, dlogits)
    /// <summary>Plans the buffers of <paramref name="lines"/> and writes the markers out.</summary>
    public static Result Apply(IReadOnlyList<CodeLine> lines)
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);   // local -> its current definition
        var roots = new List<HashSet<int>>();                                  // definition -> the planned definitions it may alias
        var planned = new List<(int Definition, int Line, string Name, string Like, long[] Dims)>();
        var lastRead = new Dictionary<int, int>();                             // planned definition -> last line reading it
        for (var i = 0; i < lines.Count; i++)
        {
            var code = lines[i].Code;
            if (code.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var markers = Markers(code);
            var (defines, reads) = Scan(StripMarkers(code), versions);
            var readRoots = new HashSet<int>();
            foreach (var read in reads)
            {
                foreach (var root in roots[read])
                {
                    readRoots.Add(root);
                    lastRead[root] = i;
                }
            }

            foreach (var name in defines)
            {
                var definition = roots.Count;
                versions[name] = definition;
                var marker = markers.FirstOrDefault(m => m.Name == name);
                if (marker.Name is null)
                {
                    roots.Add(new HashSet<int>(readRoots));
                    continue;
                }

                roots.Add(new HashSet<int> { definition });
                lastRead[definition] = i;
                planned.Add((definition, i, name, marker.Like, marker.Dims));
            }

            // A scratch buffer: a marker naming no local the line defines lives on that line only.
            foreach (var marker in markers.Where(m => !defines.Contains(m.Name)))
            {
                var definition = roots.Count;
                roots.Add(new HashSet<int> { definition });
                lastRead[definition] = i;
                planned.Add((definition, i, marker.Name, marker.Like, marker.Dims));
            }
        }

        // Greedy in the order tensors are written: the interval graph of lifetimes is colored
        // optimally this way within each shape. Buffers are looked up by shape, so a model of many
        // layers stays linear in practice.
        var buffers = new List<(long[] Dims, List<string> Tensors, int FreeAfter)>();
        var byShape = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var slots = new Dictionary<string, (int Buffer, string Like)>(StringComparer.Ordinal);
        foreach (var (definition, line, name, like, dims) in planned)
        {
            var shape = string.Join(",", dims);
            if (!byShape.TryGetValue(shape, out var candidates))
            {
                byShape[shape] = candidates = new List<int>();
            }

            var free = candidates.FindIndex(b => buffers[b].FreeAfter < line);
            var index = free < 0 ? -1 : candidates[free];
            if (index < 0)
            {
                index = buffers.Count;
                buffers.Add((dims, new List<string>(), -1));
                candidates.Add(index);
            }

            buffers[index].Tensors.Add(name);
            buffers[index] = (dims, buffers[index].Tensors, lastRead[definition]);
            slots[Key(line, name)] = (index, like);
        }

        var result = new List<CodeLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var code = line.Code;
            foreach (var marker in Markers(code))
            {
                var (index, like) = slots[Key(i, marker.Name)];
                code = code.Replace(marker.Text, $"{Field}.Get({index}, {like})");
            }

            var used = Markers(line.Code).Select(m => slots[Key(i, m.Name)].Buffer).ToList();
            var buffer = used.Count switch
            {
                0 => null,
                1 => "buffer " + used[0],
                _ => "buffers " + string.Join(", ", used),
            };
            result.Add(new CodeLine(code, buffer is null ? line.Comment : (line.Comment is null ? buffer : line.Comment + "; " + buffer)));
        }

        return new Result(result, buffers.Select(b => new Buffer(b.Dims, b.Tensors)).ToList());
    }

    // private readonly global::StaticKeras.Training.StepBuffers _trainBuffers = new(
    //     new long[] { 128 },  // buffer 0 (batch, 128): x2
    //     new long[] { 10 });  // buffer 1 (batch, 10): logits
    /// <summary>Writes the field holding <paramref name="buffers"/>, with a comment naming the plan.</summary>
    public static void WriteField(CodeWriter writer, IReadOnlyList<Buffer> buffers)
    {
        var tensors = buffers.Sum(b => b.Tensors.Count);
        writer.Line($"// The static memory plan of TrainStep: {Count(tensors, "tensor")} written into {Count(buffers.Count, "buffer")} (shared where lifetimes do not overlap),");
        writer.Line("// allocated once per batch size, the last smaller batch of an epoch included.");
        writer.Line($"private readonly {TypeNames.StepBuffers} {Field} = new(");
        var lines = buffers.Select((b, i) => new CodeLine(
            $"    new long[] {{ {string.Join(", ", b.Dims)} }}" + (i == buffers.Count - 1 ? ");" : ","),
            $"buffer {i} (batch, {string.Join(", ", b.Dims)}): {string.Join(", then ", b.Tensors)}"));
        writer.Lines(lines);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Key(int line, string name) => line + ":" + name;

    private static List<(string Text, string Name, string Like, long[] Dims)> Markers(string code)
    {
        var found = new List<(string, string, string, long[])>();
        for (var start = code.IndexOf(Open); start >= 0; start = code.IndexOf(Open, start + 1))
        {
            var end = code.IndexOf(Close, start);
            var parts = code.Substring(start + 1, end - start - 1).Split('|');
            var dims = parts[2].Length == 0 ? new long[0] : parts[2].Split(',').Select(d => long.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            found.Add((code.Substring(start, end - start + 1), parts[0], parts[1], dims));
        }

        return found;
    }

    private static string StripMarkers(string code)
    {
        var text = new StringBuilder(code.Length);
        var inside = false;
        foreach (var c in code)
        {
            inside = c == Open || (inside && c != Close);
            if (!inside && c != Close)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    // What one line defines (`var x = ...`, `out var x_mask`, `x = x.add(...)`) and which current
    // definitions it reads: every identifier that names a local defined so far, except member
    // accesses (`this.x1`, `t.grad`) and the name a `var` declares.
    private static (List<string> Defines, List<int> Reads) Scan(string code, IReadOnlyDictionary<string, int> versions)
    {
        var defines = new List<string>();
        var reads = new List<int>();
        var tokens = Identifiers(code);
        for (var t = 0; t < tokens.Count; t++)
        {
            var (name, start) = tokens[t];
            var declared = t > 0 && tokens[t - 1].Name == "var";
            var assigned = t == 0 && IsAssignment(code, start + name.Length);
            if (declared || assigned)
            {
                defines.Add(name);
                if (declared)
                {
                    continue;
                }
            }

            if (versions.TryGetValue(name, out var definition) && (start == 0 || code[start - 1] != '.'))
            {
                reads.Add(definition);
            }
        }

        return (defines, reads);
    }

    private static bool IsAssignment(string code, int after)
    {
        var rest = code.Substring(after).TrimStart();
        return rest.StartsWith("=", StringComparison.Ordinal) && !rest.StartsWith("==", StringComparison.Ordinal);
    }

    private static List<(string Name, int Start)> Identifiers(string code)
    {
        var tokens = new List<(string, int)>();
        for (var i = 0; i < code.Length;)
        {
            if (code[i] == '"')
            {
                var close = code.IndexOf('"', i + 1);
                i = close < 0 ? code.Length : close + 1;
                continue;
            }

            if (char.IsLetter(code[i]) || code[i] == '_' || code[i] == '@')
            {
                var start = i;
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_' || code[i] == '@'))
                {
                    i++;
                }

                tokens.Add((code.Substring(start, i - start).TrimStart('@'), start));
                continue;
            }

            if (char.IsDigit(code[i]))
            {
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '.'))
                {
                    i++;
                }

                continue;
            }

            i++;
        }

        return tokens;
    }
}
