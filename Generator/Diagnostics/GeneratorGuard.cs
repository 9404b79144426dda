using System;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Diagnostics;

/// <summary>
/// Runs a pipeline step so that the generator never throws: cancellation escapes, and any other
/// exception becomes an STK9001 diagnostic that the step's failure handler turns into a result.
/// </summary>
internal static class GeneratorGuard
{
    /// <summary>Runs <paramref name="body"/>; on an unexpected exception returns <paramref name="onFailure"/>'s result.</summary>
    public static T Run<T>(Func<T> body, Func<Exception, T> onFailure)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return onFailure(exception);
        }
    }

    /// <summary>The STK9001 diagnostic for <paramref name="exception"/> thrown while doing <paramref name="activity"/>.</summary>
    /// <remarks>
    /// An <see cref="OverflowException"/> comes from the user's sizes (a parameter count or element
    /// count past 64 bits, from inputs and units near int.MaxValue), so it is STK1075, not STK9001.
    /// </remarks>
    public static DiagnosticInfo Failure(string activity, string typeName, SourceLocation? location, Exception exception) =>
        exception is OverflowException
            ? DiagnosticInfo.Create(DiagnosticDescriptors.SizeOverflow, location, typeName, activity)
            : DiagnosticInfo.Create(
            DiagnosticDescriptors.GeneratorFailure,
            location,
            activity,
            typeName,
            exception.GetType().Name + ": " + exception.Message);
}
