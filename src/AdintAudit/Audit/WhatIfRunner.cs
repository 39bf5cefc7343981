using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Unicity;
using AdintAudit.Sites;

namespace AdintAudit.Audit;

/// <summary>
/// Recomputes the headline figures after each mitigation: the cleaned pings are transformed, the mobility stages re-run
/// (without a second quality screen), then unicity at the headline resolution, home/work anonymity at the finest cell,
/// the share of devices with an inferred home and, with sites, the devices followed home from a site.
/// </summary>
/// <remarks>
/// "Before" is computed with exactly the same reduced settings as "after" (the same device sample size and resolution),
/// so a change in the table is the mitigation's effect and not a change of method.
/// </remarks>
public static class WhatIfRunner
{
    /// <summary>Metric id of expected unicity at the headline resolution.</summary>
    public const string UnicityExpected = "unicity.expected";

    /// <summary>Metric id of expected unicity with two points at the headline resolution (the four-point figure saturates).</summary>
    public const string UnicityExpectedTwoPoints = "unicity.expected_two_points";

    /// <summary>p of <see cref="UnicityExpectedTwoPoints"/>.</summary>
    public const int LowPoints = 2;

    /// <summary>Metric id of worst-case unicity at the headline resolution.</summary>
    public const string UnicityWorst = "unicity.worst";

    /// <summary>Metric id of the share unique by home/work pair.</summary>
    public const string HomeWorkUnique = "homework.share_unique";

    /// <summary>Metric id of the share of devices with an inferred home.</summary>
    public const string HomeInferred = "home.share_inferred";

    /// <summary>Metric id of the devices followed home from any site.</summary>
    public const string FollowedHome = "site.followed_home";

    /// <summary>Time bins longer than this (minutes) make home and work unobservable; their home figures are not reported.</summary>
    public const int MaxBinForHomeFiguresMinutes = 60;

    /// <summary>Runs every mitigation of <paramref name="options"/> that applies, on the device sample of the baseline.</summary>
    /// <param name="baseline">The audit's mobility run (its cleaned pings and homes).</param>
    /// <param name="sites">Sensitive sites, or null.</param>
    /// <param name="atSite">Pings of <see cref="MobilityRun.Used"/> at a site, or null (used when every device is sampled).</param>
    /// <param name="options">The audit's options.</param>
    /// <param name="progress">Mitigations done.</param>
    /// <param name="cancellationToken">Stops between and inside mitigations.</param>
    /// <remarks>
    /// Below <see cref="AuditOptions.WhatIfMaxPings"/> input rows every device is used and "before" is the baseline
    /// itself; above it, <see cref="Run(WhatIfSample, SiteCatalog?, AuditOptions, IProgress{long}?, CancellationToken)"/>
    /// runs on <see cref="WhatIfSample.FromRun"/>.
    /// </remarks>
    public static WhatIfTable Run(MobilityRun baseline, SiteCatalog? sites, bool[]? atSite, AuditOptions options, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        if (options.WhatIfs.Count == 0)
        {
            return new WhatIfTable([]);
        }

        WhatIfSample sample = WhatIfSample.FromRun(baseline, options.WhatIfMaxPings);
        return sample.IsComplete
            ? Run(baseline, sample, sites, atSite, options, progress, cancellationToken)
            : Run(sample, sites, options, progress, cancellationToken);
    }

    /// <summary>
    /// Runs every mitigation of <paramref name="options"/> that applies on a device sample: "before" re-runs the mobility
    /// stages on the sample as the audit does (IP-like pings excluded, the audit's local time), "after" on each
    /// mitigation of it, so both are measured by the same method on the same devices.
    /// </summary>
    /// <param name="sample">The sampled devices' cleaned pings (<see cref="WhatIfSample.Merge"/> or <see cref="WhatIfSample.FromRun"/>).</param>
    /// <param name="sites">Sensitive sites, or null.</param>
    /// <param name="options">The audit's options.</param>
    /// <param name="progress">Mitigations done.</param>
    /// <param name="cancellationToken">Stops between and inside mitigations.</param>
    /// <returns>The table, stating the sample's size.</returns>
    public static WhatIfTable Run(WhatIfSample sample, SiteCatalog? sites, AuditOptions options, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        if (options.WhatIfs.Count == 0)
        {
            return new WhatIfTable([]);
        }

        // The audit's own stage methods (AuditRunner forces them the same way), so "before" equals the baseline's rows.
        PipelineOptions pipeline = options.Pipeline;
        PingTable pings = sample.Pings;
        StayTable stays = StayDetector.Detect(pings, pipeline.Stays with { Method = StayMethod.Adtech }, sample.IpLike, sample.LocalTime);
        PlaceTable places = PlaceClusterer.Cluster(stays, pipeline.Places with { Method = PlaceMethod.Default });
        HomeWorkTable homes = HomeWorkInference.Infer(pings, stays, places, pipeline.HomeWork with { Method = HomeWorkMethod.Default }, sample.LocalTime,
            sample.IpLike);
        var before = new MobilityRun(pings, null, pings, sample.LocalTime) { Stays = stays, Places = places, Homes = homes };
        return Run(before, sample, sites, AtSite(pings, sites, options, cancellationToken), options, progress, cancellationToken);
    }

    private static bool[]? AtSite(PingTable pings, SiteCatalog? sites, AuditOptions options, CancellationToken cancellationToken) =>
        sites is null ? null : SiteExposureAnalyzer.AtSiteMask(pings, sites, options.Sites, cancellationToken);

    private static WhatIfTable Run(MobilityRun baseline, WhatIfSample sample, SiteCatalog? sites, bool[]? atSite, AuditOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var rows = new List<WhatIfRow>();
        HomeWorkTable homes = baseline.Homes!;
        var context = new MitigationContext
        {
            HomeLatDegrees = homes.HomeLat.ToArray(),
            HomeLonDegrees = homes.HomeLon.ToArray(),
            AtSite = atSite ?? ReadOnlyMemory<bool>.Empty,
        };
        Figures before = Measure(baseline, sites, options, cancellationToken);
        long done = 0;
        foreach (WhatIfMitigation mitigation in options.WhatIfs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Mitigations.CanApply(mitigation, context))
            {
                PingTable transformed = Mitigations.Apply(baseline.Used, mitigation, context);
                MobilityRun run = MobilityPipeline.Run(transformed, PipelineStage.Homes, options.Pipeline with { ScreenQuality = false });
                Figures after = Measure(run, sites, options, cancellationToken);
                if (mitigation.Kind == MitigationKind.CoarsenTime && mitigation.Parameter > MaxBinForHomeFiguresMinutes)
                {
                    // Every ping of a day lands on one instant: no stay lasts, and the night/work windows see only that
                    // instant, so home-based figures would measure the artefact, not the mitigation.
                    after = after with { HomeWorkUnique = double.NaN, HomeInferred = double.NaN, FollowedHome = double.NaN };
                }

                rows.Add(new WhatIfRow(mitigation.Label, UnicityExpectedTwoPoints, before.UnicityExpectedTwoPoints, after.UnicityExpectedTwoPoints));
                rows.Add(new WhatIfRow(mitigation.Label, UnicityExpected, before.UnicityExpected, after.UnicityExpected));
                rows.Add(new WhatIfRow(mitigation.Label, UnicityWorst, before.UnicityWorst, after.UnicityWorst));
                rows.Add(new WhatIfRow(mitigation.Label, HomeWorkUnique, before.HomeWorkUnique, after.HomeWorkUnique));
                rows.Add(new WhatIfRow(mitigation.Label, HomeInferred, before.HomeInferred, after.HomeInferred));
                if (sites is not null)
                {
                    rows.Add(new WhatIfRow(mitigation.Label, FollowedHome, before.FollowedHome, after.FollowedHome));
                }
            }

            progress?.Report(++done);
        }

        return new WhatIfTable(rows)
        {
            SampledDevices = sample.Pings.DeviceCount,
            SampledPings = sample.Pings.Count,
            TotalDevices = sample.TotalDevices,
            TotalPings = sample.TotalPings,
        };
    }

    /// <summary>The unicity settings of the what-ifs: the headline resolution only, a bounded device sample.</summary>
    /// <param name="options">The audit's options.</param>
    public static UnicityOptions ReducedUnicity(AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        UnicityResolution headline = RiskVerdicts.Headline(options.Unicity.Resolutions);
        return options.Unicity with
        {
            Resolutions = [headline],
            Points = [LowPoints, RiskVerdicts.HeadlinePoints],
            MaxDevices = Math.Min(options.Unicity.MaxDevices, options.WhatIfUnicityDevices),
        };
    }

    private static Figures Measure(MobilityRun run, SiteCatalog? sites, AuditOptions options, CancellationToken cancellationToken)
    {
        UnicityResult unicity = UnicityEstimator.Estimate(run.Used, ReducedUnicity(options), cancellationToken);
        UnicityPoint low = unicity.Curves[0].Points[0];
        UnicityPoint point = unicity.Curves[0].Points[1];
        HomeWorkTable homes = run.Homes!;
        HomeWorkAnonymityResult anonymity = HomeWorkAnonymity.Compute(homes, options.Anonymity);
        int withHome = homes.DevicesWithHome;

        double followed = double.NaN;
        if (sites is not null)
        {
            SiteExposureResult exposure = SiteExposureAnalyzer.Compute(run.Used, sites, run.Stays, homes, run.LocalTime, anonymity.DeviceSetSizes(0), options.Sites,
                cancellationToken);
            followed = exposure.FollowedHomeAtAnySite;
        }

        AnonymitySummary pairs = anonymity.Summaries[0];
        return new Figures(low.Expected, point.Expected, point.WorstCase, pairs.Devices == 0 ? double.NaN : pairs.ShareUnique,
            homes.Count == 0 ? double.NaN : withHome / (double)homes.Count, followed);
    }

    private sealed record Figures(double UnicityExpectedTwoPoints, double UnicityExpected, double UnicityWorst, double HomeWorkUnique, double HomeInferred, double FollowedHome);
}
