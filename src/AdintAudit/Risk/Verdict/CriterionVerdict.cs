namespace AdintAudit.Risk.Verdict;

/// <summary>The verdict on one WP216 criterion.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Level">The highest level among <paramref name="Figures"/>; <see cref="RiskLevel.NotAssessed"/> when there is none.</param>
/// <param name="Figures">The figures used, with their thresholds, in a fixed order.</param>
/// <param name="Explanation">One plain-language sentence built from the figure that decided the level.</param>
public sealed record CriterionVerdict(PrivacyCriterion Criterion, RiskLevel Level, IReadOnlyList<VerdictFigure> Figures, string Explanation);
