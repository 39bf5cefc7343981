using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;
using BenchmarkDotNet.Attributes;

namespace AdintAudit.Benchmarks.Parquet;

/// <summary>
/// Decodes the ping columns (device_id dictionary strings, timestamp, lat, lon, accuracy) of the 2 M-row DuckDB
/// SNAPPY file, one row group at a time on one thread: the figure compared with DuckDB's single-threaded read.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private static readonly string[] s_pingColumns = ["device_id", "timestamp", "lat", "lon", "horizontal_accuracy"];

    private ParquetFileReader? _reader;
    private ColumnDescriptor[] _columns = [];

    [GlobalSetup]
    public void Setup()
    {
        string path = LargeFile.Path;
        _reader = ParquetFileReader.Open(path);
        _columns = [.. s_pingColumns.Select(name => _reader.Schema.FindColumn(name)
            ?? throw new InvalidOperationException($"{path} has no column {name}"))];
    }

    [GlobalCleanup]
    public void Cleanup() => _reader?.Dispose();

    [Benchmark]
    public long ReadPingColumns()
    {
        ParquetFileReader reader = _reader!;
        long checksum = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            foreach (ColumnDescriptor column in _columns)
            {
                ColumnData data = reader.ReadColumn(g, column);
                checksum += data.ValueCount;
            }
        }

        return checksum;
    }
}
