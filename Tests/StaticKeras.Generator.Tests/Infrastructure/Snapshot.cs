using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot checks with Verify's conventions, so moving to Verify later is mechanical: the
/// expected text is <c>{TestClass}.{TestMethod}.verified.{ext}</c> next to the test's source file
/// (<c>{TestClass}.{TestMethod}#{name}.verified.{ext}</c> for one of several files); on a mismatch
/// the actual text is written to <c>*.received.{ext}</c> beside it and the test fails with a diff.
/// Setting <c>STATICKERAS_ACCEPT=1</c> (or Verify's <c>VERIFY_AUTOACCEPT=true</c>) accepts the
/// actual text as the new snapshot.
/// </summary>
public static class Snapshot
{
    /// <summary>Whether the environment asks to accept received snapshots.</summary>
    public static bool Accepting =>
        Environment.GetEnvironmentVariable("STATICKERAS_ACCEPT") == "1"
        || string.Equals(Environment.GetEnvironmentVariable("VERIFY_AUTOACCEPT"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks <paramref name="actual"/> against the test's verified file.</summary>
    /// <param name="actual">The text produced by the test.</param>
    /// <param name="extension">The file extension, without the dot: <c>cs</c>, <c>txt</c>.</param>
    /// <param name="name">Distinguishes several snapshots of one test (Verify's <c>#name</c>), or <see langword="null"/>.</param>
    /// <param name="sourceFile">The calling test's file (filled in by the compiler).</param>
    /// <param name="method">The calling test (filled in by the compiler).</param>
    public static void Verify(string actual, string extension, string? name = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var directory = Path.GetDirectoryName(sourceFile)!;
        var stem = Path.GetFileNameWithoutExtension(sourceFile) + "." + method + (name is null ? string.Empty : "#" + name);
        var verified = Path.Combine(directory, stem + ".verified." + extension);
        var received = Path.Combine(directory, stem + ".received." + extension);
        actual = actual.Replace("\r\n", "\n");

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Accepting)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No snapshot {Path.GetFileName(verified)}; wrote {Path.GetFileName(received)}. Review it and rename it, or run with STATICKERAS_ACCEPT=1."
            : $"Snapshot {Path.GetFileName(verified)} differs; wrote {Path.GetFileName(received)}.\n{LineDiff.Render(expected, actual)}");
    }
}
