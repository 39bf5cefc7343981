using AdintAudit.Audit;
using AdintAudit.Plotting;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Unicity;
using AdintAudit.Sites;

namespace AdintAudit.Reporting;

/// <summary>The charts of an audit report, each as a standalone SVG with the file name it gets under <c>plots/</c>.</summary>
public static class AuditPlots
{
    /// <summary>Pings per device, log-binned.</summary>
    /// <param name="result">The audit.</param>
    public static Figure PingsPerDevice(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] values = new double[result.Profile.DevicePings.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = result.Profile.DevicePings[i];
        }

        string svg = new Histogram
        {
            Title = "Pings per device",
            XLabel = "pings per device (log scale)",
            YLabel = "devices",
            Values = values,
            LogBins = true,
            BinCount = 24,
        }.ToSvg();
        return new Figure(svg, "How many pings each device has: sparse devices are many, dense ones few but easy to single out.", "pings_per_device.svg");
    }

    /// <summary>Pings per local hour of day.</summary>
    /// <param name="result">The audit.</param>
    public static Figure PingsByHour(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var groups = new BarGroup[24];
        for (int h = 0; h < 24; h++)
        {
            groups[h] = new BarGroup(h.ToString("00", System.Globalization.CultureInfo.InvariantCulture), [result.Profile.PingsByLocalHour[h]]);
        }

        string svg = new BarChart
        {
            Title = "Pings per hour of the local day",
            XLabel = $"local hour ({result.Profile.LocalTime})",
            YLabel = "pings",
            SeriesNames = ["pings"],
            Groups = groups,
        }.ToSvg();
        return new Figure(svg, "When devices are seen. Night-time pings are the evidence for an inferred home.", "pings_by_hour.svg");
    }

    /// <summary>Location accuracy of the pings.</summary>
    /// <param name="result">The audit.</param>
    public static Figure AccuracyBins(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<double> edges = result.Profile.AccuracyBinEdgesMeters;
        var groups = new BarGroup[edges.Count];
        for (int i = 0; i < edges.Count; i++)
        {
            string label = i + 1 < edges.Count ? $"{edges[i]:0}–{edges[i + 1]:0}" : $"≥ {edges[i]:0}";
            groups[i] = new BarGroup(label, [result.Profile.AccuracyBinCounts[i]]);
        }

        string svg = new BarChart
        {
            Title = "Horizontal accuracy of the pings",
            XLabel = "accuracy (meters)",
            YLabel = "pings",
            SeriesNames = ["pings"],
            Groups = groups,
        }.ToSvg();
        return new Figure(svg, "Reported horizontal accuracy: GPS fixes are within tens of meters, IP and cell positions within kilometers.", "accuracy.svg");
    }

    /// <summary>Unicity ε_p against p, one curve per resolution, with the confidence band.</summary>
    /// <param name="unicity">Unicity results.</param>
    public static Figure Unicity(UnicityResult unicity)
    {
        ArgumentNullException.ThrowIfNull(unicity);
        var series = new List<LineSeries>();
        foreach (UnicityCurve curve in unicity.Curves)
        {
            var x = new List<double>();
            var y = new List<double>();
            var low = new List<double>();
            var high = new List<double>();
            foreach (UnicityPoint point in curve.Points)
            {
                if (point.EligibleDevices == 0 || double.IsNaN(point.Expected))
                {
                    continue;
                }

                x.Add(point.P);
                y.Add(point.Expected);
                low.Add(double.IsNaN(point.ConfidenceLow) ? point.Expected : point.ConfidenceLow);
                high.Add(double.IsNaN(point.ConfidenceHigh) ? point.Expected : point.ConfidenceHigh);
            }

            series.Add(new LineSeries(RiskVerdicts.Describe(curve.Resolution), x, y) { Lower = low, Upper = high });
        }

        string svg = new LineChart
        {
            Title = "Unicity: share of devices singled out by p random points",
            XLabel = "p, points known to the adversary",
            YLabel = "devices singled out",
            Series = series,
            YUnitRange = true,
        }.ToSvg();
        return new Figure(svg, "ε_p (de Montjoye et al. 2013) at each spatial / temporal resolution; shaded: 95 % confidence interval over sampled devices.",
            "unicity.svg");
    }

    /// <summary>Distribution of home/work anonymity-set sizes, one step curve per cell size.</summary>
    /// <param name="anonymity">Home/work anonymity results.</param>
    public static Figure HomeWorkSets(HomeWorkAnonymityResult anonymity)
    {
        ArgumentNullException.ThrowIfNull(anonymity);
        var series = new List<CdfSeries>();
        foreach (AnonymitySummary summary in anonymity.Summaries)
        {
            var sizes = new List<double>();
            var counts = new List<double>();
            foreach (SetSizeCount bin in summary.SetSizeHistogram)
            {
                sizes.Add(bin.SetSize);
                counts.Add(bin.Devices);
            }

            series.Add(new CdfSeries(ReportFormat.Meters(summary.CellMeters) + " cells", sizes, counts));
        }

        string svg = new StepCdfChart
        {
            Title = "Home/work pair anonymity-set sizes",
            XLabel = "devices sharing the same (home cell, work cell) (log scale)",
            Series = series,
        }.ToSvg();
        return new Figure(svg, "Share of devices whose home/work pair is shared by at most x devices (Golle & Partridge 2009). x = 1: unique.",
            "homework_anonymity.svg");
    }

    /// <summary>Map of inferred-home density on the published grid, with the sites.</summary>
    /// <param name="result">The audit.</param>
    public static Figure HomeMap(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cells = new MapCell[result.HomeGrid.Cells.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            HomeCell c = result.HomeGrid.Cells[i];
            cells[i] = new MapCell(c.South, c.West, c.North, c.East, c.Devices);
        }

        var sites = new List<MapSite>();
        if (result.SiteExposure is SiteExposureResult exposure)
        {
            foreach (SiteExposure site in exposure.Sites)
            {
                if (site.Devices > 0)
                {
                    sites.Add(new MapSite(site.Site.CentroidLat, site.Site.CentroidLon, site.Site.Name, site.Site.Category));
                }
            }
        }

        string svg = new CellDensityMap
        {
            Title = "Where inferred homes are",
            Cells = cells,
            Sites = sites,
            CountLabel = "devices with their inferred home in the cell",
        }.ToSvg();
        return new Figure(svg,
            $"Inferred homes per {ReportFormat.Meters(result.HomeGrid.CellMeters)} cell; cells with fewer than {result.HomeGrid.MinDevicesPerCell} devices are not shown. Markers: sensitive sites with at least one device seen.",
            "home_map.svg");
    }

    /// <summary>Home inference error against the truth.</summary>
    /// <param name="errorsMeters">Sorted errors.</param>
    public static Figure HomeErrors(IReadOnlyList<double> errorsMeters)
    {
        ArgumentNullException.ThrowIfNull(errorsMeters);
        string svg = new Histogram
        {
            Title = "Distance between inferred and true home",
            XLabel = "error in meters (log scale)",
            YLabel = "devices",
            Values = errorsMeters.Select(e => Math.Max(1, e)).ToArray(),
            LogBins = true,
            BinCount = 20,
        }.ToSvg();
        return new Figure(svg, "Inference accuracy against the ground truth: most inferred homes are within a few dozen meters of the true one.",
            "home_error.svg");
    }

    /// <summary>Devices at each of the most visited sites, and how many of them were followed home.</summary>
    /// <param name="exposure">Site exposure.</param>
    /// <param name="top">Sites shown.</param>
    public static Figure SiteBars(SiteExposureResult exposure, int top = 15)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        List<SiteExposure> ranked = [.. exposure.Sites.Where(s => s.FollowedHome > 0).OrderByDescending(s => s.FollowedHome).ThenBy(s => s.Site.Name, StringComparer.Ordinal).Take(top)];
        string svg = new HorizontalBarChart
        {
            Title = "Devices followed home from each sensitive site",
            XLabel = "devices seen at the site with an inferred home",
            Bars = [.. ranked.Select(s => new HorizontalBar($"{s.Site.Name} ({s.Site.Category})", s.FollowedHome))],
        }.ToSvg();
        return new Figure(svg, $"The {ranked.Count} sites with the most devices followed home.", "sites_followed_home.svg");
    }

    /// <summary>Before/after bars of the mitigations for one metric.</summary>
    /// <param name="whatIfs">The what-if table.</param>
    /// <param name="metricId">The metric.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="fileName">File name under plots/.</param>
    public static Figure WhatIfBars(WhatIfTable whatIfs, string metricId, string title, string fileName)
    {
        ArgumentNullException.ThrowIfNull(whatIfs);
        IReadOnlyList<WhatIfRow> rows = whatIfs.ForMetric(metricId);
        string svg = new BarChart
        {
            Title = title,
            XLabel = "mitigation",
            YLabel = "share of devices",
            SeriesNames = ["before", "after"],
            Groups = [.. rows.Select(r => new BarGroup(r.MitigationLabel, [r.Before, r.After]))],
        }.ToSvg();
        return new Figure(svg, "The same figure before and after each mitigation, computed the same way (same sample, same resolution).", fileName);
    }
}
