namespace AdintAudit.Risk.Mitigation;

/// <summary>One line of the before/after table: a headline metric before and after one mitigation.</summary>
/// <param name="MitigationLabel">The mitigation's <see cref="WhatIfMitigation.Label"/>, for example <c>round to 3 decimals (~110 m)</c>.</param>
/// <param name="MetricId">The metric's id in <see cref="Verdict.MetricGlossary"/>, for example <c>unicity.expected</c>.</param>
/// <param name="Before">The metric on the unmitigated data, in the metric's own unit (shares in [0, 1]).</param>
/// <param name="After">The metric after the mitigation, same unit.</param>
public sealed record WhatIfRow(string MitigationLabel, string MetricId, double Before, double After)
{
    /// <summary>
    /// (after − before) / before: −0.4 means the mitigation removed 40 % of the risk. Null when before is 0 or either
    /// value is not finite (no meaningful ratio).
    /// </summary>
    public double? RelativeChange =>
        Before != 0 && double.IsFinite(Before) && double.IsFinite(After) ? (After - Before) / Before : null;
}
