using System.Globalization;
using AdintAudit.Data;
using AdintAudit.Tests.Audit;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Data;

public sealed class MemoryEstimateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adint-memory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("4G", 4L << 30)] // 4 × 2³⁰ = 4,294,967,296
    [InlineData("512M", 512L << 20)] // 512 × 2²⁰ = 536,870,912
    [InlineData("1.5GiB", 3L << 29)] // 1.5 × 2³⁰ = 3 × 2²⁹ = 1,610,612,736
    [InlineData("64kb", 64L << 10)]
    [InlineData("1073741824", 1L << 30)]
    [InlineData(" 2t ", 2L << 40)]
    public void ParseBytes_units_are_binary(string text, long expected) => Assert.Equal(expected, MemoryEstimate.ParseBytes(text));

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("0")]
    [InlineData("-1G")]
    [InlineData("4X")]
    [InlineData("four")]
    [InlineData("1e30G")]
    public void ParseBytes_rejects_what_is_not_a_positive_size(string text) => Assert.Throws<FormatException>(() => MemoryEstimate.ParseBytes(text));

    [Fact]
    public void ParseBytes_kilo_is_1024_times_the_plain_number() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), n =>
            MemoryEstimate.ParseBytes(n.ToString(CultureInfo.InvariantCulture) + "K") == 1024L * MemoryEstimate.ParseBytes(n.ToString(CultureInfo.InvariantCulture)))
        .Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void For_parquet_counts_the_footer_rows_exactly()
    {
        string path = Path.Combine(_folder, "p.parquet");
        PathologicalPings.Write(path, PathologicalCase.ManyDevicesOnePing, 3_000);

        MemoryEstimate estimate = MemoryEstimate.For([path, _folder]); // the file twice: once by name, once in its folder

        // 2 × 3,000 rows; 192 MiB + 6,000 × 512 B = 201,326,592 + 3,072,000 = 204,398,592 bytes.
        Assert.Equal(6_000, estimate.Pings);
        Assert.True(estimate.Exact);
        Assert.Equal(204_398_592, estimate.Bytes);
    }

    [Fact]
    public void For_small_csv_counts_rows_exactly()
    {
        string path = Path.Combine(_folder, "small.csv");
        File.WriteAllText(path, "device_id,timestamp,latitude,longitude\na,1,45,7\nb,2,45,7\nc,3,45,7"); // 3 rows, last without newline

        MemoryEstimate estimate = MemoryEstimate.For([path]);

        Assert.Equal(3, estimate.Pings);
        Assert.True(estimate.Exact);
    }

    [Fact]
    public void For_large_csv_extrapolates_from_the_sample()
    {
        string path = Path.Combine(_folder, "large.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("device_id,timestamp,latitude,longitude\n");
            for (int i = 0; i < 100_000; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"device-{i % 1000:D4},{1_600_000_000_000L + i},48.{i % 10_000:D4},2.{i % 7_000:D4}\n"));
            }
        }

        MemoryEstimate estimate = MemoryEstimate.For([path]);

        // Every row is 11 + 13 + 7 + 6 bytes + 3 commas + 1 newline = 41 bytes, so the sampled mean is exact up to the cut at 64 KiB.
        Assert.False(estimate.Exact);
        Assert.InRange(estimate.Pings, 99_000, 101_000);
    }

    [Fact]
    public void Check_over_budget_throws_with_both_sizes_and_the_file()
    {
        string path = Path.Combine(_folder, "p.parquet");
        PathologicalPings.Write(path, PathologicalCase.ManyDevicesOnePing, 1_000);

        var ex = Assert.Throws<InputTooLargeException>(() => MemoryEstimate.Check([path], 100L << 20));

        // 192 MiB + 1,000 × 512 B = 0.19 GiB needed; budget 100 MiB = 0.1 GiB.
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("need about 0.2 GiB", ex.Message, StringComparison.Ordinal);
        Assert.Contains("budget of 0.1 GiB", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1_000, ex.Estimate!.Pings);
        Assert.IsAssignableFrom<InputFormatException>(ex);
    }

    [Fact]
    public void Loader_refuses_before_loading_and_loads_within_budget()
    {
        string path = Path.Combine(_folder, "p.parquet");
        PathologicalPings.Write(path, PathologicalCase.ManyDevicesOnePing, 1_000);

        Assert.Throws<InputTooLargeException>(() =>
            PingTableLoader.Load([path], new PingLoadOptions { MaxMemoryBytes = 1L << 20 }, TestContext.Current.CancellationToken));
        PingLoadResult loaded = PingTableLoader.Load([path], new PingLoadOptions { MaxMemoryBytes = 1L << 30 }, TestContext.Current.CancellationToken);

        Assert.Equal(1_000, loaded.Table.Count);
    }
}
