namespace AdintAudit.Cli.Tests.Commands;

public sealed class MaxMemoryOptionTests
{
    private static string Sample => Path.Combine(TestEnvironment.RepoRoot, "data-synthetic", "sample", "pings.parquet");

    [Theory]
    [InlineData("stays")]
    [InlineData("places")]
    [InlineData("homes")]
    public void Budget_below_the_estimate_refuses_before_loading_with_exit_3(string command)
    {
        using var temp = new TempFolder();
        string[] output = ["--out", temp.File("out.csv")];

        // The sample's 97,820 pings: 192 MiB + 97,820 × 512 B ≈ 0.23 GiB, above a 100 MiB budget.
        (int code, _, string stderr) = TestEnvironment.Adint([command, Sample, .. output, "--max-memory", "100M"]);

        Assert.Equal(3, code);
        Assert.Contains("more than the budget of 0.1 GiB", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_budget_is_a_usage_error()
    {
        (int code, _, string stderr) = TestEnvironment.Adint("stays", Sample, "--out", "unused.csv", "--max-memory", "12Q");

        Assert.Equal(2, code);
        Assert.Contains("--max-memory", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_above_the_estimate_runs()
    {
        using var temp = new TempFolder();

        (int code, _, string stderr) = TestEnvironment.Adint("stays", Sample, "--out", temp.File("stays.csv"), "--max-memory", "4G");

        Assert.True(code == 0, stderr);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    public void Default_budget_and_none_run_an_input_that_fits(string? budget)
    {
        using var temp = new TempFolder();
        string[] args = budget is null
            ? ["stays", Sample, "--out", temp.File("stays.csv")]
            : ["stays", Sample, "--out", temp.File("stays.csv"), "--max-memory", budget];

        (int code, _, string stderr) = TestEnvironment.Adint(args);

        Assert.True(code == 0, stderr);
    }
}
