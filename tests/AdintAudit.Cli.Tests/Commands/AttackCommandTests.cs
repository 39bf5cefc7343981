using System.Globalization;

namespace AdintAudit.Cli.Tests.Commands;

public sealed class AttackCommandTests
{
    [Fact]
    public void Attack_skmobLocationK2OnTheToyFixture_writesTheAlgorithmReferenceRisks()
    {
        string toy = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var temp = new TempFolder();
        string output = temp.File("risk.csv");

        (int code, _, string stderr) = TestEnvironment.Adint("attack", toy, "--compat", "skmob", "--attack", "location", "--k", "2", "--out", output);

        // ALGORITHMS.md §5: location attack k=2 -> uid1..7 = 1/3, 1/2, 1/3, 1/3, 1/4, 1/4, 1/2 (round-trip text).
        Assert.True(code == 0, stderr);
        Assert.Equal(
            ["device_id,risk", "1,0.3333333333333333", "2,0.5", "3,0.3333333333333333", "4,0.3333333333333333", "5,0.25", "6,0.25", "7,0.5"],
            File.ReadAllLines(output));
        // Mean = (1/3 * 3 + 1/2 * 2 + 1/4 * 2) / 7 = 2.5 / 7 = 0.3571; no device has risk 1.
        Assert.Contains("location attack k=2: 7 of 7 devices rated, mean risk 0.3571, 0.0 % with risk 1; 0 truncated", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_skmobSequenceK3OnTheToyFixture_writesTheAlgorithmReferenceRisks()
    {
        string toy = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var temp = new TempFolder();
        string output = temp.File("risk.csv");

        (int code, _, string stderr) = TestEnvironment.Adint("attack", toy, "--compat", "skmob", "--attack", "sequence", "--k", "3", "--out", output);

        // ALGORITHMS.md §5: sequence attack k=3 -> 1, 1, 1, 1, 1, 1/3, 1.
        Assert.True(code == 0, stderr);
        Assert.Equal(["device_id,risk", "1,1", "2,1", "3,1", "4,1", "5,1", "6,0.3333333333333333", "7,1"], File.ReadAllLines(output));
    }

    [Fact]
    public void Attack_defaultModeOnAGeneratedDataset_writesOneRiskPerDeviceInTheUnitInterval()
    {
        using var temp = new TempFolder();
        string data = temp.File("data");
        (int genCode, _, string genError) = TestEnvironment.Adint("generate", "--out", data, "--devices", "200", "--days", "7");
        Assert.True(genCode == 0, genError);
        string pings = Path.Combine(data, "pings.parquet");

        (int code, _, string stderr) = TestEnvironment.Adint("attack", pings, "--attack", "location", "--k", "3", "--out", temp.File("location.csv"),
            "--timezone", "Europe/Berlin");
        (int homeCode, _, string homeError) = TestEnvironment.Adint("attack", pings, "--attack", "home-work", "--out", temp.File("home-work.csv"),
            "--timezone", "Europe/Berlin", "--cell-meters", "500");

        Assert.True(code == 0, stderr);
        Assert.True(homeCode == 0, homeError);
        Assert.Contains("stays as records, places = 250 m grid cells", stderr, StringComparison.Ordinal);
        Assert.Contains("stays as records, places = 500 m grid cells", homeError, StringComparison.Ordinal);
        foreach (string file in new[] { "location.csv", "home-work.csv" })
        {
            string[] lines = File.ReadAllLines(temp.File(file));
            Assert.Equal("device_id,risk", lines[0]);
            Assert.True(lines.Length > 100, $"{file}: {lines.Length} lines");
            int rated = 0;
            foreach (string line in lines.Skip(1))
            {
                string risk = line.Split(',')[1];
                if (risk.Length > 0)
                {
                    double value = double.Parse(risk, CultureInfo.InvariantCulture);
                    Assert.InRange(value, double.Epsilon, 1.0);
                    rated++;
                }
            }

            Assert.True(rated > 0, file);
        }
    }

    [Theory]
    [InlineData("--attack", "guess")]
    [InlineData("--attack", "location", "--k", "0")]
    [InlineData("--attack", "frequency", "--tolerance", "1.5")]
    [InlineData("--attack", "frequency", "--tolerance", "-0.1")]
    [InlineData("--attack", "location", "--cell-meters", "0")]
    [InlineData("--attack", "location-time", "--precision", "week")]
    [InlineData("--attack", "location", "--compat", "trackintel")]
    public void Attack_badArguments_exit2(params string[] arguments)
    {
        string toy = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var temp = new TempFolder();
        string output = temp.File("risk.csv");

        (int code, _, string stderr) = TestEnvironment.Adint(["attack", toy, "--out", output, .. arguments]);

        Assert.Equal(2, code);
        Assert.StartsWith("adint: ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Attack_inputWithoutRequiredColumns_exit3NamingTheFile()
    {
        using var temp = new TempFolder();
        string input = temp.File("bad.csv");
        File.WriteAllText(input, "a,b\n1,2\n");

        (int code, _, string stderr) = TestEnvironment.Adint("attack", input, "--attack", "location", "--compat", "skmob", "--out", temp.File("r.csv"));

        Assert.Equal(3, code);
        Assert.StartsWith($"adint: {input}: missing required columns", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_outputExistsWithoutForce_exit4AndKeepsTheFile()
    {
        string toy = SharedData.Require("fixtures/skmob_privacy_toy.csv");
        using var temp = new TempFolder();
        string output = temp.File("risk.csv");
        File.WriteAllText(output, "keep");

        (int code, _, _) = TestEnvironment.Adint("attack", toy, "--compat", "skmob", "--attack", "location", "--out", output);
        (int forced, _, string stderr) = TestEnvironment.Adint("attack", toy, "--compat", "skmob", "--attack", "location", "--out", output, "--force");

        Assert.Equal(4, code);
        Assert.Equal(0, forced);
        Assert.StartsWith("device_id,risk", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("wrote", stderr, StringComparison.Ordinal);
    }
}
