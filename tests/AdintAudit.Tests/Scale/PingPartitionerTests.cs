using AdintAudit.Data;
using AdintAudit.Scale;
using FsCheck;
using FsCheck.Fluent;
using static AdintAudit.Tests.Scale.SpillTestData;

namespace AdintAudit.Tests.Scale;

public sealed class PingPartitionerTests
{
    private static readonly string[] s_ids = ["a", "b", "B", "ab", "é", "dev-10", "dev-9", "z", "日本", "x y"];

    [Fact]
    public void Spill_sample_partitions_hold_exactly_the_in_memory_rows()
    {
        string sample = Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample", "pings.parquet");
        using var temp = new TempFolder();
        string folder = temp.Path;
        PingLoadResult whole = PingTableLoader.Load([sample], cancellationToken: TestContext.Current.CancellationToken);

        using PartitionStore store = SpillAll([sample], partitions: 5, tasks: 1, folder, rowGroupRows: 20_000);

        Assert.Null(CompareWithWhole(store, whole.Table));
        Assert.Equal(whole.Table.Count, Enumerable.Range(0, 5).Sum(p => store.RowCount(p)));
        Assert.Equal(Fingerprint(SpillStatistics.FromTable(whole)), Fingerprint(store.Statistics));
    }

    [Fact]
    public void Spill_random_data_any_partitions_and_tasks_equals_the_in_memory_load() =>
        Prop.ForAll(
            RandomCase().ToArbitrary(),
            ((List<Row> Rows, int Files, int Partitions, int Tasks, int GroupRows, bool Csv) c) =>
            {
                using var temp = new TempFolder();
                string folder = temp.Path;
                string[] inputs = WriteInputs(folder, c.Rows, c.Files, c.Csv, c.GroupRows);
                PingLoadResult whole = PingTableLoader.Load(inputs);

                using PartitionStore store = SpillAll(inputs, c.Partitions, c.Tasks, Path.Combine(folder, "work"), c.GroupRows);

                return CompareWithWhole(store, whole.Table) is null
                    && Fingerprint(SpillStatistics.FromTable(whole)).AsSpan().SequenceEqual(Fingerprint(store.Statistics));
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(60));

    [Fact]
    public void Spill_tasks_together_write_the_rows_in_input_order_as_one_task_does()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        // Ties on (device, time) across files; task 0 reads files 0 and 2, task 1 files 1 and 3, so only reading the row
        // groups back in input order (not task order) keeps the ties in input order.
        List<Row> rows = [.. Enumerable.Range(0, 96).Select(i => new Row(s_ids[i % 4], 1_700_000_000_000L + (i % 3), i, -i, i))];
        string[] inputs = WriteInputs(folder, rows, files: 4, csv: false, rowGroupRows: 7);
        PingTable whole = PingTableLoader.Load(inputs, cancellationToken: TestContext.Current.CancellationToken).Table;

        using PartitionStore one = SpillAll(inputs, 3, 1, Path.Combine(folder, "one"));
        using PartitionStore two = SpillAll(inputs, 3, 2, Path.Combine(folder, "two"), rowGroupRows: 4);

        Assert.Equal(2, two.TaskCount);
        Assert.Null(CompareWithWhole(one, whole));
        Assert.Null(CompareWithWhole(two, whole));
        Assert.Equal(Fingerprint(one.Statistics), Fingerprint(two.Statistics));
    }

    [Fact]
    public void Spill_writes_one_file_per_partition_and_the_statistics_under_their_final_names()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = Path.Combine(folder, "in.csv");
        WriteCsv(input, [new Row("a", 1_700_000_000_000, 1, 2, 3), new Row(null, 1_700_000_000_000, 1, 2, 3)]);

        PartitionSpillResult result = PingPartitioner.Spill([input], new PingLoadOptions(), 3, Path.Combine(folder, "work"), 1, 2,
            cancellationToken: TestContext.Current.CancellationToken);

        // Task 1 of 2 reads files 1, 3, ...: none here, so its partition files are empty.
        Assert.Equal(["part-0000.task-0001.parquet", "part-0001.task-0001.parquet", "part-0002.task-0001.parquet", "stats.task-0001.bin"],
            result.Files.Select(Path.GetFileName));
        Assert.Equal(result.Files.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(folder, "work")).Order(StringComparer.Ordinal));
        Assert.Equal(0, result.Statistics.RowsRead);
        Assert.Equal(0, result.RowsWritten);
    }

    [Fact]
    public void Spill_run_again_replaces_the_task_files()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = Path.Combine(folder, "in.csv");
        string work = Path.Combine(folder, "work");
        WriteCsv(input, [new Row("a", 1_700_000_000_000, 1, 2, 3), new Row("b", 1_700_000_001_000, 1, 2, 3)]);
        PingPartitioner.Spill([input], new PingLoadOptions(), 2, work, cancellationToken: TestContext.Current.CancellationToken);
        WriteCsv(input, [new Row("c", 1_700_000_000_000, 1, 2, 3)]);

        PingPartitioner.Spill([input], new PingLoadOptions(), 2, work, cancellationToken: TestContext.Current.CancellationToken);
        using PartitionStore store = PartitionStore.Open(work);

        Assert.Equal(3, Directory.GetFiles(work).Length);
        Assert.Equal(1, store.Statistics.RowsRead);
        Assert.Equal(["c"], Enumerable.Range(0, 2).SelectMany(p => store.Load(p, TestContext.Current.CancellationToken).DeviceIds));
    }

    [Fact]
    public void Spill_cancelled_leaves_no_file()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = Path.Combine(folder, "in.parquet");
        WriteParquet(input, [.. Enumerable.Range(0, 50).Select(i => new Row(s_ids[i % 7], 1_700_000_000_000L + i, 1, 2, 3))], rowGroupRows: 5);
        string work = Path.Combine(folder, "work");
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(rows => cancel.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => PingPartitioner.Spill([input], new PingLoadOptions(), 4, work, rowsDone: progress, cancellationToken: cancel.Token));

        Assert.Empty(Directory.GetFiles(work));
        Assert.True(progress.Reports >= 1);
    }

    [Fact]
    public void Spill_bad_file_throws_the_loaders_message_naming_it()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = Path.Combine(folder, "bad.csv");
        File.WriteAllText(input, "device_id,timestamp,latitude,longitude\na,yesterday,1,2\n");
        string work = Path.Combine(folder, "work");
        var expected = Assert.Throws<PingInputException>(() => PingTableLoader.Load([input], cancellationToken: TestContext.Current.CancellationToken));

        var ex = Assert.Throws<PingInputException>(() => PingPartitioner.Spill([input], new PingLoadOptions(), 2, work,
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(input, ex.FilePath);
        Assert.Equal(expected.Message, ex.Message);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(work));
    }

    [Fact]
    public void Spill_not_parquet_throws_an_input_format_exception_naming_the_file()
    {
        using var temp = new TempFolder();
        string folder = temp.Path;
        string input = Path.Combine(folder, "broken.parquet");
        File.WriteAllText(input, "PAR1 not really");

        var ex = Assert.Throws<PingInputException>(() => PingPartitioner.Spill([input], new PingLoadOptions(), 2, Path.Combine(folder, "work"),
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsAssignableFrom<InputFormatException>(ex);
        Assert.Equal(input, ex.FilePath);
    }

    [Theory]
    [InlineData(1, 1 << 20)]
    [InlineData(8, 1 << 20)]
    [InlineData(16, 1 << 19)]
    [InlineData(1000, 1 << 16)]
    public void RowGroupRows_is_8M_over_partitions_within_64K_and_1M(int partitions, int expected) =>
        Assert.Equal(expected, PingPartitioner.RowGroupRows(partitions)); // 8,388,608 / 16 = 524,288; / 1000 = 8,388 -> 65,536

    private static Gen<(List<Row>, int, int, int, int, bool)> RandomCase() =>
        from rows in Gen.ListOf(
            from id in Gen.Frequency((12, Gen.Elements(s_ids).Select(s => (string?)s)), (1, Gen.Constant((string?)null)))
            from second in Gen.Choose(0, 6)
            from lat in Gen.Frequency((12, Gen.Choose(-3, 3).Select(v => v * 0.5)), (1, Gen.Constant(double.NaN)))
            from lon in Gen.Choose(-3, 3)
            from acc in Gen.Elements(5f, 10f, float.NaN)
            select new Row(id, 1_700_000_000_000L + (second * 1000L), lat, lon * 0.25, acc)).Select(l => l.Take(40).ToList())
        from files in Gen.Choose(1, 3)
        from partitions in Gen.Choose(1, 5)
        from tasks in Gen.Choose(1, 3)
        from groupRows in Gen.Choose(1, 6)
        from csv in Gen.Elements(false, true)
        select (rows, files, partitions, tasks, groupRows, csv);

    private static string[] WriteInputs(string folder, List<Row> rows, int files, bool csv, int rowGroupRows)
    {
        string[] paths = new string[files];
        for (int f = 0; f < files; f++)
        {
            List<Row> part = [.. rows.Where((_, i) => i * files / Math.Max(1, rows.Count) == f)];
            paths[f] = Path.Combine(folder, $"in-{f}.{(csv ? "csv" : "parquet")}");
            if (csv)
            {
                WriteCsv(paths[f], part);
            }
            else
            {
                WriteParquet(paths[f], part, rowGroupRows);
            }
        }

        return paths;
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public int Reports { get; private set; }

        public void Report(long value)
        {
            Reports++;
            report(value);
        }
    }
}
