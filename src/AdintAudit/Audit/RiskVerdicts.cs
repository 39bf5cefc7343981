using System.Globalization;
using AdintAudit.Mobility;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Linkage;
using AdintAudit.Risk.Unicity;
using AdintAudit.Risk.Verdict;
using AdintAudit.Sites;

namespace AdintAudit.Audit;

/// <summary>Picks the figures the Article 29 WP verdict is decided from, out of an audit's results.</summary>
public static class RiskVerdicts
{
    /// <summary>p of the headline unicity figure: 4 points, as in de Montjoye et al. 2013.</summary>
    public const int HeadlinePoints = 4;

    /// <summary>The headline resolution: 1 km / 1 h when audited, otherwise the first one.</summary>
    /// <param name="resolutions">The audited resolutions.</param>
    public static UnicityResolution Headline(IReadOnlyList<UnicityResolution> resolutions)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        foreach (UnicityResolution r in resolutions)
        {
            if (r.CellMeters == 1000 && r.TimeBinMinutes == 60)
            {
                return r;
            }
        }

        return resolutions.Count > 0 ? resolutions[0] : new UnicityResolution(1000, 60);
    }

    /// <summary>Describes a resolution for people: <c>1 km / 1 h</c>.</summary>
    /// <param name="resolution">The resolution.</param>
    public static string Describe(UnicityResolution resolution)
    {
        string space = resolution.CellMeters >= 1000
            ? string.Create(CultureInfo.InvariantCulture, $"{resolution.CellMeters / 1000:0.##} km")
            : string.Create(CultureInfo.InvariantCulture, $"{resolution.CellMeters:0.##} m");
        int minutes = resolution.TimeBinMinutes;
        string time = minutes % 1440 == 0 ? $"{minutes / 1440} day{(minutes == 1440 ? "" : "s")}"
            : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes} min";
        return $"{space} / {time}";
    }

    /// <summary>Builds the verdict inputs from the results and assesses them.</summary>
    /// <param name="unicity">Unicity curves.</param>
    /// <param name="homeWork">Home/work anonymity (its first cell size is the finest).</param>
    /// <param name="linkage">Linkage.</param>
    /// <param name="exposure">Site exposure, or null.</param>
    /// <param name="homes">Inferred homes.</param>
    /// <param name="options">The audit's options (verdict thresholds).</param>
    public static RiskVerdict Assess(UnicityResult unicity, HomeWorkAnonymityResult homeWork, LinkageResult linkage, SiteExposureResult? exposure,
        HomeWorkTable homes, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(unicity);
        ArgumentNullException.ThrowIfNull(homeWork);
        ArgumentNullException.ThrowIfNull(linkage);
        ArgumentNullException.ThrowIfNull(homes);
        ArgumentNullException.ThrowIfNull(options);
        UnicityCurve? finest = null;
        UnicityCurve? coarsest = null;
        foreach (UnicityCurve curve in unicity.Curves)
        {
            if (finest is null || Fineness(curve.Resolution) < Fineness(finest.Resolution))
            {
                finest = curve;
            }

            if (coarsest is null || Fineness(curve.Resolution) > Fineness(coarsest.Resolution))
            {
                coarsest = curve;
            }
        }

        int withHome = homes.DevicesWithHome;

        AnonymitySummary? pairs = homeWork.Summaries.Count > 0 ? homeWork.Summaries[0] : null;
        LinkageSummary link = linkage.Summary;
        var inputs = new VerdictInputs
        {
            UnicityPoints = HeadlinePoints,
            FinestResolution = finest is null ? "—" : Describe(finest.Resolution),
            CoarsestResolution = coarsest is null ? "—" : Describe(coarsest.Resolution),
            UnicityExpectedFinest = At(finest, p => p.Expected),
            UnicityWorstFinest = At(finest, p => p.WorstCase),
            UnicityExpectedCoarsest = At(coarsest, p => p.Expected),
            UnicityWorstCoarsest = At(coarsest, p => p.WorstCase),
            HomeWorkShareUnique = pairs is null || pairs.Devices == 0 ? null : pairs.ShareUnique,
            HomeWorkShareBelowK = pairs is null || pairs.Devices == 0 ? null : pairs.ShareBelowK,
            AnonymityK = options.Anonymity.SmallSetThreshold,
            ShareLinkedByColocation = link.DevicesWithStays == 0 ? null : link.CoLocated.ShareLinkedDevices,
            ShareSharingHome = link.SharedHomes is null || withHome == 0 ? null : link.SharedHomes.Value.DevicesInGroups / (double)withHome,
            ShareWithInferredHome = homes.Count == 0 ? null : withHome / (double)homes.Count,
            ShareAtSiteFollowedHome = exposure is null || exposure.DevicesAtAnySite == 0 ? null
                : exposure.FollowedHomeAtAnySite / (double)exposure.DevicesAtAnySite,
        };
        return RiskVerdict.Assess(inputs, options.Verdict);
    }

    private static double Fineness(UnicityResolution r) => r.CellMeters * r.TimeBinMinutes;

    private static double? At(UnicityCurve? curve, Func<UnicityPoint, double> pick)
    {
        if (curve is null)
        {
            return null;
        }

        foreach (UnicityPoint point in curve.Points)
        {
            if (point.P == HeadlinePoints && point.EligibleDevices > 0)
            {
                return pick(point);
            }
        }

        return null;
    }
}
