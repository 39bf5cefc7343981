using AdintAudit.Parquet.Reading;

namespace AdintAudit.Synthetic.Tests.Output;

public sealed class SyntheticDatasetWriterTests : IDisposable
{
    private static readonly GeneratorOptions s_small = GeneratorOptions.Bidstream with { Devices = 500, Days = 7, Seed = 9, RowGroupRows = 4_096 };
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"adint-synthetic-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Write_one_or_two_threads_gives_byte_identical_files()
    {
        string a = Path.Combine(_root, "a"), b = Path.Combine(_root, "b");

        SyntheticDatasetWriter.Write(s_small, a, maxParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        SyntheticDatasetWriter.Write(s_small, b, maxParallelism: 2, cancellationToken: TestContext.Current.CancellationToken);

        foreach (string name in SyntheticDatasetWriter.FileNames)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, name))), $"{name} differs");
        }
    }

    [Fact]
    public void Write_pings_match_in_memory_dataset()
    {
        string folder = Path.Combine(_root, "d");

        GenerationSummary summary = SyntheticDatasetWriter.Write(s_small, folder, cancellationToken: TestContext.Current.CancellationToken);
        SyntheticDataset memory = SyntheticGenerator.Generate(s_small, cancellationToken: TestContext.Current.CancellationToken);

        using ParquetFileReader reader = ParquetFileReader.Open(Path.Combine(folder, "pings.parquet"));
        Assert.Equal(memory.Pings.Count, reader.RowCount);
        Assert.Equal(summary.Pings, reader.RowCount);
        Assert.True(reader.RowGroupCount > 1);
        string[] columns = [.. reader.Schema.Columns.Select(c => c.Path[^1])];
        Assert.Equal(["device_id", "id_type", "timestamp", "latitude", "longitude", "horizontal_accuracy", "location_type", "collection_mode", "ip_address", "device_os", "app_id", "source_id"], columns);
        var timestamps = new List<long>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            timestamps.AddRange(reader.ReadColumn(g, reader.Schema.FindColumn("timestamp")!).GetValues<long>().ToArray());
        }

        Assert.True(timestamps.SequenceEqual(memory.Pings.TimestampsMs.ToArray()));
        using ParquetFileReader truth = ParquetFileReader.Open(Path.Combine(folder, "truth_pings.parquet"));
        Assert.Equal(reader.RowCount, truth.RowCount);
        using ParquetFileReader devices = ParquetFileReader.Open(Path.Combine(folder, "truth_devices.parquet"));
        Assert.Equal(memory.Devices.Count, devices.RowCount);
    }

    [Fact]
    public void Write_non_empty_folder_without_overwrite_throws_and_keeps_it()
    {
        string folder = Path.Combine(_root, "full");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");

        Assert.Throws<IOException>(() => SyntheticDatasetWriter.Write(s_small, folder, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal([Path.Combine(_root, "full")], Directory.GetDirectories(_root));
    }
}
