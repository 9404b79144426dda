using System.Runtime.CompilerServices;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>Snapshots of a generator run: every generated file, and the diagnostics rendered with their source lines.</summary>
public static class GeneratedSnapshots
{
    /// <summary>Checks each generated file against <c>{TestClass}.{TestMethod}#{HintName}.verified.cs</c>.</summary>
    public static void VerifySources(this GeneratorRun run, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        foreach (var source in run.Sources)
        {
            var name = source.HintName.EndsWith(".cs", System.StringComparison.Ordinal) ? source.HintName[..^3] : source.HintName;
            Snapshot.Verify(source.SourceText.ToString(), "cs", name, sourceFile, method);
        }
    }

    /// <summary>Checks the generator's diagnostics against <c>{TestClass}.{TestMethod}.verified.txt</c>.</summary>
    public static void VerifyDiagnostics(this GeneratorRun run, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "") =>
        Snapshot.Verify(DiagnosticRenderer.Render(run.Diagnostics, run.Input), "txt", null, sourceFile, method);
}
