using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StaticKeras.Benchmarks;

/// <summary>A percentile of the iteration times (BenchmarkDotNet's built-in columns stop at P95 and P100).</summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    /// <inheritdoc/>
    public string Id => $"{nameof(PercentileColumn)}{percentile}";

    /// <inheritdoc/>
    public string ColumnName => $"P{percentile}";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Statistics;

    /// <inheritdoc/>
    public int PriorityInCategory => 10;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Time;

    /// <inheritdoc/>
    public string Legend => $"{percentile}th percentile of the iteration times";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? $"{statistics.Percentiles.Percentile(percentile) / 1000:N1} us"
            : "NA";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
