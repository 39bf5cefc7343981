namespace AdintAudit.Risk.Mitigation;

/// <summary>The before/after table of the mitigation what-ifs, filled by the audit (nothing is computed here).</summary>
/// <param name="Rows">One row per (mitigation, metric), in the order the audit ran them.</param>
public sealed record WhatIfTable(IReadOnlyList<WhatIfRow> Rows)
{
    /// <summary>Devices the what-ifs ran on (a sample chosen by device id hash; all devices below the cap); 0 when not stated.</summary>
    public int SampledDevices { get; init; }

    /// <summary>Cleaned pings of <see cref="SampledDevices"/>; 0 when not stated.</summary>
    public long SampledPings { get; init; }

    /// <summary>Devices of the whole dataset, for comparison with <see cref="SampledDevices"/>; 0 when not stated.</summary>
    public int TotalDevices { get; init; }

    /// <summary>Cleaned pings of the whole dataset; 0 when not stated.</summary>
    public long TotalPings { get; init; }

    /// <summary>Returns the rows of one mitigation, in table order.</summary>
    /// <param name="mitigationLabel">A <see cref="WhatIfMitigation.Label"/>.</param>
    public IReadOnlyList<WhatIfRow> ForMitigation(string mitigationLabel) =>
        [.. Rows.Where(row => string.Equals(row.MitigationLabel, mitigationLabel, StringComparison.Ordinal))];

    /// <summary>Returns the rows of one metric, in table order.</summary>
    /// <param name="metricId">A <see cref="Verdict.MetricGlossary"/> id.</param>
    public IReadOnlyList<WhatIfRow> ForMetric(string metricId) =>
        [.. Rows.Where(row => string.Equals(row.MetricId, metricId, StringComparison.Ordinal))];
}
