using System.Text;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;
using AdintAudit.Synthetic.Emission;

namespace AdintAudit.Synthetic.Output;

/// <summary>
/// Streams rows into <c>pings.parquet</c> (spec §3 canonical schema) and, row for row, <c>truth_pings.parquet</c>:
/// rows gather in one row group's worth of column buffers, which are written and reused.
/// </summary>
internal sealed class PingTableWriter : IDisposable
{
    public static readonly WriterSchema PingSchema = new(
        WriterColumn.String("device_id", isRequired: true),
        WriterColumn.String("id_type", isRequired: true),
        WriterColumn.Timestamp("timestamp", TimeUnit.Millis, isAdjustedToUtc: true, isRequired: true),
        WriterColumn.Double("latitude", isRequired: true),
        WriterColumn.Double("longitude", isRequired: true),
        WriterColumn.Float("horizontal_accuracy"),
        WriterColumn.Int32("location_type", isRequired: true),
        WriterColumn.String("collection_mode", isRequired: true),
        WriterColumn.String("ip_address"),
        WriterColumn.String("device_os", isRequired: true),
        WriterColumn.String("app_id", isRequired: true),
        WriterColumn.String("source_id", isRequired: true));

    public static readonly WriterSchema TruthSchema = new(
        WriterColumn.Int64("row", isRequired: true),
        WriterColumn.Double("true_lat", isRequired: true),
        WriterColumn.Double("true_lon", isRequired: true),
        WriterColumn.String("source_class", isRequired: true),
        WriterColumn.String("artifact", isRequired: true),
        WriterColumn.Int32("physical_device", isRequired: true));

    private readonly ParquetFileWriter _pings;
    private readonly ParquetFileWriter _truth;
    private readonly RowText _text;
    private readonly int _groupRows;
    private readonly PingBuffer _group;
    private readonly List<byte[]> _groupIds = [];
    private readonly StringColumnBuilder _strings = new();
    private readonly long[] _rowKeys;
    private readonly int[] _ints;
    private readonly bool[] _nulls;
    private readonly float[] _accuracy;

    public PingTableWriter(string pingsPath, string truthPath, ParquetWriterOptions parquetOptions, RowText text)
    {
        _pings = ParquetFileWriter.Create(pingsPath, PingSchema, parquetOptions);
        _truth = ParquetFileWriter.Create(truthPath, TruthSchema, parquetOptions);
        _text = text;
        _groupRows = parquetOptions.RowGroupSize;
        int capacity = Math.Min(_groupRows, 1 << 20);
        _group = new PingBuffer(capacity);
        _rowKeys = new long[_groupRows];
        _ints = new int[_groupRows];
        _nulls = new bool[_groupRows];
        _accuracy = new float[_groupRows];
    }

    public long RowsWritten { get; private set; }

    public long BytesWritten => _pings.BytesWritten;

    /// <summary>Appends rows whose ID slots index <paramref name="ids"/>; flushes full row groups.</summary>
    public void Append(PingBuffer rows, IReadOnlyList<string> ids)
    {
        int start = 0;
        while (start < rows.Count)
        {
            int take = Math.Min(rows.Count - start, _groupRows - _group.Count);
            int offset = _groupIds.Count;
            foreach (string id in ids)
            {
                _groupIds.Add(Encoding.ASCII.GetBytes(id));
            }

            _group.CopyRange(rows, start, take, offset);
            start += take;
            if (_group.Count == _groupRows)
            {
                Flush();
            }
        }
    }

    public void Complete()
    {
        Flush();
        _pings.Complete();
        _truth.Complete();
    }

    public void Dispose()
    {
        _pings.Dispose();
        _truth.Dispose();
    }

    private void Flush()
    {
        int n = _group.Count;
        if (n == 0)
        {
            return;
        }

        PingBuffer g = _group;
        _pings.BeginRowGroup(n);
        _strings.Reset(n);
        for (int i = 0; i < n; i++)
        {
            _strings.Add(_groupIds[g.IdSlot[i]]);
        }

        _pings.WriteByteArrays(_strings.Data, _strings.Offsets);
        WriteCodes(_pings, g.IdType, n, RowText.IdTypeBytes);
        _pings.WriteInt64(g.TimestampMs.AsSpan(0, n));
        _pings.WriteDouble(g.Latitude.AsSpan(0, n));
        _pings.WriteDouble(g.Longitude.AsSpan(0, n));
        bool anyNull = false;
        for (int i = 0; i < n; i++)
        {
            float a = g.Accuracy[i];
            bool isNull = float.IsNaN(a);
            _nulls[i] = isNull;
            _accuracy[i] = isNull ? 0f : a;
            anyNull |= isNull;
        }

        _pings.WriteFloat(_accuracy.AsSpan(0, n), anyNull ? _nulls.AsSpan(0, n) : default);
        for (int i = 0; i < n; i++)
        {
            _ints[i] = g.Source[i] == (byte)SourceClass.Ip ? 2 : 1;
        }

        _pings.WriteInt32(_ints.AsSpan(0, n));
        WriteCodes(_pings, g.Mode, n, RowText.ModeBytes);
        _strings.Reset(n);
        for (int i = 0; i < n; i++)
        {
            _strings.Commit(RowText.FormatIpv4(g.Ip[i], _strings.Reserve(15)));
        }

        _pings.WriteByteArrays(_strings.Data, _strings.Offsets);
        WriteCodes(_pings, g.Os, n, RowText.OsBytes);
        _strings.Reset(n);
        for (int i = 0; i < n; i++)
        {
            _strings.Add(_text.AppId(g.App[i], g.Os[i]));
        }

        _pings.WriteByteArrays(_strings.Data, _strings.Offsets);
        WriteCodes(_pings, g.Supplier, n, _text.Suppliers);
        _pings.EndRowGroup();

        _truth.BeginRowGroup(n);
        for (int i = 0; i < n; i++)
        {
            _rowKeys[i] = RowsWritten + i;
        }

        _truth.WriteInt64(_rowKeys.AsSpan(0, n));
        _truth.WriteDouble(g.TrueLatitude.AsSpan(0, n));
        _truth.WriteDouble(g.TrueLongitude.AsSpan(0, n));
        WriteCodes(_truth, g.Source, n, RowText.SourceBytes);
        WriteCodes(_truth, g.Artifact, n, RowText.ArtifactBytes);
        _truth.WriteInt32(g.Unit.AsSpan(0, n));
        _truth.EndRowGroup();

        RowsWritten += n;
        g.Clear();
        _groupIds.Clear();
    }

    private void WriteCodes(ParquetFileWriter writer, byte[] codes, int n, byte[][] table)
    {
        _strings.Reset(n);
        for (int i = 0; i < n; i++)
        {
            _strings.Add(table[codes[i]]);
        }

        writer.WriteByteArrays(_strings.Data, _strings.Offsets);
    }
}
