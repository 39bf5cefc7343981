namespace AdintAudit.Risk.Verdict;

/// <summary>One figure a criterion's level was decided from, with the thresholds applied to it.</summary>
/// <param name="MetricId">The metric's id in <see cref="MetricGlossary"/>.</param>
/// <param name="Value">The figure, a share in [0, 1].</param>
/// <param name="MediumAt">Threshold: at or above it the figure is at least <see cref="RiskLevel.Medium"/>.</param>
/// <param name="HighAt">Threshold: at or above it the figure is <see cref="RiskLevel.High"/>.</param>
/// <param name="Level">The level the thresholds give (<see cref="RiskLevel.Low"/> below <paramref name="MediumAt"/>).</param>
/// <param name="Sentence">The figure in plain language, for example <c>4 random points single out 93 % of devices at 1 km / 1 h</c>.</param>
public sealed record VerdictFigure(string MetricId, double Value, double MediumAt, double HighAt, RiskLevel Level, string Sentence);
