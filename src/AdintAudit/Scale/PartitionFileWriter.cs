using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Scale;

/// <summary>
/// Buffers the rows of one partition in columns and writes them as row groups of a Parquet partition file (columns
/// <c>device_id</c> string, <c>timestamp</c> int64 TIMESTAMP(MILLIS, UTC), <c>latitude</c> and <c>longitude</c> double,
/// <c>accuracy</c> float with NaN for unknown; all required), recording the input file each row group starts in.
/// </summary>
/// <remarks>Memory: the buffer of <c>rowGroupRows</c> rows (about 28 bytes plus the id bytes each) and one page of the writer.</remarks>
internal sealed class PartitionFileWriter : IDisposable
{
    private static readonly WriterSchema s_schema = new(
        WriterColumn.String("device_id", isRequired: true),
        WriterColumn.Timestamp("timestamp", TimeUnit.Millis, isRequired: true),
        WriterColumn.Double("latitude", isRequired: true),
        WriterColumn.Double("longitude", isRequired: true),
        WriterColumn.Float("accuracy", isRequired: true));

    private readonly FileStream _stream;
    private readonly ParquetFileWriter _writer;
    private readonly List<int> _rowGroupSources = [];
    private readonly long[] _time;
    private readonly double[] _lat;
    private readonly double[] _lon;
    private readonly float[] _acc;
    private readonly int[] _idOffsets;
    private byte[] _idBytes = new byte[1 << 16];
    private int _count;
    private int _source;

    public PartitionFileWriter(string path, int rowGroupRows, CompressionCodec codec)
    {
        _time = new long[rowGroupRows];
        _lat = new double[rowGroupRows];
        _lon = new double[rowGroupRows];
        _acc = new float[rowGroupRows];
        _idOffsets = new int[rowGroupRows + 1];
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _writer = new ParquetFileWriter(_stream, s_schema, new ParquetWriterOptions { Codec = codec, RowGroupSize = rowGroupRows }, leaveOpen: true);
    }

    /// <summary>Rows appended so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The input file (index among all expanded inputs) where each row group written so far starts.</summary>
    public IReadOnlyList<int> RowGroupSources => _rowGroupSources;

    /// <summary>Bytes written to the file so far.</summary>
    public long BytesWritten => _writer.BytesWritten;

    /// <summary>Appends one row read from input file <paramref name="source"/>; writes a row group when the buffer is full.</summary>
    public void Append(ReadOnlySpan<byte> id, long timeMs, double lat, double lon, float accuracyM, int source)
    {
        if (_count == 0)
        {
            _source = source;
        }

        int at = _idOffsets[_count];
        if (at + id.Length > _idBytes.Length)
        {
            Array.Resize(ref _idBytes, Math.Max(at + id.Length, _idBytes.Length * 2));
        }

        id.CopyTo(_idBytes.AsSpan(at));
        _idOffsets[_count + 1] = at + id.Length;
        _time[_count] = timeMs;
        _lat[_count] = lat;
        _lon[_count] = lon;
        _acc[_count] = accuracyM;
        _count++;
        Rows++;
        if (_count == _time.Length)
        {
            Flush();
        }
    }

    /// <summary>Writes the buffered rows (if any) as one row group.</summary>
    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        int n = _count;
        _writer.BeginRowGroup(n);
        _writer.WriteByteArrays(_idBytes.AsSpan(0, _idOffsets[n]), _idOffsets.AsSpan(0, n + 1));
        _writer.WriteInt64(_time.AsSpan(0, n));
        _writer.WriteDouble(_lat.AsSpan(0, n));
        _writer.WriteDouble(_lon.AsSpan(0, n));
        _writer.WriteFloat(_acc.AsSpan(0, n));
        _writer.EndRowGroup();
        _rowGroupSources.Add(_source);
        _count = 0;
    }

    /// <summary>Writes the remaining rows and the footer, and flushes the file.</summary>
    public void Complete()
    {
        Flush();
        _writer.Complete();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
