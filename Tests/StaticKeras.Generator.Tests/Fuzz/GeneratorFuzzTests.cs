using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Fuzz;

/// <summary>
/// The generator never takes a build down: seeded, reproducible mutations of valid declarations
/// (<see cref="DeclarationMutator"/>) must give no generator exception, no STK9xxx, no hang, and no
/// compiler error inside a generated file unless an STK error explains it. CI runs
/// <see cref="DefaultCases"/> cases; STATICKERAS_FUZZ_CASES=10000 runs more, and
/// STATICKERAS_FUZZ_SEED picks another first seed:
/// <code>STATICKERAS_FUZZ_CASES=10000 dotnet test Tests/StaticKeras.Generator.Tests -c Release --filter FullyQualifiedName~GeneratorFuzzTests</code>
/// A failing case is reported with its seed; <see cref="FuzzCase.Create"/> rebuilds it from the seed.
/// </summary>
public sealed class GeneratorFuzzTests
{
    /// <summary>Cases per run when STATICKERAS_FUZZ_CASES is not set.</summary>
    public const int DefaultCases = 300;

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [Fact]
    public void EverySeedIsValid()
    {
        foreach (var seed in FuzzSeeds.All)
            GeneratorRunner.Run(seed).AssertClean();
    }

    [Fact]
    public void TheSameSeedGivesTheSameCase() =>
        Assert.Equal(FuzzCase.Create(12345), FuzzCase.Create(12345));

    [Fact]
    public void MutatedDeclarationsNeverBreakTheGenerator()
    {
        var first = Setting("STATICKERAS_FUZZ_SEED", 1);
        var count = Setting("STATICKERAS_FUZZ_CASES", DefaultCases);
        var failures = new List<string>();
        var failing = 0;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var seed = first; seed < first + count; seed++)
        {
            var fuzzCase = FuzzCase.Create(seed);
            var problems = fuzzCase.Problems();
            if (problems.Count == 0)
                continue;
            failing++;
            var newKind = false;
            foreach (var kind in problems.Select(Kind).Distinct())
            {
                newKind |= !kinds.ContainsKey(kind);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }

            // One example of each kind of problem first.
            if (newKind && failures.Count < 20)
                failures.Add(fuzzCase.Describe(problems));
        }

        Assert.True(failing == 0,
            $"{failing} of {count} cases (seeds {first} to {first + count - 1}) broke the generator; by problem: " +
            string.Join(", ", kinds.Select(k => $"{k.Key} x{k.Value}")) + "; the first ones:\n\n" + string.Join("\n\n", failures));
    }

    // A problem's kind: the exception type, the diagnostic id, or the timeout.
    private static string Kind(string problem) =>
        problem.StartsWith("the generator threw ", StringComparison.Ordinal) ? problem["the generator threw ".Length..].Split(':')[0]
        : problem.StartsWith("the generator did not finish", StringComparison.Ordinal) ? "timeout"
        : problem.Split(' ', ':')[0];
}
