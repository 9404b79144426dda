using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Tests.Infrastructure;

namespace StaticKeras.Generator.Tests.Fuzz;

/// <summary>
/// One fuzz case: a seed declaration mutated by a seeded <see cref="Random"/>, run through the
/// generator, and what is wrong with the outcome (nothing, for a passing case).
/// </summary>
internal sealed record FuzzCase(int Seed, string Mutations, string Source)
{
    /// <summary>How long one case may take on a busy machine before it counts as a hang.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>The case with <paramref name="seed"/>: always the same source for the same seed.</summary>
    public static FuzzCase Create(int seed)
    {
        var random = new Random(seed);
        var source = FuzzSeeds.All[random.Next(FuzzSeeds.All.Length)];
        var (mutated, mutations) = DeclarationMutator.Mutate(source, random);
        return new FuzzCase(seed, mutations, mutated);
    }

    /// <summary>
    /// The broken promises: a generator exception, an STK9xxx diagnostic, a run past <see cref="Bound"/>,
    /// or a compiler error inside a generated file while no STK error (or syntax error in the user's code) explains it.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var run = Task.Run(() => GeneratorRunner.Run(Source));
        if (!run.Wait(Bound))
            return [$"the generator did not finish within {Bound.TotalSeconds} s"];
        var result = run.Result;
        var problems = new List<string>();
        if (result.Result.Exception is { } exception)
            problems.Add($"the generator threw {exception.GetType().Name}: {exception.Message}");
        problems.AddRange(result.Diagnostics.Where(d => d.Id.StartsWith("STK9", StringComparison.Ordinal)).Select(d => $"{d.Id}: {d.GetMessage()}"));
        // An STK error explains errors in generated code; so does code that does not even parse
        // (half-typed), which the compiler reports in the user's own file first.
        var stkError = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("STK", StringComparison.Ordinal));
        var syntaxError = result.Input.SyntaxTrees.Any(t => t.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error));
        if (!stkError && !syntaxError)
        {
            var generated = result.Sources.Select(s => s.SyntaxTree).ToHashSet();
            problems.AddRange(result.CompilationDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generated.Contains(tree))
                .Select(d => $"{d.Id} in generated {d.Location.SourceTree!.FilePath}: {d.GetMessage()}")
                .Distinct()
                .Take(5));
        }
        return problems;
    }

    /// <summary>The case as a report: seed, mutations, problems and the source.</summary>
    public string Describe(IReadOnlyList<string> problems) =>
        $"seed {Seed} ({Mutations}):\n  " + string.Join("\n  ", problems) + "\n" + Source;
}
