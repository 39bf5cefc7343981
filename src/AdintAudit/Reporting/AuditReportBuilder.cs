using AdintAudit.Audit;
using AdintAudit.Mobility;
using AdintAudit.Quality;
using AdintAudit.Risk.Attacks;
using AdintAudit.Risk.Linkage;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Unicity;
using AdintAudit.Risk.Verdict;
using AdintAudit.Sites;

namespace AdintAudit.Reporting;

/// <summary>
/// Turns an <see cref="AuditResult"/> into the report document (sections in the research order of DESIGN.md): profile,
/// quality, richness, singling out, home/work, sensitive sites, linkage, what-ifs, verdict, reproducibility.
/// </summary>
/// <remarks>Aggregates only: no device identifier, coordinate of a single home, or example ping appears in the document.</remarks>
public static class AuditReportBuilder
{
    /// <summary>Builds the document.</summary>
    /// <param name="result">The audit.</param>
    public static ReportDocument Build(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sections = new List<ReportSection>
        {
            Verdict(result),
            Profile(result),
            QualitySection(result),
            Richness(result),
            SinglingOut(result),
            HomeWork(result),
        };
        if (result.SiteExposure is not null)
        {
            sections.Add(SitesSection(result, result.SiteExposure));
        }

        sections.Add(LinkageSection(result.Linkage));
        sections.Add(WhatIfSection(result));
        sections.Add(Glossary());
        sections.Add(Reproducibility(result));
        return new ReportDocument
        {
            Title = "Re-identification risk audit",
            Subtitle = $"{string.Join(", ", result.Inputs.Select(i => Path.GetFileName(i.Path)))} — {ReportFormat.Count(result.Profile.Pings)} pings from "
                + $"{ReportFormat.Count(result.Profile.Devices)} devices — AdintAudit {result.ToolVersion}, {result.StartedUtc:yyyy-MM-dd HH:mm} UTC",
            KeyFigures = KeyFigures(result),
            Sections = sections,
        };
    }

    /// <summary>The figures quoted at the top of the report and in the console summary.</summary>
    /// <param name="result">The audit.</param>
    public static IReadOnlyList<KeyFigure> KeyFigures(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<KeyFigure>
        {
            new("Overall risk", result.Verdict.Overall.ToString(), "The highest of the three Article 29 WP criteria below."),
        };
        UnicityResolution headline = RiskVerdicts.Headline(result.Unicity.Options.Resolutions);
        foreach (UnicityCurve curve in result.Unicity.Curves)
        {
            if (curve.Resolution == headline)
            {
                foreach (UnicityPoint point in curve.Points)
                {
                    if (point.P == RiskVerdicts.HeadlinePoints)
                    {
                        figures.Add(new KeyFigure($"Singled out by {point.P} random points", ReportFormat.Percent(point.Expected),
                            $"Share of devices that {point.P} random points of their own trace ({RiskVerdicts.Describe(curve.Resolution)}) match no other device."));
                    }
                }
            }
        }

        if (result.HomeWorkAnonymity.Summaries.Count > 0 && result.HomeWorkAnonymity.Summaries[0] is { Devices: > 0 } pairs)
        {
            figures.Add(new KeyFigure("Unique by home and work", ReportFormat.Percent(pairs.ShareUnique),
                $"Devices with an inferred home and work that no other device shares at {ReportFormat.Meters(pairs.CellMeters)} cells."));
        }

        if (result.SiteExposure is { DevicesAtAnySite: > 0 } exposure)
        {
            figures.Add(new KeyFigure("Followed home from a sensitive site",
                ReportFormat.Percent(exposure.FollowedHomeAtAnySite / (double)exposure.DevicesAtAnySite),
                $"{ReportFormat.Count(exposure.FollowedHomeAtAnySite)} of the {ReportFormat.Count(exposure.DevicesAtAnySite)} devices seen at a sensitive site have an inferred home."));
        }

        return figures;
    }

    private static ReportSection Verdict(AuditResult result)
    {
        var blocks = new List<ReportBlock>
        {
            new Paragraph("The Article 29 Working Party (Opinion 05/2014 on anonymisation techniques) asks three questions of any \"anonymous\" "
                + "dataset: can a person be singled out, can records of the same person be linked, and can something be inferred about them? "
                + "Each answer below is decided from the figures of this audit against stated thresholds."),
        };
        foreach (CriterionVerdict criterion in result.Verdict.Criteria)
        {
            CalloutLevel level = criterion.Level switch
            {
                RiskLevel.High => CalloutLevel.Danger,
                RiskLevel.Medium => CalloutLevel.Warning,
                _ => CalloutLevel.Info,
            };
            blocks.Add(new Callout(level, criterion.Explanation));
            if (criterion.Figures.Count > 0)
            {
                blocks.Add(new Table(["figure", "value", "medium from", "high from", "level"],
                    [.. criterion.Figures.Select(f => (IReadOnlyList<string>)[f.Sentence, ReportFormat.Percent(f.Value), ReportFormat.Percent(f.MediumAt),
                        ReportFormat.Percent(f.HighAt), f.Level.ToString()])])
                { NumericColumns = [false, true, true, true, false] });
            }
        }

        return new ReportSection("verdict", "Verdict", blocks);
    }

    private static ReportSection Profile(AuditResult result)
    {
        DatasetProfile p = result.Profile;
        return new ReportSection("profile", "Dataset profile",
        [
            new Paragraph($"The input holds {ReportFormat.Count(p.Pings)} pings from {ReportFormat.Count(p.Devices)} devices, from "
                + $"{(p.Pings == 0 ? "—" : ReportFormat.Instant(p.FirstMs))} to {(p.Pings == 0 ? "—" : ReportFormat.Instant(p.LastMs))} "
                + $"({p.LocalDays} local days; local time: {p.LocalTime}), as loaded, before the quality screen. Timestamps: {result.TimestampSource}."),
            DistributionTable([("pings per device", p.PingsPerDevice), ("active days per device", p.ActiveDaysPerDevice),
                ("pings per active day", p.PingsPerActiveDay), ("horizontal accuracy (m)", p.AccuracyMeters)],
                $"Known accuracy for {ReportFormat.Percent(p.AccuracyKnownShare)} of pings."),
            AuditPlots.PingsPerDevice(result),
            AuditPlots.PingsByHour(result),
            AuditPlots.AccuracyBins(result),
        ]);
    }

    private static Table DistributionTable(IReadOnlyList<(string Name, Distribution D)> rows, string caption) =>
        new(["measure", "min", "10 %", "median", "90 %", "max", "mean"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, ReportFormat.Number(r.D.Min), ReportFormat.Number(r.D.P10), ReportFormat.Number(r.D.Median),
                ReportFormat.Number(r.D.P90), ReportFormat.Number(r.D.Max), ReportFormat.Number(r.D.Mean)])])
        {
            Caption = caption,
            NumericColumns = [false, true, true, true, true, true, true],
        };

    private static ReportSection QualitySection(AuditResult result)
    {
        QualityReport q = result.Quality;
        return new ReportSection("quality", "Data quality",
        [
            new Paragraph($"The quality screen kept {ReportFormat.Count(q.CleanPings)} of {ReportFormat.Count(q.InputPings)} pings "
                + $"({ReportFormat.Percent(q.InputPings == 0 ? double.NaN : q.CleanPings / (double)q.InputPings)}). Dataset window: "
                + $"{ReportFormat.Instant(q.WindowStartMs)} to {ReportFormat.Instant(q.WindowEndMs)} ({q.WindowSource}). Flagged pings that are kept "
                + "(for example IP-derived positions) are still excluded from stay detection. The risk figures below use the kept pings."),
            new Table(["check", "pings", "share", "action"],
                [.. q.Checks.Select(c => (IReadOnlyList<string>)[c.Name, ReportFormat.Count(c.Pings),
                    ReportFormat.Percent(q.InputPings == 0 ? double.NaN : c.Pings / (double)q.InputPings), c.Removed ? "removed" : "flagged"])])
            {
                NumericColumns = [false, true, true, false],
                Caption = $"{ReportFormat.Count(result.RowsDroppedOnLoad)} rows were dropped on load for missing values.",
            },
        ]);
    }

    private static ReportSection Richness(AuditResult result)
    {
        AuditMobility run = result.Mobility;
        HomeWorkTable homes = run.Homes;
        int withHome = homes.DevicesWithHome;
        int withWork = homes.DevicesWithWork;

        int devices = Math.Max(1, homes.Count);
        return new ReportSection("richness", "Per-device richness: stays, places, home and work",
        [
            new Paragraph($"From the kept pings the pipeline found {ReportFormat.Count(run.Stays.Count)} stays (where a device stood still for at least "
                + $"{result.Options.Pipeline.Stays.MinDurationMinutes:0} minutes within {result.Options.Pipeline.Stays.RadiusMeters:0} m) at "
                + $"{ReportFormat.Count(run.Places.Count)} places. {ReportFormat.Count(withHome)} devices ({ReportFormat.Percent(withHome / (double)devices)}) have an "
                + $"inferred home and {ReportFormat.Count(withWork)} ({ReportFormat.Percent(withWork / (double)devices)}) an inferred workplace "
                + $"(local time: {homes.LocalTimeDescription})."),
        ]);
    }

    private static ReportSection SinglingOut(AuditResult result)
    {
        UnicityResult u = result.Unicity;
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Unicity (de Montjoye et al. 2013): for each device, p points are drawn at random from its own trace, coarsened to a grid cell "
                + $"and a time bin; the device is singled out when no other device has all p. Sampled devices: {ReportFormat.Count(u.SampledDevices)} of "
                + $"{ReportFormat.Count(u.TotalDevices)}, {u.Options.DrawsPerDevice} draws each, seed {u.Seed}. The worst case asks whether some p points of the "
                + "device (the ones an adversary is most likely to know) single it out."),
            AuditPlots.Unicity(u),
        };
        var headers = new List<string> { "resolution" };
        var rows = new List<IReadOnlyList<string>>();
        foreach (UnicityCurve curve in u.Curves)
        {
            var row = new List<string> { RiskVerdicts.Describe(curve.Resolution) };
            foreach (UnicityPoint point in curve.Points)
            {
                if (rows.Count == 0)
                {
                    headers.Add($"p = {point.P}");
                }

                row.Add($"{ReportFormat.Percent(point.Expected)} (worst {ReportFormat.Percent(point.WorstCase)}{(point.WorstCaseLowerBoundDevices > 0 ? "+" : "")})");
            }

            rows.Add(row);
        }

        blocks.Add(new Table(headers, rows) { Caption = "Expected share singled out; in brackets the worst case (+: lower bound, search bounded)." });
        if (result.Attacks.Count > 0)
        {
            blocks.Add(new Paragraph("Background-knowledge attacks (Pellungrini et al. 2017): the adversary knows k of a device's stays (as "
                + $"{ReportFormat.Meters(result.Options.AttackCellMeters)} cells); the risk is 1 / the number of devices matching the most revealing knowledge."));
            blocks.Add(new Table(["attack", "k", "devices", "mean risk", "median risk", "risk 1", "risk ≥ 0.5", "bounded searches", "seconds"],
                [.. result.Attacks.Select(a => (IReadOnlyList<string>)[AttackName(a.Spec.Kind), a.Spec.KnowledgeLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ReportFormat.Count(a.Devices), ReportFormat.Number(a.MeanRisk, 3), ReportFormat.Number(a.MedianRisk, 3), ReportFormat.Percent(a.ShareRiskOne),
                    ReportFormat.Percent(a.ShareRiskAtLeastHalf), ReportFormat.Count(a.TruncatedDevices), ReportFormat.Number(a.Seconds, 2)])])
            {
                NumericColumns = [false, true, true, true, true, true, true, true, true],
                Caption = $"Bounded searches stop after {ReportFormat.Count(result.Attacks[0].MaxInstancesPerDevice)} instances; those devices' risk is a lower bound.",
            });
        }

        return new ReportSection("singling-out", "Singling out", blocks);
    }

    private static ReportSection HomeWork(AuditResult result)
    {
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Home/work pair anonymity (Golle & Partridge 2009): devices are grouped by the grid cells of their inferred home and "
                + "workplace; a group of one is unique. The prosecutor figures (as in ARX) assume the adversary knows the person is in the data."),
        };
        blocks.Add(new Table(["cell", "devices", "groups", "median set", "unique", $"set < {result.Options.Anonymity.SmallSetThreshold}", "highest risk",
                "success rate", "records at risk"],
            [.. result.HomeWorkAnonymity.Summaries.Select(s => (IReadOnlyList<string>)[ReportFormat.Meters(s.CellMeters), ReportFormat.Count(s.Devices),
                ReportFormat.Count(s.Classes), ReportFormat.Number(s.MedianSetSize, 1), ReportFormat.Percent(s.ShareUnique), ReportFormat.Percent(s.ShareBelowK),
                ReportFormat.Number(s.Prosecutor.HighestRisk, 3), ReportFormat.Percent(s.Prosecutor.SuccessRate), ReportFormat.Percent(s.Prosecutor.RecordsAtRisk)])])
        {
            NumericColumns = [false, true, true, true, true, true, true, true, true],
            Caption = $"Records at risk: share of devices in groups whose re-identification probability exceeds {ReportFormat.Number(result.Options.Anonymity.RiskThreshold)}.",
        });
        blocks.Add(AuditPlots.HomeWorkSets(result.HomeWorkAnonymity));
        blocks.Add(new Paragraph("Top-N places (Zang & Bolot 2011): devices grouped by their N most visited places, as a set (unordered) or in order."));
        blocks.Add(new Table(["N", "order", "cell", "devices", "unique", "median set", "devices with fewer places"],
            [.. result.TopPlaces.Summaries.Select(s => (IReadOnlyList<string>)[s.PlaceCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Ordered ? "ordered" : "unordered", ReportFormat.Meters(s.Sets.CellMeters), ReportFormat.Count(s.Sets.Devices), ReportFormat.Percent(s.Sets.ShareUnique),
                ReportFormat.Number(s.Sets.MedianSetSize, 1), ReportFormat.Count(s.DevicesWithFewerPlaces)])])
        {
            NumericColumns = [true, false, false, true, true, true, true],
        });
        blocks.Add(AuditPlots.HomeMap(result));
        if (result.Accuracy is InferenceAccuracy accuracy)
        {
            blocks.Add(new Paragraph($"Against the ground truth ({Path.GetFileName(accuracy.TruthPath)}, {ReportFormat.Count(accuracy.ScoredDevices)} devices scored): "
                + "recall is the share right among all devices that have the place; precision the share right among those given one."));
            blocks.Add(new Table(["place", "within", "recall", "precision"],
                [.. accuracy.Home.ByRadius.Select(r => (IReadOnlyList<string>)["home", ReportFormat.Meters(r.RadiusMeters), ReportFormat.Percent(r.Recall), ReportFormat.Percent(r.Precision)]),
                 .. accuracy.Work.ByRadius.Select(r => (IReadOnlyList<string>)["work", ReportFormat.Meters(r.RadiusMeters), ReportFormat.Percent(r.Recall), ReportFormat.Percent(r.Precision)])])
            {
                NumericColumns = [false, true, true, true],
                Caption = $"Devices without a workplace in truth given one anyway: {ReportFormat.Count(accuracy.Work.FalselyAnswered)} of {ReportFormat.Count(accuracy.Work.WithoutTruth)}.",
            });
            blocks.Add(AuditPlots.HomeErrors(accuracy.Home.ErrorMeters));
        }

        return new ReportSection("home-work", "Home and work", blocks);
    }

    private static ReportSection SitesSection(AuditResult result, SiteExposureResult exposure)
    {
        int k = result.Options.MinDevicesPerCell;
        List<SiteExposure> visited = [.. exposure.Sites.Where(s => s.Devices > 0).OrderByDescending(s => s.Devices).ThenBy(s => s.Site.Name, StringComparer.Ordinal)];
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"The ADINT scenario: a buyer of the data looks at who was seen at a sensitive site and where those devices sleep. "
                + $"{ReportFormat.Count(exposure.DevicesAtAnySite)} devices were seen at {visited.Count} of {exposure.Sites.Count} sites "
                + $"(pings with accuracy ≤ {result.Options.Sites.MaxAccuracyMeters:0} m); {ReportFormat.Count(exposure.FollowedHomeAtAnySite)} of them have an inferred home. "
                + $"Home distances are shown only for sites with at least {k} devices followed home."),
            new Table(["site", "category", "devices", "pings", "days", "dwell", "followed home", "median home distance", "unique by home/work", "staff"],
                [.. visited.Select(s => (IReadOnlyList<string>)[s.Site.Name, s.Site.Category, ReportFormat.Count(s.Devices), ReportFormat.Count(s.Pings),
                    ReportFormat.Count(s.Days), s.DwellMs is long dwell ? ReportFormat.Hours(dwell) : "—", ReportFormat.Count(s.FollowedHome),
                    s.FollowedHome >= k ? ReportFormat.Meters(s.MedianHomeDistanceMeters) : "suppressed",
                    s.UniqueByHomeWork is int unique ? ReportFormat.Count(unique) : "—", ReportFormat.Count(s.Staff)])])
            {
                NumericColumns = [false, false, true, true, true, true, true, true, true, true],
                Caption = "One row per site with at least one device seen; sites.geojson holds every site with these figures.",
            },
            new Table(["category", "sites", "visited", "devices", "pings", "followed home", "staff"],
                [.. exposure.Categories.Select(c => (IReadOnlyList<string>)[c.Category, ReportFormat.Count(c.Sites), ReportFormat.Count(c.SitesVisited),
                    ReportFormat.Count(c.Devices), ReportFormat.Count(c.Pings), ReportFormat.Count(c.FollowedHome), ReportFormat.Count(c.Staff)])])
            {
                NumericColumns = [false, true, true, true, true, true, true],
            },
            AuditPlots.SiteBars(exposure),
        };
        return new ReportSection("sites", "Sensitive-site exposure", blocks);
    }

    private static ReportSection LinkageSection(LinkageResult linkage)
    {
        LinkageSummary s = linkage.Summary;
        var rows = new List<IReadOnlyList<string>>
        {
            Row(s.CoLocated, "co-located stays"),
            Row(s.StrictlyCoLocated, "co-located stays (strict)"),
        };
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Linkage: devices that stay at the same spot at the same time (a household, a couple, a person's second phone or a reset "
                + "advertising ID) can be joined, so what one reveals reveals the other."),
            new Table(["link", "within", "linked pairs", "devices linked", "share of devices", "pairs on ≥ 2 days"], rows)
            {
                NumericColumns = [false, true, true, true, true, true],
            },
        };
        if (s.ComparisonLimitReached)
        {
            blocks.Add(new Callout(CalloutLevel.Warning, "The co-location search stopped at its bound of distance comparisons "
                + "(LinkageOptions.MaxComparisons): very many stays share a few spots, so the linked counts above are lower bounds."));
        }

        if (s.SharedHomes is SharedHomeSummary homes)
        {
            blocks.Add(new Paragraph($"{ReportFormat.Count(homes.DevicesInGroups)} of {ReportFormat.Count(homes.DevicesWithHome)} devices with an inferred home share it "
                + $"(within {ReportFormat.Meters(homes.DistanceMeters)}) with another device, in {ReportFormat.Count(homes.Groups)} groups; the largest has "
                + $"{ReportFormat.Count(homes.LargestGroup)} devices."));
        }

        return new ReportSection("linkage", "Linkage", blocks);

        static IReadOnlyList<string> Row(CoLocationSummary c, string name) =>
            [name, ReportFormat.Meters(c.DistanceMeters), ReportFormat.Count(c.LinkedPairs), ReportFormat.Count(c.LinkedDevices), ReportFormat.Percent(c.ShareLinkedDevices),
                ReportFormat.Count(c.RepeatedPairs)];
    }

    private static ReportSection WhatIfSection(AuditResult result)
    {
        WhatIfTable table = result.WhatIfs;
        var blocks = new List<ReportBlock>
        {
            new Paragraph("What would a mitigation change? Each row transforms the kept pings, re-runs stays, places and homes, and recomputes the figure "
                + $"the same way before and after (unicity: p = {WhatIfRunner.LowPoints} and {RiskVerdicts.HeadlinePoints} at {RiskVerdicts.Describe(WhatIfRunner.ReducedUnicity(result.Options).Resolutions[0])}, "
                + $"{ReportFormat.Count(WhatIfRunner.ReducedUnicity(result.Options).MaxDevices)} sampled devices). A dash: the figure cannot be measured after "
                + $"that mitigation (no device has both a home and a work place, or time bins longer than {WhatIfRunner.MaxBinForHomeFiguresMinutes} minutes, which "
                + "put every ping of a bin on one instant and leave nothing to infer a home from)."),
        };
        if (table.Rows.Count > 0 && table.SampledDevices < table.TotalDevices)
        {
            blocks.Add(new Paragraph($"The what-ifs re-run the pipeline seven times, so on large inputs they use a random sample of devices (chosen by a hash "
                + $"of the id, at most about {ReportFormat.Count(result.Options.WhatIfMaxPings)} input pings): {ReportFormat.Count(table.SampledDevices)} of "
                + $"{ReportFormat.Count(table.TotalDevices)} devices, {ReportFormat.Count(table.SampledPings)} of {ReportFormat.Count(table.TotalPings)} kept pings. "
                + "Before and after are both computed on that sample; anonymity sets in a smaller population are smaller, so read the changes, not the levels."));
        }

        if (table.Rows.Count == 0)
        {
            blocks.Add(new Paragraph("No mitigation was evaluated."));
            return new ReportSection("what-ifs", "Mitigation what-ifs", blocks);
        }

        blocks.Add(new Table(["mitigation", "figure", "before", "after", "change"],
            [.. table.Rows.Select(r => (IReadOnlyList<string>)[r.MitigationLabel, Name(r.MetricId), Value(r.MetricId, r.Before), Value(r.MetricId, r.After),
                r.RelativeChange is double change ? ReportFormat.Percent(change) : "—"])])
        {
            NumericColumns = [false, false, true, true, true],
        });
        blocks.Add(AuditPlots.WhatIfBars(table, WhatIfRunner.UnicityExpectedTwoPoints, $"Unicity (p = {WhatIfRunner.LowPoints}) before and after", "whatif_unicity.svg"));
        blocks.Add(AuditPlots.WhatIfBars(table, WhatIfRunner.HomeWorkUnique, "Unique by home/work before and after", "whatif_homework.svg"));
        return new ReportSection("what-ifs", "Mitigation what-ifs", blocks);

        static string Value(string metric, double v) => metric == WhatIfRunner.FollowedHome ? ReportFormat.Number(v, 0) : ReportFormat.Percent(v);
    }

    private static ReportSection Glossary() =>
        new("glossary", "What the figures mean",
        [
            new DefinitionList([.. MetricGlossary.All.Select(m => new Definition(m.Name,
                $"{m.Meaning} How: {m.Computation} Parameters: {m.Parameters} Source: {m.Source}"))]),
        ]);

    private static ReportSection Reproducibility(AuditResult result)
    {
        var files = new List<IReadOnlyList<string>>();
        foreach (AuditInputFile f in result.Inputs)
        {
            files.Add(["pings", f.Path, ReportFormat.Count(f.Bytes), f.Sha256]);
        }

        if (result.SitesFile is AuditInputFile sites)
        {
            files.Add(["sites", sites.Path, ReportFormat.Count(sites.Bytes), sites.Sha256]);
        }

        if (result.TruthFile is AuditInputFile truth)
        {
            files.Add(["truth", truth.Path, ReportFormat.Count(truth.Bytes), truth.Sha256]);
        }

        return new ReportSection("reproducibility", "Reproducibility",
        [
            new Paragraph($"AdintAudit {result.ToolVersion}, started {result.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC. Every parameter is in report.json; the "
                + $"unicity sample uses seed {result.Unicity.Seed}, so the same input and options give the same figures on any machine and thread count, "
                + $"in memory or in device partitions. This run: {result.Plan.Describe()}, {result.Options.MaxDegreeOfParallelism} threads."),
            new Table(["role", "file", "bytes", "SHA-256"], files) { NumericColumns = [false, false, true, false] },
            new Table(["stage", "seconds", "units"],
                [.. result.Timings.Select(t => (IReadOnlyList<string>)[t.Stage, ReportFormat.Number(t.Seconds, 2), $"{ReportFormat.Count(t.Units)} {t.Unit}"])])
            {
                NumericColumns = [false, true, true],
            },
        ]);
    }

    private static string Name(string metricId) => MetricGlossary.TryGet(metricId, out MetricExplanation? m) ? m.Name : metricId;

    internal static string AttackName(AttackKind kind) => kind switch
    {
        AttackKind.Location => "location",
        AttackKind.LocationSequence => "location sequence",
        AttackKind.LocationTime => "location and time",
        AttackKind.UniqueLocation => "unique location",
        AttackKind.Frequency => "frequency",
        AttackKind.Probability => "probability",
        AttackKind.Proportion => "proportion",
        _ => "home and work",
    };
}
