using System.Globalization;

namespace AdintAudit.Synthetic.Tests.Calibration;

/// <summary>Each preset reproduces its row of GENERATOR-SPEC.md §4 within ±20 % (6,000 devices, 60 days, seed 7).</summary>
public sealed class CalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Generate_mixed_matches_spec_row() => AssertRow(GeneratorOptions.Mixed, new(9.9, 4, 22, 0.39, 0.81, 82, 3, 0.984, 0.52));

    [Fact]
    public void Generate_bidstream_matches_spec_row() => AssertRow(GeneratorOptions.Bidstream, new(4.7, 3, 10, 0.25, 0.73, 29, 3, 0.956, 0.55));

    [Fact]
    public void Generate_sdk_panel_matches_spec_row() => AssertRow(GeneratorOptions.SdkPanel, new(16.2, 7, 37, 0.46, 0.80, 164, 21, 0.952, 0.14));

    private void AssertRow(GeneratorOptions preset, PanelStatistics expected)
    {
        GeneratorOptions options = preset with { Devices = 6_000, Days = 60, Seed = 7 };

        SyntheticDataset data = SyntheticGenerator.Generate(options);
        var actual = PanelStatistics.Compute(data.Pings, new DateTimeOffset(options.StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() - (2 * 3_600_000));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{GeneratorOptions.PresetName(options.Preset)}: {data.Pings.Count} rows, {data.Pings.Ids.Count} ids"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"expected {expected}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actual   {actual}"));
        Within(expected.DeviceDayMean, actual.DeviceDayMean, nameof(expected.DeviceDayMean));
        WithinCount(expected.DeviceDayMedian, actual.DeviceDayMedian, nameof(expected.DeviceDayMedian));
        Within(expected.DeviceDayP90, actual.DeviceDayP90, nameof(expected.DeviceDayP90));
        Within(expected.ShareAtLeast10In7Days, actual.ShareAtLeast10In7Days, nameof(expected.ShareAtLeast10In7Days));
        Within(expected.Top20ShareIn7Days, actual.Top20ShareIn7Days, nameof(expected.Top20ShareIn7Days));
        Within(expected.PingsPerIdMean, actual.PingsPerIdMean, nameof(expected.PingsPerIdMean));
        WithinCount(expected.PingsPerIdMedian, actual.PingsPerIdMedian, nameof(expected.PingsPerIdMedian));
        Within(expected.Top36Share, actual.Top36Share, nameof(expected.Top36Share));
        Within(expected.ShareSeenOnOneDay, actual.ShareSeenOnOneDay, nameof(expected.ShareSeenOnOneDay));
    }

    /// <summary>
    /// ±20 % or ±1 count, whichever is wider: a median of small integers jumps by whole counts. In the bidstream row the
    /// spec's own device model has P(count ≤ 2) = 0.51 (checked with a Monte Carlo of §1.2), so its median is 2 or 3
    /// depending on the sample, and ±20 % of 3 would admit only 3.
    /// </summary>
    private static void WithinCount(double expected, double actual, string name) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Max(1, 0.2 * expected), string.Create(CultureInfo.InvariantCulture, $"{name}: {actual:G4} is not within ±20 % (or ±1) of {expected:G4}"));

    private static void Within(double expected, double actual, string name) =>
        Assert.True(Math.Abs(actual - expected) <= 0.2 * expected, string.Create(CultureInfo.InvariantCulture, $"{name}: {actual:G4} is not within ±20 % of {expected:G4}"));
}
