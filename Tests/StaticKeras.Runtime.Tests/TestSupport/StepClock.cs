using System;

namespace StaticKeras.Runtime.Tests.TestSupport;

/// <summary>
/// A fake clock for progress-bar tests: each reading returns the current time and then advances it
/// by a fixed step, so the times a run prints depend only on how often it reads the clock.
/// </summary>
internal sealed class StepClock(double stepSeconds) : TimeProvider
{
    private long _micros;

    public override long TimestampFrequency => 1_000_000;

    public override long GetTimestamp()
    {
        var now = _micros;
        _micros += (long)Math.Round(stepSeconds * 1_000_000);
        return now;
    }

    /// <summary>Moves time forward without a reading.</summary>
    public void Advance(double seconds) => _micros += (long)Math.Round(seconds * 1_000_000);
}
