using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace StaticKeras.Benchmarks.Generator;

/// <summary>
/// An editor session over a <see cref="SyntheticProject"/>: one <see cref="CSharpGeneratorDriver"/>
/// (with step tracking, as the IDE keeps it) run again after each one-character edit, as a
/// keystroke does. Counts how each tracked pipeline step's outputs were produced.
/// </summary>
public sealed class EditSession
{
    private readonly Dictionary<string, Dictionary<IncrementalStepRunReason, int>> _steps = new(StringComparer.Ordinal);
    private GeneratorDriver _driver;
    private Compilation _compilation;
    private int _edits;

    /// <summary>
    /// Starts a session on the 30-model, 200-file project and runs the generator once; with
    /// <paramref name="floor"/>, the <see cref="FloorGenerator"/> instead of the model generator.
    /// </summary>
    public EditSession(bool floor = false, int sequential = 20, int functional = 10, int ordinary = 200)
    {
        _compilation = SyntheticProject.Create(sequential, functional, ordinary);
        IIncrementalGenerator generator = floor ? new FloorGenerator() : new StaticKeras.Generator.ModelGenerator();
        _driver = CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: SyntheticProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        _driver = _driver.RunGenerators(_compilation);
        var result = _driver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || result.GeneratedTrees.Length != (floor ? 0 : sequential + functional))
        {
            throw new InvalidOperationException(
                $"the synthetic project should generate {sequential + functional} files without errors; got {result.GeneratedTrees.Length} files and: "
                + string.Join("; ", errors));
        }
    }

    /// <summary>Which file an edit lands in.</summary>
    public enum Target
    {
        /// <summary>An ordinary file: a literal in a method body changes (<c>2</c> to <c>3</c> and back).</summary>
        UnrelatedFile,

        /// <summary>A model file: a layer's units change by one digit (<c>new(17</c> to <c>new(18</c> and back).</summary>
        ModelFile,
    }

    /// <summary>How each tracked step's outputs were produced over the edits so far (steps that ran: New/Modified).</summary>
    public IReadOnlyDictionary<string, Dictionary<IncrementalStepRunReason, int>> Steps => _steps;

    /// <summary>
    /// Applies one one-character edit to <paramref name="target"/> and runs the generator; returns the
    /// elapsed time of the driver run (what an editor waits for), the processor time of the whole
    /// process (all threads: JIT, GC), which a busy machine disturbs less than the elapsed time, and
    /// the generator's own time as the driver measures it (<see cref="GeneratorDriver.GetTimingInfo"/>:
    /// its pipeline, <c>ForAttributeWithMetadataName</c>'s transforms included, without the driver's
    /// own bookkeeping around it).
    /// </summary>
    public EditTime Edit(Target target)
    {
        var (path, from, to) = target == Target.UnrelatedFile
            ? ("Ordinary17.cs", "Y, 2)", "Y, 3)")
            : ("Sequential3.cs", "new(17,", "new(18,");
        var tree = _compilation.SyntaxTrees.First(t => t.FilePath == path);
        var text = tree.GetText();
        var current = text.ToString();
        // Alternate between the two spellings so every edit is a real change.
        var (find, replace) = current.Contains(from, StringComparison.Ordinal) ? (from, to) : (to, from);
        var start = current.IndexOf(find, StringComparison.Ordinal);
        var offset = Enumerable.Range(0, find.Length).First(i => find[i] != replace[i]);
        var change = new TextChange(new TextSpan(start + offset, 1), replace[offset].ToString());

        var process = Process.GetCurrentProcess();
        var processor = process.TotalProcessorTime;
        var thread = ThreadTime();
        var clock = Stopwatch.StartNew();
        var edited = _compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(change)));
        _driver = _driver.RunGenerators(edited);
        clock.Stop();
        process.Refresh();
        processor = process.TotalProcessorTime - processor;
        thread = ThreadTime() - thread;

        _compilation = edited;
        _edits++;
        Record(_driver.GetRunResult().Results[0]);
        return new EditTime(clock.Elapsed, processor, thread, _driver.GetTimingInfo().GeneratorTimes[0].ElapsedTime);
    }

    // The calling thread's processor time (Linux: CLOCK_THREAD_CPUTIME_ID; zero elsewhere). The driver
    // runs the generator on this thread, so this is its work without waiting for a busy machine's cores.
    private static TimeSpan ThreadTime() =>
        OperatingSystem.IsLinux() && ClockGetTime(3, out var time) == 0
            ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
            : TimeSpan.Zero;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>What one edit cost.</summary>
    /// <param name="Elapsed">The driver run's elapsed time.</param>
    /// <param name="Processor">The process's processor time during the driver run (all threads: JIT, GC).</param>
    /// <param name="Thread">The processor time of the thread the driver ran on (Linux only).</param>
    /// <param name="Generator">The generator's own elapsed time, as the driver times it.</param>
    public readonly record struct EditTime(TimeSpan Elapsed, TimeSpan Processor, TimeSpan Thread, TimeSpan Generator);

    /// <summary>The step counts as lines: <c>Declarations: 1 Modified, 29 Unchanged</c>, per edit on average.</summary>
    public IEnumerable<string> DescribeSteps() =>
        _steps.OrderBy(s => s.Key, StringComparer.Ordinal).Select(step =>
            $"{step.Key}: " + string.Join(", ", step.Value.OrderBy(r => r.Key).Select(r => $"{r.Value / (double)Math.Max(1, _edits):0.#} {r.Key}")));

    /// <summary>Forgets the step counts (after warm-up).</summary>
    public void ResetSteps()
    {
        _steps.Clear();
        _edits = 0;
    }

    private void Record(GeneratorRunResult result)
    {
        foreach (var (name, runs) in result.TrackedSteps)
        {
            if (!_steps.TryGetValue(name, out var reasons))
            {
                _steps[name] = reasons = [];
            }

            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                reasons[output.Reason] = reasons.GetValueOrDefault(output.Reason) + 1;
            }
        }
    }
}
