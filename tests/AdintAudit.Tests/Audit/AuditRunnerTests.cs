using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AdintAudit.Audit;
using AdintAudit.Data;
using AdintAudit.Quality;
using AdintAudit.Reporting;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Unicity;

namespace AdintAudit.Tests.Audit;

public sealed class AuditRunnerTests(AuditFixture fixture) : IClassFixture<AuditFixture>
{
    private static readonly string[] s_volatile = ["started_utc", "execution", "seconds", "timings", "path"];

    [Fact]
    public void Report_folder_holds_every_output()
    {
        string folder = fixture.NewFolder("report-all");
        IReadOnlyList<string> written = AuditReportWriter.Write(fixture.Result, folder, overwrite: false);

        foreach (string name in new[] { "report.html", "report.md", "report.json", "homes_grid.geojson", "sites.geojson" })
        {
            Assert.Contains(name, written);
            Assert.True(new FileInfo(Path.Combine(folder, name)).Length > 100, name);
        }

        string[] plots = Directory.GetFiles(Path.Combine(folder, "plots"), "*.svg");
        Assert.True(plots.Length >= 9, $"{plots.Length} plots");
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(folder)!, ".report-all*"));
    }

    [Fact]
    public void Report_json_validates_against_its_schema()
    {
        string folder = fixture.NewFolder("report-schema");
        AuditReportWriter.Write(fixture.Result, folder, overwrite: false);
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "docs", "report.schema.json")));
        using JsonDocument report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "report.json")));

        List<string> errors = JsonSchemaValidator.Validate(schema.RootElement, report.RootElement);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Schema_validator_rejects_a_broken_report()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "docs", "report.schema.json")));
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(fixture.Result, stream);
        JsonObject report = JsonNode.Parse(stream.ToArray())!.AsObject();
        report["profile"]!.AsObject().Remove("pings");
        report["verdict"]!["overall"] = "Catastrophic";
        report["unexpected"] = 1;

        List<string> errors = JsonSchemaValidator.Validate(schema.RootElement, JsonDocument.Parse(report.ToJsonString()).RootElement);

        Assert.Contains(errors, e => e.Contains("'pings' is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Catastrophic", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'unexpected'", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_numbers_agree_with_the_library()
    {
        AuditResult r = fixture.Result;
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(r, stream);
        using JsonDocument json = JsonDocument.Parse(stream.ToArray());
        JsonElement root = json.RootElement;

        PingTable loaded = PingTableLoader.Load([fixture.Pings], null, TestContext.Current.CancellationToken).Table;
        Assert.Equal(loaded.Count, root.GetProperty("profile").GetProperty("pings").GetInt64());
        Assert.Equal(loaded.DeviceCount, root.GetProperty("profile").GetProperty("devices").GetInt32());
        Assert.Equal(r.Mobility.KeptPingsTotal, root.GetProperty("quality").GetProperty("kept_pings").GetInt64());

        // Unicity recomputed independently from the kept pings (the quality screen of the whole table) with the same options.
        PingTable kept = QualityScreen.Screen(loaded, r.Options.Pipeline.Quality).Clean;
        Assert.Equal(r.Mobility.KeptPingsTotal, kept.Count);
        UnicityResult unicity = UnicityEstimator.Estimate(kept, r.Options.Unicity with { MaxDegreeOfParallelism = 1 }, TestContext.Current.CancellationToken);
        JsonElement curves = root.GetProperty("unicity").GetProperty("curves");
        Assert.Equal(unicity.Curves.Count, curves.GetArrayLength());
        for (int c = 0; c < unicity.Curves.Count; c++)
        {
            for (int p = 0; p < unicity.Curves[c].Points.Count; p++)
            {
                JsonElement point = curves[c].GetProperty("points")[p];
                Assert.Equal(unicity.Curves[c].Points[p].P, point.GetProperty("p").GetInt32());
                Assert.Equal(unicity.Curves[c].Points[p].Expected, point.GetProperty("expected").GetDouble(), 12);
                Assert.Equal(unicity.Curves[c].Points[p].WorstCase, point.GetProperty("worst_case").GetDouble(), 12);
            }
        }

        HomeWorkAnonymityResult pairs = HomeWorkAnonymity.Compute(r.Mobility.Homes, r.Options.Anonymity);
        JsonElement byCell = root.GetProperty("home_work_anonymity").GetProperty("by_cell");
        for (int i = 0; i < pairs.Summaries.Count; i++)
        {
            Assert.Equal(pairs.Summaries[i].Devices, byCell[i].GetProperty("devices").GetInt32());
            Assert.Equal(pairs.Summaries[i].ShareUnique, byCell[i].GetProperty("share_unique").GetDouble(), 12);
        }

        JsonElement sites = root.GetProperty("sites");
        Assert.Equal(r.SiteExposure!.DevicesAtAnySite, sites.GetProperty("devices_at_any_site").GetInt32());
        Assert.Equal(r.SiteExposure.Sites.Count, sites.GetProperty("sites").GetArrayLength());
        Assert.Equal(r.Verdict.Overall.ToString(), root.GetProperty("verdict").GetProperty("overall").GetString());
        Assert.NotEmpty(root.GetProperty("what_ifs").GetProperty("rows").EnumerateArray());
        Assert.NotNull(r.Accuracy);
        Assert.True(r.Accuracy.Home.ByRadius[^1].Precision > 0.7, $"home precision within 1 km {r.Accuracy.Home.ByRadius[^1].Precision}");
    }

    [Fact]
    public void Every_plot_is_well_formed_svg_without_nan()
    {
        string folder = fixture.NewFolder("report-svg");
        AuditReportWriter.Write(fixture.Result, folder, overwrite: false);
        foreach (string file in Directory.GetFiles(Path.Combine(folder, "plots")))
        {
            string text = File.ReadAllText(file);
            XDocument svg = XDocument.Parse(text);
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_raw_device_id_appears_in_default_outputs()
    {
        string folder = fixture.NewFolder("report-ids");
        AuditReportWriter.Write(fixture.Result, folder, overwrite: false, new ReportOutputOptions { PerDevice = true });
        IReadOnlyList<string> ids = fixture.Result.Profile.Devices > 0 ? PingTableLoader.Load([fixture.Pings], null, TestContext.Current.CancellationToken).Table.DeviceIds : [];
        Assert.NotEmpty(ids);
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            foreach (string id in ids)
            {
                Assert.False(text.Contains(id, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains the device id {id}");
            }
        }

        string[] lines = File.ReadAllLines(Path.Combine(folder, "devices.csv"));
        Assert.StartsWith("device_hash,", lines[0], StringComparison.Ordinal);
        Assert.Equal(fixture.Result.Mobility.Homes.Count + 1, lines.Length);
    }

    [Fact]
    public void Reveal_ids_writes_the_raw_ids_only_in_devices_csv()
    {
        string folder = fixture.NewFolder("report-reveal");
        AuditReportWriter.Write(fixture.Result, folder, overwrite: false, new ReportOutputOptions { PerDevice = true, RevealIds = true });
        string devices = File.ReadAllText(Path.Combine(folder, "devices.csv"));
        string first = fixture.Result.Mobility.Homes.DeviceIds[0];
        Assert.Contains(first, devices, StringComparison.Ordinal);
        Assert.DoesNotContain(first, File.ReadAllText(Path.Combine(folder, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_report_is_kept_without_overwrite_and_replaced_with_it_keeping_other_files()
    {
        string folder = fixture.NewFolder("report-existing");
        Directory.CreateDirectory(Path.Combine(folder, "plots"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(folder, "report.html"), "old");
        File.WriteAllText(Path.Combine(folder, "plots", "stale.svg"), "<svg/>");

        Assert.Throws<OutputWriteException>(() => AuditReportWriter.Write(fixture.Result, folder, overwrite: false));
        Assert.Equal("old", File.ReadAllText(Path.Combine(folder, "report.html")));

        AuditReportWriter.Write(fixture.Result, folder, overwrite: true);

        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.NotEqual("old", File.ReadAllText(Path.Combine(folder, "report.html")));
        Assert.False(File.Exists(Path.Combine(folder, "plots", "stale.svg")));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(folder)!, ".report-existing*"));
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        AuditResult one = AuditRunner.Run(fixture.Input, fixture.Options with { MaxDegreeOfParallelism = 1 }, null, TestContext.Current.CancellationToken);
        AuditResult two = AuditRunner.Run(fixture.Input, fixture.Options with { MaxDegreeOfParallelism = 2 }, null, TestContext.Current.CancellationToken);

        Assert.Equal(Stable(one), Stable(two));
        Assert.Equal(Stable(fixture.Result), Stable(two));
    }

    [Fact]
    public void Progress_reports_every_stage_in_order()
    {
        var reports = new List<AuditProgress>();
        var progress = new Recorder(reports);
        AuditRunner.Run(fixture.Input, fixture.Options with { WhatIfs = [] }, progress, TestContext.Current.CancellationToken);

        List<AuditProgress> finished = [.. reports.Where(r => r.Finished)];
        Assert.Equal(finished[0].StageCount, finished.Count);
        Assert.Equal(Enumerable.Range(0, finished.Count), finished.Select(f => f.StageIndex));
    }

    [Fact]
    public void Bad_sites_file_fails_before_the_pings_are_read()
    {
        string sites = fixture.NewFolder("bad-sites.geojson");
        Directory.CreateDirectory(fixture.Folder);
        File.WriteAllText(sites, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[13.4,52.5]},\"properties\":{\"name\":\"x\"}}]}");
        var reports = new List<AuditProgress>();

        InputFormatException error = Assert.Throws<InputFormatException>(() =>
            AuditRunner.Run(fixture.Input with { SitesPath = sites }, fixture.Options, new Recorder(reports), TestContext.Current.CancellationToken));

        Assert.Contains("bad-sites.geojson", error.Message, StringComparison.Ordinal);
        Assert.Empty(reports);
    }

    /// <summary>report.json without the fields that legitimately differ between runs (times, paths, how it executed).</summary>
    internal static string Stable(AuditResult result)
    {
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(result, stream);
        JsonNode root = JsonNode.Parse(stream.ToArray())!;
        Strip(root);
        return root.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (string key in s_volatile)
                {
                    o.Remove(key);
                }

                foreach (KeyValuePair<string, JsonNode?> child in o)
                {
                    Strip(child.Value);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (JsonNode? child in a)
                {
                    Strip(child);
                }
            }
        }
    }

    private sealed class Recorder(List<AuditProgress> reports) : IProgress<AuditProgress>
    {
        public void Report(AuditProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
