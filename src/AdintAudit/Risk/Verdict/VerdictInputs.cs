namespace AdintAudit.Risk.Verdict;

/// <summary>
/// The figures the WP216 verdict is decided from, as plain numbers: shares of devices in [0, 1], null when the audit
/// did not compute them (a criterion with no figure is <see cref="RiskLevel.NotAssessed"/>).
/// </summary>
public sealed record VerdictInputs
{
    /// <summary>p, the number of points of the unicity figures. Default 4 (de Montjoye et al. 2013).</summary>
    public int UnicityPoints { get; init; } = 4;

    /// <summary>Finest resolution of the unicity figures, as the report states it (for example <c>100 m / 1 h</c>).</summary>
    public string FinestResolution { get; init; } = "the finest resolution";

    /// <summary>Coarsest resolution of the unicity figures (for example <c>2 km / 1 day</c>).</summary>
    public string CoarsestResolution { get; init; } = "the coarsest resolution";

    /// <summary>Expected unicity ε_p (share of devices singled out by p random points of their own) at the finest resolution.</summary>
    public double? UnicityExpectedFinest { get; init; }

    /// <summary>Worst-case unicity at the finest resolution: share of devices for which some p of their points single them out.</summary>
    public double? UnicityWorstFinest { get; init; }

    /// <summary>Expected unicity ε_p at the coarsest resolution.</summary>
    public double? UnicityExpectedCoarsest { get; init; }

    /// <summary>Worst-case unicity at the coarsest resolution.</summary>
    public double? UnicityWorstCoarsest { get; init; }

    /// <summary>Share of devices with a home and a work place that are alone with their (home cell, work cell) pair at the finest cell.</summary>
    public double? HomeWorkShareUnique { get; init; }

    /// <summary>Share of devices with a home and a work place whose pair's anonymity set is smaller than <see cref="AnonymityK"/>.</summary>
    public double? HomeWorkShareBelowK { get; init; }

    /// <summary>k of <see cref="HomeWorkShareBelowK"/>. Default 5.</summary>
    public int AnonymityK { get; init; } = 5;

    /// <summary>Share of devices linked to at least one other device by co-located stays.</summary>
    public double? ShareLinkedByColocation { get; init; }

    /// <summary>Share of devices whose inferred home is shared with at least one other device.</summary>
    public double? ShareSharingHome { get; init; }

    /// <summary>Share of all devices with an inferred home.</summary>
    public double? ShareWithInferredHome { get; init; }

    /// <summary>Share of the devices seen at a sensitive site that have an inferred home ("followed home").</summary>
    public double? ShareAtSiteFollowedHome { get; init; }
}
