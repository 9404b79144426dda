using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StaticKeras.Benchmarks;

/// <summary>Adds a <c>samples/s</c> column: a fixed number of samples per operation divided by the mean time.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class SamplesPerSecondColumnAttribute(int samplesPerOperation) : ColumnConfigBaseAttribute(new SamplesPerSecondColumn(samplesPerOperation))
{
}

/// <summary>Samples per second from the mean time of an operation that processes a fixed number of samples.</summary>
internal sealed class SamplesPerSecondColumn(int samplesPerOperation) : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(SamplesPerSecondColumn);

    /// <inheritdoc/>
    public string ColumnName => "samples/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => $"Samples per second: {samplesPerOperation:N0} samples / mean time";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? (samplesPerOperation / (statistics.Mean / 1e9)).ToString("N0", style.CultureInfo)
            : "NA";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
