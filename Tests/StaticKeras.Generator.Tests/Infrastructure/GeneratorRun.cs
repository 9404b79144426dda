using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>One run of the generator: what it produced and reported, and the compilation with its output.</summary>
public sealed class GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> driverDiagnostics)
{
    /// <summary>The driver, to run again incrementally.</summary>
    public GeneratorDriver Driver { get; } = driver;

    /// <summary>The compilation the generator ran on.</summary>
    public Compilation Input { get; } = input;

    /// <summary>The generator's run result (generated sources, diagnostics, tracked steps).</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generated files, by hint name.</summary>
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.GeneratedSources;

    /// <summary>The diagnostics the generator reported.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>
    /// The errors and warnings of the user's code compiled with the generated files (and, while the
    /// runtime lacks them, the test stand-ins), as a build would report them.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics()
    {
        var generated = output.SyntaxTrees.Except(Input.SyntaxTrees).ToList();
        var compilation = output;
        // The driver's own diagnostics (e.g. CS8785, a generator that threw); the generator's STK
        // diagnostics are checked separately.
        return driverDiagnostics.Where(d => !d.Id.StartsWith("STK", System.StringComparison.Ordinal))
            .Concat(compilation.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
    }

    /// <summary>Fails unless the generator reported nothing and the output compiles without errors or warnings.</summary>
    public GeneratorRun AssertClean()
    {
        Assert.True(Diagnostics.IsEmpty, "unexpected generator diagnostics:\n" + DiagnosticRenderer.Render(Diagnostics, Input));
        return AssertCompiles();
    }

    /// <summary>Fails unless the user's code and the generated files compile without errors or warnings.</summary>
    public GeneratorRun AssertCompiles() => AssertCompilerReports();

    /// <summary>Fails unless compiling the user's code with the generated files reports exactly these ids (errors and warnings).</summary>
    public GeneratorRun AssertCompilerReports(params string[] ids)
    {
        var diagnostics = CompilationDiagnostics();
        Assert.True(
            diagnostics.Select(d => d.Id).SequenceEqual(ids),
            $"expected the compiler to report [{string.Join(", ", ids)}], found:\n" + string.Join("\n", diagnostics));
        return this;
    }

    /// <summary>Fails unless the generator reported exactly <paramref name="expected"/> (id, message and span), in order.</summary>
    public GeneratorRun AssertDiagnostics(params ExpectedDiagnostic[] expected)
    {
        var actual = Diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => new ExpectedDiagnostic(d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), d.Location.SourceSpan, d.Location.GetLineSpan().Path))
            .ToList();
        Assert.Equal(expected.ToList(), actual);
        return this;
    }

    /// <summary>The generated text of the only generated file.</summary>
    public string SingleSource => Assert.Single(Sources).SourceText.ToString();
}

/// <summary>A diagnostic a test expects: its id, message and span.</summary>
/// <param name="Id">The diagnostic id.</param>
/// <param name="Message">The exact message.</param>
/// <param name="Span">The exact span.</param>
/// <param name="File">The file it is in (the runner names the sources Model0.cs, Model1.cs, ...).</param>
public sealed record ExpectedDiagnostic(string Id, string Message, TextSpan Span, string File = "Model0.cs");
