namespace AdintAudit.Risk.Mitigation;

/// <summary>The before/after table of the mitigation what-ifs, filled by the audit (nothing is computed here).</summary>
/// <param name="Rows">One row per (mitigation, metric), in the order the audit ran them.</param>
public sealed record WhatIfTable(IReadOnlyList<WhatIfRow> Rows)
{
    /// <summary>Returns the rows of one mitigation, in table order.</summary>
    /// <param name="mitigationLabel">A <see cref="WhatIfMitigation.Label"/>.</param>
    public IReadOnlyList<WhatIfRow> ForMitigation(string mitigationLabel) =>
        [.. Rows.Where(row => string.Equals(row.MitigationLabel, mitigationLabel, StringComparison.Ordinal))];

    /// <summary>Returns the rows of one metric, in table order.</summary>
    /// <param name="metricId">A <see cref="Verdict.MetricGlossary"/> id.</param>
    public IReadOnlyList<WhatIfRow> ForMetric(string metricId) =>
        [.. Rows.Where(row => string.Equals(row.MetricId, metricId, StringComparison.Ordinal))];
}
