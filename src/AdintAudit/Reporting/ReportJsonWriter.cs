using System.Text.Json;
using AdintAudit.Audit;
using AdintAudit.Quality;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Linkage;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Unicity;
using AdintAudit.Risk.Verdict;
using AdintAudit.Sites;

namespace AdintAudit.Reporting;

/// <summary>
/// Writes report.json: every figure of the audit with the parameters it was computed with, under a versioned schema
/// (<see cref="SchemaId"/>, described by docs/report.schema.json). Aggregates only: no device identifiers.
/// </summary>
/// <remarks>NaN (a figure that could not be computed) is written as null.</remarks>
public static class ReportJsonWriter
{
    /// <summary>The schema identifier written at the top of every report.json; bumped on any incompatible change.</summary>
    public const string SchemaId = "https://adint-audit.example/schemas/report/1";

    /// <summary>Writes the report.</summary>
    /// <param name="result">The audit.</param>
    /// <param name="output">Destination.</param>
    public static void Write(AuditResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaId);
        json.WriteNumber("schema_version", 1);
        json.WriteStartObject("tool");
        json.WriteString("name", "AdintAudit");
        json.WriteString("version", result.ToolVersion);
        json.WriteString("started_utc", result.StartedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("execution");
        json.WriteString("mode", result.Plan.InMemory ? "in_memory" : "partitioned");
        json.WriteNumber("partitions", result.Plan.Partitions);
        json.WriteNumber("threads", result.Options.MaxDegreeOfParallelism);
        json.WriteNumber("estimated_bytes", result.Plan.EstimatedBytes);
        json.WriteNumber("budget_bytes", result.Plan.BudgetBytes);
        json.WriteEndObject();
        json.WriteEndObject();
        WriteInputs(json, result);
        WriteProfile(json, result.Profile);
        WriteQuality(json, result.Quality);
        WriteMobility(json, result);
        WriteUnicity(json, result.Unicity);
        WriteAnonymity(json, result);
        WriteLinkage(json, result.Linkage);
        WriteAttacks(json, result);
        WriteSites(json, result);
        WriteWhatIfs(json, result);
        WriteVerdict(json, result.Verdict);
        json.WriteStartArray("timings");
        foreach (StageTiming t in result.Timings)
        {
            json.WriteStartObject();
            json.WriteString("stage", t.Stage);
            Number(json, "seconds", t.Seconds);
            json.WriteNumber("units", t.Units);
            json.WriteString("unit", t.Unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInputs(Utf8JsonWriter json, AuditResult result)
    {
        json.WriteStartObject("inputs");
        json.WriteStartArray("pings");
        foreach (AuditInputFile f in result.Inputs)
        {
            File(json, f);
        }

        json.WriteEndArray();
        json.WritePropertyName("sites");
        if (result.SitesFile is AuditInputFile sites)
        {
            File(json, sites);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WritePropertyName("truth");
        if (result.TruthFile is AuditInputFile truth)
        {
            File(json, truth);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteNumber("rows_read", result.RowsRead);
        json.WriteNumber("rows_dropped_missing_values", result.RowsDroppedOnLoad);
        json.WriteString("timestamps", result.TimestampSource);
        json.WriteEndObject();

        static void File(Utf8JsonWriter json, AuditInputFile f)
        {
            json.WriteStartObject();
            json.WriteString("path", f.Path);
            json.WriteNumber("bytes", f.Bytes);
            json.WriteString("sha256", f.Sha256);
            json.WriteEndObject();
        }
    }

    private static void WriteProfile(Utf8JsonWriter json, DatasetProfile p)
    {
        json.WriteStartObject("profile");
        json.WriteNumber("pings", p.Pings);
        json.WriteNumber("devices", p.Devices);
        json.WriteNumber("first_ms", p.FirstMs);
        json.WriteNumber("last_ms", p.LastMs);
        json.WriteNumber("local_days", p.LocalDays);
        json.WriteString("local_time", p.LocalTime);
        Distribution(json, "pings_per_device", p.PingsPerDevice);
        Distribution(json, "active_days_per_device", p.ActiveDaysPerDevice);
        Distribution(json, "pings_per_active_day", p.PingsPerActiveDay);
        json.WriteStartArray("pings_by_local_hour");
        foreach (long n in p.PingsByLocalHour)
        {
            json.WriteNumberValue(n);
        }

        json.WriteEndArray();
        Number(json, "accuracy_known_share", p.AccuracyKnownShare);
        Distribution(json, "accuracy_meters", p.AccuracyMeters);
        json.WriteStartArray("accuracy_bins");
        for (int i = 0; i < p.AccuracyBinEdgesMeters.Count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("from_meters", p.AccuracyBinEdgesMeters[i]);
            if (i + 1 < p.AccuracyBinEdgesMeters.Count)
            {
                json.WriteNumber("to_meters", p.AccuracyBinEdgesMeters[i + 1]);
            }
            else
            {
                json.WriteNull("to_meters");
            }

            json.WriteNumber("pings", p.AccuracyBinCounts[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteQuality(Utf8JsonWriter json, QualityReport q)
    {
        json.WriteStartObject("quality");
        json.WriteNumber("input_pings", q.InputPings);
        json.WriteNumber("kept_pings", q.CleanPings);
        json.WriteNumber("window_start_ms", q.WindowStartMs);
        json.WriteNumber("window_end_ms", q.WindowEndMs);
        json.WriteString("window_source", q.WindowSource);
        json.WriteStartArray("checks");
        foreach (QualityCheck c in q.Checks)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            json.WriteNumber("pings", c.Pings);
            json.WriteString("action", c.Removed ? "removed" : "flagged");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMobility(Utf8JsonWriter json, AuditResult result)
    {
        var homes = result.Mobility.Homes;
        int withHome = homes.DevicesWithHome;
        int withWork = homes.DevicesWithWork;

        var o = result.Options.Pipeline;
        json.WriteStartObject("mobility");
        json.WriteStartObject("parameters");
        json.WriteNumber("stay_radius_m", o.Stays.RadiusMeters);
        json.WriteNumber("stay_min_duration_min", o.Stays.MinDurationMinutes);
        json.WriteNumber("stay_max_gap_min", o.Stays.MaxGapMinutes);
        json.WriteNumber("place_eps_m", o.Places.EpsMeters);
        json.WriteNumber("night_start_hour", o.HomeWork.NightStartHour);
        json.WriteNumber("night_end_hour", o.HomeWork.NightEndHour);
        json.WriteNumber("work_start_hour", o.HomeWork.WorkStartHour);
        json.WriteNumber("work_end_hour", o.HomeWork.WorkEndHour);
        json.WriteNumber("min_work_days", o.HomeWork.MinWorkDays);
        json.WriteString("local_time", homes.LocalTimeDescription);
        json.WriteEndObject();
        json.WriteNumber("stays", result.Mobility.Stays.Count);
        json.WriteNumber("places", result.Mobility.Places.Count);
        json.WriteNumber("devices", homes.Count);
        json.WriteNumber("devices_with_home", withHome);
        json.WriteNumber("devices_with_work", withWork);
        json.WritePropertyName("accuracy");
        if (result.Accuracy is Mobility.InferenceAccuracy a)
        {
            json.WriteStartObject();
            json.WriteNumber("scored_devices", a.ScoredDevices);
            Place(json, "home", a.Home);
            Place(json, "work", a.Work);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartObject("home_grid");
        json.WriteNumber("cell_m", result.HomeGrid.CellMeters);
        json.WriteNumber("min_devices_per_cell", result.HomeGrid.MinDevicesPerCell);
        json.WriteNumber("cells", result.HomeGrid.Cells.Count);
        json.WriteNumber("suppressed_devices", result.HomeGrid.SuppressedDevices);
        json.WriteEndObject();
        json.WriteEndObject();

        static void Place(Utf8JsonWriter json, string name, Mobility.PlaceAccuracy p)
        {
            json.WriteStartObject(name);
            json.WriteNumber("with_truth", p.WithTruth);
            json.WriteNumber("answered", p.Answered);
            json.WriteNumber("without_truth", p.WithoutTruth);
            json.WriteNumber("falsely_answered", p.FalselyAnswered);
            Number(json, "median_error_m", p.ErrorMeters.Count == 0 ? double.NaN : p.ErrorMeters[p.ErrorMeters.Count / 2]);
            json.WriteStartArray("by_radius");
            foreach (Mobility.AccuracyAtRadius r in p.ByRadius)
            {
                json.WriteStartObject();
                json.WriteNumber("radius_m", r.RadiusMeters);
                Number(json, "recall", r.Recall);
                Number(json, "precision", r.Precision);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private static void WriteUnicity(Utf8JsonWriter json, UnicityResult u)
    {
        json.WriteStartObject("unicity");
        json.WriteStartObject("parameters");
        json.WriteNumber("draws_per_device", u.Options.DrawsPerDevice);
        json.WriteNumber("max_devices", u.Options.MaxDevices);
        json.WriteNumber("seed", u.Seed);
        json.WriteNumber("confidence_level", u.Options.ConfidenceLevel);
        json.WriteNumber("max_instances_per_device", u.Options.MaxInstancesPerDevice);
        json.WriteEndObject();
        json.WriteNumber("total_devices", u.TotalDevices);
        json.WriteNumber("sampled_devices", u.SampledDevices);
        json.WriteStartArray("curves");
        foreach (UnicityCurve curve in u.Curves)
        {
            json.WriteStartObject();
            json.WriteNumber("cell_m", curve.Resolution.CellMeters);
            json.WriteNumber("time_bin_min", curve.Resolution.TimeBinMinutes);
            json.WriteStartArray("points");
            foreach (UnicityPoint p in curve.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("p", p.P);
                json.WriteNumber("eligible_devices", p.EligibleDevices);
                Number(json, "expected", p.Expected);
                Number(json, "ci_low", p.ConfidenceLow);
                Number(json, "ci_high", p.ConfidenceHigh);
                Number(json, "worst_case", p.WorstCase);
                json.WriteNumber("worst_case_lower_bound_devices", p.WorstCaseLowerBoundDevices);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAnonymity(Utf8JsonWriter json, AuditResult result)
    {
        AnonymityOptions o = result.Options.Anonymity;
        json.WriteStartObject("home_work_anonymity");
        json.WriteNumber("small_set_threshold", o.SmallSetThreshold);
        json.WriteNumber("risk_threshold", o.RiskThreshold);
        json.WriteStartArray("by_cell");
        foreach (AnonymitySummary s in result.HomeWorkAnonymity.Summaries)
        {
            Summary(json, s);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("top_places_anonymity");
        foreach (TopPlacesSummary t in result.TopPlaces.Summaries)
        {
            json.WriteStartObject();
            json.WriteNumber("n", t.PlaceCount);
            json.WriteBoolean("ordered", t.Ordered);
            json.WriteNumber("devices_with_fewer_places", t.DevicesWithFewerPlaces);
            json.WritePropertyName("sets");
            Summary(json, t.Sets);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        static void Summary(Utf8JsonWriter json, AnonymitySummary s)
        {
            json.WriteStartObject();
            json.WriteNumber("cell_m", s.CellMeters);
            json.WriteNumber("devices", s.Devices);
            json.WriteNumber("classes", s.Classes);
            Number(json, "median_set_size", s.MedianSetSize);
            Number(json, "share_unique", s.ShareUnique);
            Number(json, "share_below_k", s.ShareBelowK);
            Number(json, "highest_risk", s.Prosecutor.HighestRisk);
            Number(json, "success_rate", s.Prosecutor.SuccessRate);
            Number(json, "records_at_risk", s.Prosecutor.RecordsAtRisk);
            json.WriteStartArray("set_size_histogram");
            foreach (SetSizeCount bin in s.SetSizeHistogram)
            {
                json.WriteStartObject();
                json.WriteNumber("set_size", bin.SetSize);
                json.WriteNumber("devices", bin.Devices);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private static void WriteLinkage(Utf8JsonWriter json, LinkageResult linkage)
    {
        LinkageSummary s = linkage.Summary;
        json.WriteStartObject("linkage");
        json.WriteNumber("devices", s.Devices);
        json.WriteNumber("devices_with_stays", s.DevicesWithStays);
        json.WriteBoolean("comparison_limit_reached", s.ComparisonLimitReached);
        CoLocation(json, "co_located", s.CoLocated);
        CoLocation(json, "strictly_co_located", s.StrictlyCoLocated);
        json.WritePropertyName("shared_homes");
        if (s.SharedHomes is SharedHomeSummary h)
        {
            json.WriteStartObject();
            json.WriteNumber("distance_m", h.DistanceMeters);
            json.WriteNumber("devices_with_home", h.DevicesWithHome);
            json.WriteNumber("groups", h.Groups);
            json.WriteNumber("devices_in_groups", h.DevicesInGroups);
            json.WriteNumber("largest_group", h.LargestGroup);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteNumber("devices_linked_or_sharing_home", s.DevicesLinkedOrSharingHome);
        Number(json, "share_linked_or_sharing_home", s.ShareLinkedOrSharingHome);
        json.WriteEndObject();

        static void CoLocation(Utf8JsonWriter json, string name, CoLocationSummary c)
        {
            json.WriteStartObject(name);
            json.WriteNumber("distance_m", c.DistanceMeters);
            json.WriteNumber("linked_pairs", c.LinkedPairs);
            json.WriteNumber("linked_devices", c.LinkedDevices);
            Number(json, "share_linked_devices", c.ShareLinkedDevices);
            json.WriteNumber("repeated_pairs", c.RepeatedPairs);
            json.WriteEndObject();
        }
    }

    private static void WriteAttacks(Utf8JsonWriter json, AuditResult result)
    {
        json.WriteStartObject("attacks");
        json.WriteNumber("cell_m", result.Options.AttackCellMeters);
        json.WriteString("records", "stays of the kept pings; location = grid cell of the stay's place");
        json.WriteStartArray("results");
        foreach (AttackSummary a in result.Attacks)
        {
            json.WriteStartObject();
            json.WriteString("attack", AuditReportBuilder.AttackName(a.Spec.Kind));
            json.WriteNumber("k", a.Spec.KnowledgeLength);
            json.WriteNumber("devices", a.Devices);
            Number(json, "mean_risk", a.MeanRisk);
            Number(json, "median_risk", a.MedianRisk);
            Number(json, "share_risk_one", a.ShareRiskOne);
            Number(json, "share_risk_at_least_half", a.ShareRiskAtLeastHalf);
            json.WriteNumber("truncated_devices", a.TruncatedDevices);
            json.WriteNumber("max_instances_per_device", a.MaxInstancesPerDevice);
            Number(json, "seconds", a.Seconds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSites(Utf8JsonWriter json, AuditResult result)
    {
        json.WritePropertyName("sites");
        if (result.SiteExposure is not SiteExposureResult e)
        {
            json.WriteNullValue();
            return;
        }

        int k = result.Options.MinDevicesPerCell;
        json.WriteStartObject();
        json.WriteNumber("max_accuracy_m", result.Options.Sites.MaxAccuracyMeters);
        json.WriteNumber("min_devices_for_home_figures", k);
        json.WriteNumber("pings_counted", e.PingsCounted);
        json.WriteNumber("pings_at_any_site", e.PingsAtAnySite);
        json.WriteNumber("devices_at_any_site", e.DevicesAtAnySite);
        json.WriteNumber("followed_home_at_any_site", e.FollowedHomeAtAnySite);
        json.WriteStartArray("sites");
        foreach (SiteExposure s in e.Sites)
        {
            json.WriteStartObject();
            json.WriteString("site_id", s.Site.SiteId);
            json.WriteString("name", s.Site.Name);
            json.WriteString("category", s.Site.Category);
            json.WriteNumber("devices", s.Devices);
            json.WriteNumber("pings", s.Pings);
            json.WriteNumber("days", s.Days);
            if (s.DwellMs is long dwell)
            {
                json.WriteNumber("dwell_ms", dwell);
            }
            else
            {
                json.WriteNull("dwell_ms");
            }

            json.WriteNumber("followed_home", s.FollowedHome);
            Number(json, "median_home_distance_m", s.FollowedHome >= k ? s.MedianHomeDistanceMeters : double.NaN);
            if (s.UniqueByHomeWork is int unique)
            {
                json.WriteNumber("unique_by_home_work", unique);
            }
            else
            {
                json.WriteNull("unique_by_home_work");
            }

            json.WriteNumber("staff", s.Staff);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("categories");
        foreach (CategoryExposure c in e.Categories)
        {
            json.WriteStartObject();
            json.WriteString("category", c.Category);
            json.WriteNumber("sites", c.Sites);
            json.WriteNumber("sites_visited", c.SitesVisited);
            json.WriteNumber("devices", c.Devices);
            json.WriteNumber("pings", c.Pings);
            json.WriteNumber("followed_home", c.FollowedHome);
            json.WriteNumber("staff", c.Staff);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteWhatIfs(Utf8JsonWriter json, AuditResult result)
    {
        UnicityOptions reduced = WhatIfRunner.ReducedUnicity(result.Options);
        json.WriteStartObject("what_ifs");
        json.WriteNumber("unicity_p", RiskVerdicts.HeadlinePoints);
        json.WriteNumber("unicity_cell_m", reduced.Resolutions[0].CellMeters);
        json.WriteNumber("unicity_time_bin_min", reduced.Resolutions[0].TimeBinMinutes);
        json.WriteNumber("unicity_max_devices", reduced.MaxDevices);
        json.WriteNumber("max_pings", result.Options.WhatIfMaxPings);
        json.WriteNumber("sampled_devices", result.WhatIfs.SampledDevices);
        json.WriteNumber("sampled_pings", result.WhatIfs.SampledPings);
        json.WriteNumber("total_devices", result.WhatIfs.TotalDevices);
        json.WriteNumber("total_pings", result.WhatIfs.TotalPings);
        json.WriteStartArray("rows");
        foreach (WhatIfRow row in result.WhatIfs.Rows)
        {
            json.WriteStartObject();
            json.WriteString("mitigation", row.MitigationLabel);
            json.WriteString("metric", row.MetricId);
            Number(json, "before", row.Before);
            Number(json, "after", row.After);
            if (row.RelativeChange is double change)
            {
                Number(json, "relative_change", change);
            }
            else
            {
                json.WriteNull("relative_change");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteVerdict(Utf8JsonWriter json, RiskVerdict verdict)
    {
        json.WriteStartObject("verdict");
        json.WriteString("overall", verdict.Overall.ToString());
        json.WriteStartArray("criteria");
        foreach (CriterionVerdict c in verdict.Criteria)
        {
            json.WriteStartObject();
            json.WriteString("criterion", c.Criterion.ToString());
            json.WriteString("level", c.Level.ToString());
            json.WriteString("explanation", c.Explanation);
            json.WriteStartArray("figures");
            foreach (VerdictFigure f in c.Figures)
            {
                json.WriteStartObject();
                json.WriteString("metric", f.MetricId);
                Number(json, "value", f.Value);
                Number(json, "medium_at", f.MediumAt);
                Number(json, "high_at", f.HighAt);
                json.WriteString("level", f.Level.ToString());
                json.WriteString("sentence", f.Sentence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Distribution(Utf8JsonWriter json, string name, Distribution d)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", d.Count);
        Number(json, "min", d.Min);
        Number(json, "p10", d.P10);
        Number(json, "median", d.Median);
        Number(json, "p90", d.P90);
        Number(json, "max", d.Max);
        Number(json, "mean", d.Mean);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
