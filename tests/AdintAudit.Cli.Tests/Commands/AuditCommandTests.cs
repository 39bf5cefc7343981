using System.Text.Json;

namespace AdintAudit.Cli.Tests.Commands;

/// <summary>A small generated dataset shared by the audit command tests.</summary>
public sealed class AuditDataFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public AuditDataFixture()
    {
        Data = _temp.File("data");
        (int code, _, string stderr) = TestEnvironment.Adint("generate", "--out", Data, "--devices", "300", "--days", "7", "--seed", "3");
        Assert.True(code == 0, stderr);
    }

    public string Data { get; }

    public string Pings => Path.Combine(Data, "pings.parquet");

    public string Sites => Path.Combine(Data, "sites.geojson");

    public string Truth => Path.Combine(Data, "truth_devices.parquet");

    public void Dispose() => _temp.Dispose();
}

public sealed class AuditCommandTests(AuditDataFixture data) : IClassFixture<AuditDataFixture>
{
    [Fact]
    public void Audit_writes_the_report_folder_and_says_where_it_is()
    {
        using var temp = new TempFolder();
        string report = temp.File("report");

        (int code, string stdout, string stderr) = TestEnvironment.Adint("audit", data.Pings, "--sites", data.Sites, "--truth", data.Truth,
            "--timezone", "Europe/Berlin", "--out", report);

        Assert.True(code == 0, stderr);
        Assert.Contains("report.html", stdout, StringComparison.Ordinal);
        Assert.Contains("Overall risk:", stdout, StringComparison.Ordinal);
        Assert.Contains("audit: [10/10] verdict", stderr, StringComparison.Ordinal);
        foreach (string name in new[] { "report.html", "report.md", "report.json", "homes_grid.geojson", "sites.geojson" })
        {
            Assert.True(File.Exists(Path.Combine(report, name)), name);
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(report, "plots"), "*.svg"));
        Assert.False(File.Exists(Path.Combine(report, "devices.csv")));
        Assert.Single(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Audit_refuses_a_non_empty_folder_without_force_before_doing_any_work()
    {
        using var temp = new TempFolder();
        string report = temp.File("report");
        Directory.CreateDirectory(report);
        File.WriteAllText(Path.Combine(report, "report.html"), "mine");

        (int code, _, string stderr) = TestEnvironment.Adint("audit", data.Pings, "--out", report, "--no-what-ifs");

        Assert.Equal(4, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(report, "report.html")));

        (int forced, _, string forcedError) = TestEnvironment.Adint("audit", data.Pings, "--out", report, "--no-what-ifs", "--force");
        Assert.True(forced == 0, forcedError);
        Assert.NotEqual("mine", File.ReadAllText(Path.Combine(report, "report.html")));
    }

    [Theory]
    [InlineData("broken-sites")]
    [InlineData("missing-input")]
    [InlineData("not-parquet")]
    public void Bad_input_exits_3_with_one_line_naming_the_file_and_writes_nothing(string kind)
    {
        using var temp = new TempFolder();
        string report = temp.File("report");
        string input = data.Pings;
        string sites = data.Sites;
        string blamed;
        switch (kind)
        {
            case "broken-sites":
                sites = temp.File("sites.geojson");
                File.WriteAllText(sites, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1,2]]]}}]}");
                blamed = sites;
                break;
            case "missing-input":
                input = temp.File("nothing.parquet");
                blamed = input;
                break;
            default:
                input = temp.File("text.parquet");
                File.WriteAllText(input, "this is not parquet\n");
                blamed = input;
                break;
        }

        (int code, _, string stderr) = TestEnvironment.Adint("audit", input, "--sites", sites, "--out", report);

        Assert.Equal(3, code);
        string[] lines = stderr.Trim().Split('\n').Where(l => l.StartsWith("adint:", StringComparison.Ordinal)).ToArray();
        Assert.Single(lines);
        Assert.Contains(Path.GetFileName(blamed), lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(report));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".report*"));
    }

    [Theory]
    [InlineData("--timezone", "Mars/Olympus")]
    [InlineData("--unicity-devices", "0")]
    [InlineData("--reveal-ids", null)]
    [InlineData("--no-such-option", null)]
    public void Usage_errors_exit_2(string option, string? value)
    {
        using var temp = new TempFolder();
        string[] args = value is null
            ? ["audit", data.Pings, "--out", temp.File("r"), option]
            : ["audit", data.Pings, "--out", temp.File("r"), option, value];

        (int code, _, string stderr) = TestEnvironment.Adint(args);

        Assert.Equal(2, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_json_prints_the_report_json()
    {
        (int code, string stdout, string stderr) = TestEnvironment.Adint("risk", data.Pings, "--sites", data.Sites, "--json", "--no-what-ifs");

        Assert.True(code == 0, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("schema_version").GetInt32());
        Assert.True(json.RootElement.GetProperty("unicity").GetProperty("curves").GetArrayLength() > 0);
        Assert.True(json.RootElement.GetProperty("sites").GetProperty("sites").GetArrayLength() > 0);
    }

    [Fact]
    public void Demo_audits_the_committed_sample_and_may_replace_its_own_report()
    {
        using var temp = new TempFolder();
        string report = temp.File("demo");

        (int code, string stdout, string stderr) = TestEnvironment.Adint("demo", "--out", report);
        (int again, _, string againError) = TestEnvironment.Adint("demo", "--out", report);

        Assert.True(code == 0, stderr);
        Assert.Contains("data-synthetic", stderr, StringComparison.Ordinal);
        Assert.Contains("open the report", stdout, StringComparison.Ordinal);
        Assert.True(again == 0, againError);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(report, "report.json")));
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("mobility").GetProperty("accuracy").ValueKind);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("sites").ValueKind);
    }
}
