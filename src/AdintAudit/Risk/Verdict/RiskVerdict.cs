using System.Globalization;

namespace AdintAudit.Risk.Verdict;

/// <summary>
/// The verdict per Article 29 Working Party criterion (Opinion 05/2014, WP216): singling out, linkability, inference,
/// each with its level, the figures and thresholds used and a plain-language sentence; overall = the highest level.
/// </summary>
/// <param name="SinglingOut">Unicity (expected and worst case, finest and coarsest resolution) and home/work uniqueness.</param>
/// <param name="Linkability">Home/work anonymity sets below k, co-location linkage and shared homes.</param>
/// <param name="Inference">Inferred homes and devices at sensitive sites followed home.</param>
public sealed record RiskVerdict(CriterionVerdict SinglingOut, CriterionVerdict Linkability, CriterionVerdict Inference)
{
    /// <summary>The highest of the three levels (<see cref="RiskLevel.NotAssessed"/> only when none was assessed).</summary>
    public RiskLevel Overall => (RiskLevel)Math.Max((int)SinglingOut.Level, Math.Max((int)Linkability.Level, (int)Inference.Level));

    /// <summary>The three criteria in WP216's order.</summary>
    public IReadOnlyList<CriterionVerdict> Criteria => [SinglingOut, Linkability, Inference];

    /// <summary>Decides the verdict from the audit's figures.</summary>
    /// <param name="inputs">The figures; null ones are left out.</param>
    /// <param name="options">Thresholds; null for the defaults.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A figure is outside [0, 1] or NaN.</exception>
    public static RiskVerdict Assess(VerdictInputs inputs, VerdictOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new VerdictOptions();
        int p = inputs.UnicityPoints;
        var singling = new List<VerdictFigure>();
        AddFigure(singling, "unicity.expected", inputs.UnicityExpectedFinest, options.UnicityExpectedMedium, options.UnicityExpectedHigh,
            x => $"{p} random points single out {x} of devices at {inputs.FinestResolution}");
        AddFigure(singling, "unicity.expected", inputs.UnicityExpectedCoarsest, options.UnicityExpectedMedium, options.UnicityExpectedHigh,
            x => $"{p} random points single out {x} of devices even at {inputs.CoarsestResolution}");
        AddFigure(singling, "unicity.worst", inputs.UnicityWorstFinest, options.UnicityWorstMedium, options.UnicityWorstHigh,
            x => $"for {x} of devices, some {p} of their own points single them out at {inputs.FinestResolution}");
        AddFigure(singling, "unicity.worst", inputs.UnicityWorstCoarsest, options.UnicityWorstMedium, options.UnicityWorstHigh,
            x => $"for {x} of devices, some {p} of their own points single them out even at {inputs.CoarsestResolution}");
        AddFigure(singling, "homework.share_unique", inputs.HomeWorkShareUnique, options.HomeWorkUniqueMedium, options.HomeWorkUniqueHigh,
            x => $"{x} of devices with a home and a work place are the only ones with that pair");

        var linking = new List<VerdictFigure>();
        AddFigure(linking, "homework.share_below_k", inputs.HomeWorkShareBelowK, options.HomeWorkBelowKMedium, options.HomeWorkBelowKHigh,
            x => $"{x} of devices with a home and a work place share that pair with fewer than {inputs.AnonymityK} devices, so an outside address list narrows them down");
        AddFigure(linking, "linkage.colocation", inputs.ShareLinkedByColocation, options.LinkedMedium, options.LinkedHigh,
            x => $"{x} of devices are linked to another device by stays at the same spot at the same time");
        AddFigure(linking, "linkage.shared_home", inputs.ShareSharingHome, options.LinkedMedium, options.LinkedHigh,
            x => $"{x} of devices share their inferred home with another device");

        var inferring = new List<VerdictFigure>();
        AddFigure(inferring, "home.share_inferred", inputs.ShareWithInferredHome, options.InferredHomeMedium, options.InferredHomeHigh,
            x => $"where {x} of devices sleep can be inferred from the pings");
        AddFigure(inferring, "site.followed_home", inputs.ShareAtSiteFollowedHome, options.FollowedHomeMedium, options.FollowedHomeHigh,
            x => $"{x} of devices seen at a sensitive site can be followed home");

        return new RiskVerdict(
            Decide(PrivacyCriterion.SinglingOut, singling),
            Decide(PrivacyCriterion.Linkability, linking),
            Decide(PrivacyCriterion.Inference, inferring));
    }

    /// <summary>Returns the level of a figure: High at or above <paramref name="highAt"/>, Medium at or above <paramref name="mediumAt"/>, else Low.</summary>
    /// <param name="value">The figure.</param>
    /// <param name="mediumAt">Medium threshold.</param>
    /// <param name="highAt">High threshold.</param>
    public static RiskLevel LevelOf(double value, double mediumAt, double highAt) =>
        value >= highAt ? RiskLevel.High : value >= mediumAt ? RiskLevel.Medium : RiskLevel.Low;

    /// <summary>Formats a share as a percentage for sentences: whole percent from 10 %, one decimal below (0.934 → "93 %", 0.012 → "1.2 %").</summary>
    /// <param name="share">A share in [0, 1].</param>
    public static string Percent(double share) =>
        (share * 100).ToString(share >= 0.1 ? "0" : "0.#", CultureInfo.InvariantCulture) + " %";

    private static void AddFigure(List<VerdictFigure> figures, string metricId, double? value, double mediumAt, double highAt, Func<string, string> sentence)
    {
        if (value is not double v)
        {
            return;
        }

        if (!(v >= 0 && v <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(value), v, $"{metricId} must be a share in [0, 1]");
        }

        figures.Add(new VerdictFigure(metricId, v, mediumAt, highAt, LevelOf(v, mediumAt, highAt), sentence(Percent(v))));
    }

    private static CriterionVerdict Decide(PrivacyCriterion criterion, List<VerdictFigure> figures)
    {
        string name = criterion switch
        {
            PrivacyCriterion.SinglingOut => "Singling out",
            PrivacyCriterion.Linkability => "Linkability",
            _ => "Inference",
        };
        if (figures.Count == 0)
        {
            return new CriterionVerdict(criterion, RiskLevel.NotAssessed, [], $"{name}: not assessed (no figure was computed).");
        }

        // The deciding figure: the first (in the fixed order above) with the highest level.
        VerdictFigure top = figures[0];
        foreach (VerdictFigure figure in figures)
        {
            if (figure.Level > top.Level)
            {
                top = figure;
            }
        }

        string level = top.Level switch
        {
            RiskLevel.High => "high",
            RiskLevel.Medium => "medium",
            _ => "low",
        };
        return new CriterionVerdict(criterion, top.Level, figures, $"{name} risk is {level}: {top.Sentence}.");
    }
}
