namespace AdintAudit.Risk.Verdict;

/// <summary>
/// Thresholds of the WP216 verdict. Each figure is High at or above its High threshold, Medium at or above its Medium
/// threshold, else Low.
/// </summary>
/// <remarks>
/// WP216 sets no numbers: it asks whether singling out, linkability and inference remain possible. The defaults are our
/// choices, anchored in the literature: de Montjoye et al. 2013 ("Unique in the Crowd", Sci. Rep. 3:1376) found 4
/// random points single out 95 % of 1.5 M people at 1 h and antenna resolution, and still about half at much coarser
/// resolutions, so half or more singled out is the regime they describe (High); Golle and Partridge 2009 ("On the
/// Anonymity of Home/Work Location Pairs", Pervasive 2009) found about 5 % of US workers unique by home/work census
/// tract, a figure they call a real risk, so 5 % is our Medium for uniqueness; k = 5 follows common k-anonymity practice
/// (a prosecutor risk above 0.2). Linking and sensitive inferences harm the people concerned even when rare, so their
/// thresholds are lower (1 % Medium, 10 % High).
/// </remarks>
public sealed record VerdictOptions
{
    /// <summary>Expected unicity ε_p at or above which singling out is at least Medium. Default 0.05 (one device in 20).</summary>
    public double UnicityExpectedMedium { get; init; } = 0.05;

    /// <summary>Expected unicity ε_p at or above which singling out is High. Default 0.5 (de Montjoye 2013's regime).</summary>
    public double UnicityExpectedHigh { get; init; } = 0.5;

    /// <summary>Worst-case unicity at or above which singling out is at least Medium. Default 0.5.</summary>
    public double UnicityWorstMedium { get; init; } = 0.5;

    /// <summary>Worst-case unicity at or above which singling out is High. Default 0.95 (de Montjoye 2013's headline).</summary>
    public double UnicityWorstHigh { get; init; } = 0.95;

    /// <summary>Share unique by home/work pair at or above which singling out is at least Medium. Default 0.05 (Golle and Partridge's tract level).</summary>
    public double HomeWorkUniqueMedium { get; init; } = 0.05;

    /// <summary>Share unique by home/work pair at or above which singling out is High. Default 0.5.</summary>
    public double HomeWorkUniqueHigh { get; init; } = 0.5;

    /// <summary>Share with a home/work anonymity set below k at or above which linkability is at least Medium. Default 0.05.</summary>
    public double HomeWorkBelowKMedium { get; init; } = 0.05;

    /// <summary>Share with a home/work anonymity set below k at or above which linkability is High. Default 0.5.</summary>
    public double HomeWorkBelowKHigh { get; init; } = 0.5;

    /// <summary>Share of devices linked (co-location or shared home) at or above which linkability is at least Medium. Default 0.01.</summary>
    public double LinkedMedium { get; init; } = 0.01;

    /// <summary>Share of devices linked (co-location or shared home) at or above which linkability is High. Default 0.1.</summary>
    public double LinkedHigh { get; init; } = 0.1;

    /// <summary>Share of devices with an inferred home at or above which inference is at least Medium. Default 0.1.</summary>
    public double InferredHomeMedium { get; init; } = 0.1;

    /// <summary>Share of devices with an inferred home at or above which inference is High. Default 0.5 (most people's address is deducible).</summary>
    public double InferredHomeHigh { get; init; } = 0.5;

    /// <summary>Share of at-site devices followed home at or above which inference is at least Medium. Default 0.01.</summary>
    public double FollowedHomeMedium { get; init; } = 0.01;

    /// <summary>Share of at-site devices followed home at or above which inference is High. Default 0.1.</summary>
    public double FollowedHomeHigh { get; init; } = 0.1;
}
