using System.Text.Json;

namespace AdintAudit.Cli.Tests.Commands;

public sealed class MobilityCommandsTests
{
    [Fact]
    public void Stays_skmobOnTheToyFixture_writesFifteenStays()
    {
        string toy = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var temp = new TempFolder();
        string output = temp.File("stays.csv");

        (int code, _, string stderr) = TestEnvironment.Adint("stays", toy, "--out", output, "--method", "skmob");

        Assert.True(code == 0, stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal("device_id,lat,lon,start_ms,end_ms,n_pings", lines[0]);
        Assert.Equal(16, lines.Length);
    }

    [Fact]
    public void Places_skmobOnTheToyFixture_writesParquetWithTheDocumentedColumns()
    {
        string toy = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var temp = new TempFolder();
        string output = temp.File("places.parquet");

        (int code, _, string stderr) = TestEnvironment.Adint("places", toy, "--out", output, "--method", "skmob");
        (int catCode, string csv, _) = TestEnvironment.Adint("cat", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(0, catCode);
        Assert.StartsWith("device_id,place_id,lat,lon,n_stays", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Homes_generatedDataset_evaluateReportsAccuracyByPersonaAndDecile()
    {
        using var temp = new TempFolder();
        string data = temp.File("data");
        string homes = temp.File("homes.csv");
        (int genCode, _, string genError) = TestEnvironment.Adint("generate", "--out", data, "--devices", "300", "--days", "14");
        Assert.True(genCode == 0, genError);

        (int code, _, string stderr) = TestEnvironment.Adint("homes", Path.Combine(data, "pings.parquet"), "--out", homes, "--timezone", "Europe/Berlin");
        (int evalCode, string json, string evalError) = TestEnvironment.Adint("evaluate", "--homes", homes, "--truth", Path.Combine(data, "truth_devices.parquet"),
            "--pings", Path.Combine(data, "pings.parquet"));

        Assert.True(code == 0, stderr);
        Assert.True(evalCode == 0, evalError);
        Assert.Equal("device_id,home_lat,home_lon,home_confidence,work_lat,work_lon,work_confidence", File.ReadLines(homes).First());
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement all = doc.RootElement.GetProperty("all");
        Assert.True(all.GetProperty("share_with_home").GetDouble() > 0.2, json);
        Assert.True(all.GetProperty("home_precision_within_m").GetProperty("200").GetDouble() > 0.8, json);
        Assert.True(doc.RootElement.GetProperty("by_persona").TryGetProperty("worker_9to5", out _));
        Assert.Equal(10, doc.RootElement.GetProperty("by_pings_per_day_decile").GetArrayLength());
    }

    [Fact]
    public void Homes_missingRequiredColumn_exit3NamingTheFileAndColumnsFound()
    {
        using var temp = new TempFolder();
        string input = temp.File("bad.csv");
        File.WriteAllText(input, "a,b\n1,2\n");

        (int code, _, string stderr) = TestEnvironment.Adint("homes", input, "--out", temp.File("h.csv"));

        Assert.Equal(3, code);
        Assert.StartsWith($"adint: {input}: missing required columns", stderr, StringComparison.Ordinal);
        Assert.Contains("columns found: a, b", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stays_outputExistsWithoutForce_exit4()
    {
        string toy = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var temp = new TempFolder();
        string output = temp.File("stays.csv");
        File.WriteAllText(output, "keep");

        (int code, _, _) = TestEnvironment.Adint("stays", toy, "--out", output);

        Assert.Equal(4, code);
        Assert.Equal("keep", File.ReadAllText(output));
    }

    [Fact]
    public void Homes_unknownMethod_exit2()
    {
        (int code, _, _) = TestEnvironment.Adint("homes", "x.csv", "--out", "y.csv", "--method", "guess");

        Assert.Equal(2, code);
    }
}
