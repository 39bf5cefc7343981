namespace AdintAudit.Cli.Tests.Commands;

public sealed class MemoryBudgetOptionTests
{
    private static string Sample => Path.Combine(TestEnvironment.RepoRoot, "data-synthetic", "sample", "pings.parquet");

    [Fact]
    public void Audit_over_the_budget_runs_out_of_core_and_leaves_no_spill()
    {
        using var temp = new TempFolder();
        string work = Directory.CreateDirectory(temp.File("work")).FullName;

        // The sample's 97,820 pings: 192 MiB + 97,820 × 512 B ≈ 0.23 GiB, above a 100 MiB budget: partitioned, not refused.
        (int code, _, string stderr) = TestEnvironment.Adint("audit", Sample, "--out", temp.File("report"), "--memory-budget", "100M",
            "--work-dir", work, "--no-what-ifs");

        Assert.True(code == 0, stderr);
        Assert.Contains("audit: mode partitioned", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File(Path.Combine("report", "report.json"))));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public void Audit_within_the_budget_runs_in_memory()
    {
        using var temp = new TempFolder();

        (int code, _, string stderr) = TestEnvironment.Adint("risk", Sample, "--memory-budget", "4G", "--no-what-ifs");

        Assert.True(code == 0, stderr);
        Assert.Contains("audit: mode in memory", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--memory-budget", "12Q")]
    [InlineData("--partitions", "0")]
    [InlineData("--work-dir", "/nonexistent/adint-work")]
    public void Malformed_scale_options_are_usage_errors(string option, string value)
    {
        (int code, _, string stderr) = TestEnvironment.Adint("risk", Sample, option, value);

        Assert.Equal(2, code);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }
}
