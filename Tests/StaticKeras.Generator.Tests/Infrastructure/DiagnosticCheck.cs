using System.Runtime.CompilerServices;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>The usual diagnostics test: exactly one diagnostic at the marked span, nothing else from the compiler, and a snapshot.</summary>
public static class DiagnosticCheck
{
    /// <summary>
    /// Runs the generator on <paramref name="source"/> and checks it reports exactly one diagnostic,
    /// <paramref name="id"/> with <paramref name="message"/>, at the span marked <c>[|...|]</c>; that
    /// the compiler then reports exactly <paramref name="compilerIds"/> (none by default: one
    /// mistake gives one error, not a cascade); and that the rendered diagnostics match the
    /// <c>.verified.txt</c> snapshot.
    /// </summary>
    public static GeneratorRun Single(
        ModelSource source,
        string id,
        string message,
        string[]? compilerIds = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
        => Single(source.Build(), id, message, compilerIds, sourceFile, method);

    /// <summary>The same check for a functional model's source.</summary>
    public static GeneratorRun Single(
        GraphSource source,
        string id,
        string message,
        string[]? compilerIds = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
        => Single(source.Build(), id, message, compilerIds, sourceFile, method);

    private static GeneratorRun Single(Markup markup, string id, string message, string[]? compilerIds, string sourceFile, string method)
    {
        var run = GeneratorRunner.Run(markup.Text);
        run.AssertDiagnostics(new ExpectedDiagnostic(id, message, markup.Span));
        run.AssertCompilerReports(compilerIds ?? []);
        run.VerifyDiagnostics(sourceFile, method);
        return run;
    }
}
