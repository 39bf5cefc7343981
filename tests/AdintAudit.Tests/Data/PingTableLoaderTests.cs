using AdintAudit.Data;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;
using AdintAudit.Tests.Scale;

namespace AdintAudit.Tests.Data;

public sealed class PingTableLoaderTests
{
    [Fact]
    public void LoadCsv_skmobNamesAndIsoText_sortedByDeviceThenTime()
    {
        const string Csv = "lat,lng,datetime,uid\n45.2,7.2,2024-01-15 10:00:00,b\n45.1,7.1,2024-01-15T09:00:00Z,b\n44.0,6.0,2024-01-15 08:00:00+01:00,a\n";

        PingLoadResult result = PingTableLoader.LoadCsv(new StringReader(Csv));

        PingTable table = result.Table;
        Assert.Equal(["a", "b"], table.DeviceIds);
        Assert.Equal([0, 1, 3], table.DeviceStart.ToArray());
        Assert.Equal(MsOf("2024-01-15T07:00:00Z"), table.TimeMs[0]);
        Assert.Equal([45.1, 45.2], table.Lat[1..].ToArray());
        Assert.True(float.IsNaN(table.AccuracyM[0]));
    }

    [Theory]
    [InlineData("1705312800", 1_705_312_800_000L, "s")]
    [InlineData("1705312800000", 1_705_312_800_000L, "ms")]
    [InlineData("1705312800000000", 1_705_312_800_000L, "us")]
    [InlineData("1705312800000000000", 1_705_312_800_000L, "ns")]
    public void LoadCsv_epochNumbers_unitDetectedByMagnitude(string value, long expectedMs, string unit)
    {
        string csv = $"maid,ts,latitude,longitude,horizontal_accuracy\nx,{value},1.5,2.5,12\n";

        PingLoadResult result = PingTableLoader.LoadCsv(new StringReader(csv));

        Assert.Equal(expectedMs, result.Table.TimeMs[0]);
        Assert.StartsWith(unit + " ", result.TimestampSource, StringComparison.Ordinal);
        Assert.Equal(12f, result.Table.AccuracyM[0]);
    }

    [Fact]
    public void LoadCsv_missingColumn_messageListsTheColumnsFound()
    {
        var ex = Assert.Throws<InputFormatException>(() => PingTableLoader.LoadCsv(new StringReader("id,when,lat,lon\nx,1,2,3\n")));

        Assert.Contains("device_id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("columns found: id, when, lat, lon", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCsv_mapOverrides_useTheNamedColumns()
    {
        var options = new PingLoadOptions { Mapping = ColumnMapping.Parse(["device_id=id", "timestamp=when"]) };

        PingLoadResult result = PingTableLoader.LoadCsv(new StringReader("id,when,lat,lon\nx,1700000000,2,3\n"), options);

        Assert.Equal(1_700_000_000_000L, result.Table.TimeMs[0]);
    }

    [Fact]
    public void Load_hivePartitionedParquetFolder_readsEveryFileWithDictionaryIds()
    {
        string root = Directory.CreateTempSubdirectory("adint-load-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "date=2024-01-15"));
            Directory.CreateDirectory(Path.Combine(root, "date=2024-01-16"));
            WriteParquet(Path.Combine(root, "date=2024-01-15", "part-0.parquet"), ["b", "a", "b"], [3000, 1000, 2000], withNullAccuracy: true);
            WriteParquet(Path.Combine(root, "date=2024-01-16", "part-0.parquet"), ["a"], [500], withNullAccuracy: false);
            File.WriteAllText(Path.Combine(root, "_SUCCESS"), string.Empty);

            PingLoadResult result = PingTableLoader.Load([root], cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(2, result.Files.Count);
            Assert.Equal(["a", "b"], result.Table.DeviceIds);
            Assert.Equal([500L, 1000, 2000, 3000], result.Table.TimeMs.ToArray());
            Assert.Contains("Parquet logical type", result.TimestampSource, StringComparison.Ordinal);
            Assert.True(float.IsNaN(result.Table.AccuracyM[3]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_missingFile_namesIt()
    {
        var ex = Assert.Throws<PingInputException>(() => PingTableLoader.Load(["/nonexistent/pings.parquet"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("/nonexistent/pings.parquet", ex.FilePath);
    }

    [Fact]
    public void Load_device_whose_rows_are_all_dropped_is_not_in_the_table()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "pings.parquet");
        // "b" has only a row without latitude; rows in groups of 2, so the ids come from several dictionaries.
        SpillTestData.WriteParquet(path, [new("a", 1_700_000_000_000, 1, 2, 3), new("b", 1_700_000_000_000, double.NaN, 2, 3),
            new(null, 1_700_000_000_000, 1, 2, 3), new("a", 1_700_000_001_000, 1, 2, 3)], rowGroupRows: 2);

        PingLoadResult result = PingTableLoader.Load([path], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["a"], result.Table.DeviceIds);
        Assert.Equal(4, result.RowsRead);
        Assert.Equal(2, result.RowsDroppedNull);
    }

    private static void WriteParquet(string path, string[] ids, long[] times, bool withNullAccuracy)
    {
        var schema = new WriterSchema([
            WriterColumn.String("device_id", isRequired: true), WriterColumn.Timestamp("timestamp", TimeUnit.Millis, isRequired: true),
            WriterColumn.Double("latitude", isRequired: true), WriterColumn.Double("longitude", isRequired: true), WriterColumn.Float("horizontal_accuracy"),
        ]);
        using ParquetFileWriter writer = ParquetFileWriter.Create(path, schema);
        writer.BeginRowGroup(ids.Length);
        writer.WriteStrings(ids);
        writer.WriteInt64(times);
        writer.WriteDouble([.. ids.Select(_ => 45.0)]);
        writer.WriteDouble([.. ids.Select(_ => 7.0)]);
        writer.WriteFloat([.. ids.Select(_ => 10f)], [.. ids.Select((_, i) => withNullAccuracy && i == 0)]);
        writer.EndRowGroup();
        writer.Complete();
    }

    private static long MsOf(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
