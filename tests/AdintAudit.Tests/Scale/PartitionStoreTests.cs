using AdintAudit.Data;
using AdintAudit.Scale;
using static AdintAudit.Tests.Scale.SpillTestData;

namespace AdintAudit.Tests.Scale;

public sealed class PartitionStoreTests
{
    [Fact]
    public void Open_missing_task_statistics_throws_naming_the_file()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = OneRowCsv(folder);
        string work = Path.Combine(folder, "work");
        Spill(input, 2, work, 0, 2);

        var ex = Assert.Throws<InputFormatException>(() => PartitionStore.Open(work));

        Assert.Contains("stats.task-0001.bin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_tasks_of_different_partition_counts_throws()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = OneRowCsv(folder);
        string work = Path.Combine(folder, "work");
        Spill(input, 2, work, 0, 2);
        Spill(input, 3, work, 1, 2);

        var ex = Assert.Throws<InputFormatException>(() => PartitionStore.Open(work));

        Assert.Contains("does not belong", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(200)]
    public void Open_truncated_or_corrupt_statistics_throws(int keepBytes)
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = OneRowCsv(folder);
        string work = Path.Combine(folder, "work");
        Spill(input, 2, work, 0, 1);
        string stats = Path.Combine(work, "stats.task-0000.bin");
        byte[] bytes = File.ReadAllBytes(stats);
        File.WriteAllBytes(stats, bytes[..Math.Min(keepBytes, bytes.Length)]);

        var ex = Assert.Throws<InputFormatException>(() => PartitionStore.Open(work));

        Assert.Contains(stats, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_deletes_the_folder_only_when_asked()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = OneRowCsv(folder);
        string kept = Path.Combine(folder, "kept");
        string temporary = Path.Combine(folder, "temporary");
        Spill(input, 1, kept, 0, 1);
        Spill(input, 1, temporary, 0, 1);

        PartitionStore.Open(kept).Dispose();
        PartitionStore.Open(temporary, deleteOnDispose: true).Dispose();

        Assert.True(Directory.Exists(kept));
        Assert.False(Directory.Exists(temporary));
    }

    [Fact]
    public void Load_gives_devices_in_ordinal_order_with_rows_by_time()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = Path.Combine(folder, "in.csv");
        WriteCsv(input, [new Row("b", 1_700_000_002_000, 1, 2, 3), new Row("a", 1_700_000_001_000, 4, 5, 6), new Row("b", 1_700_000_000_000, 7, 8, 9)]);

        using PartitionStore store = SpillAll([input], partitions: 1, tasks: 1, Path.Combine(folder, "work"));
        PingTable table = store.Load(0, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], table.DeviceIds);
        Assert.Equal([1_700_000_001_000L, 1_700_000_000_000, 1_700_000_002_000], table.TimeMs.ToArray());
        Assert.Equal([4.0, 7, 1], table.Lat.ToArray());
        Assert.Equal([6f, 9, 3], table.AccuracyM.ToArray());
    }

    private static string OneRowCsv(string folder)
    {
        string input = Path.Combine(folder, "in.csv");
        WriteCsv(input, [new Row("a", 1_700_000_000_000, 1, 2, 3)]);
        return input;
    }

    private static void Spill(string input, int partitions, string work, int task, int tasks) =>
        PingPartitioner.Spill([input], new PingLoadOptions(), partitions, work, task, tasks, cancellationToken: TestContext.Current.CancellationToken);
}
