namespace AdintAudit.Cli.Tests.Commands;

public sealed class GenerateCommandTests
{
    [Fact]
    public void Generate_small_dataset_writes_every_file_and_summary()
    {
        using var temp = new TempFolder();
        string folder = temp.File("data");

        (int code, string stdout, _) = TestEnvironment.Adint("generate", "--out", folder, "--devices", "200", "--days", "3", "--preset", "bidstream", "--seed", "5");

        Assert.Equal(0, code);
        Assert.Contains("pings", stdout, StringComparison.Ordinal);
        Assert.Equal(
            ["manifest.json", "pings.parquet", "pois.parquet", "sites.geojson", "truth_devices.parquet", "truth_pings.parquet", "truth_visits.parquet"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"preset\": \"bidstream\"", File.ReadAllText(Path.Combine(folder, "manifest.json")), StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(temp.Path));
    }

    [Fact]
    public void Generate_non_empty_folder_without_force_exits4_and_keeps_it()
    {
        using var temp = new TempFolder();
        string folder = temp.File("data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");

        (int code, _, string stderr) = TestEnvironment.Adint("generate", "--out", folder, "--devices", "50", "--days", "2");
        (int forced, _, _) = TestEnvironment.Adint("generate", "--out", folder, "--devices", "50", "--days", "2", "--force");

        Assert.Equal(4, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("folder is not empty", stderr, StringComparison.Ordinal);
        Assert.Equal(0, forced);
        Assert.True(File.Exists(Path.Combine(folder, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "pings.parquet")));
    }

    [Theory]
    [InlineData("--timezone", "Mars/Olympus")]
    [InlineData("--start", "3 June")]
    [InlineData("--days", "0")]
    public void Generate_bad_option_exits2(string option, string value)
    {
        using var temp = new TempFolder();

        (int code, _, string stderr) = TestEnvironment.Adint("generate", "--out", temp.File("data"), option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("adint: ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("data")));
    }
}
