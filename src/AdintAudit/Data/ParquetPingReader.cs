using System.Buffers;
using System.Globalization;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;

namespace AdintAudit.Data;

/// <summary>
/// Decodes the ping columns of one Parquet file, row group by row group, into <see cref="PingChunk"/>s: the column
/// mapping, timestamp units and null handling shared by <see cref="PingTableLoader"/> and the partitioned spill.
/// </summary>
/// <remarks>
/// Opening resolves the columns and fixes the timestamp unit; after that <see cref="Decode"/> may run for different row
/// groups on several threads at once (the underlying <see cref="ParquetFileReader"/> allows it) and gives the same
/// result on any thread.
/// </remarks>
internal sealed class ParquetPingReader : IDisposable
{
    private readonly ParquetFileReader _file;
    private readonly ColumnDescriptor _device;
    private readonly ColumnDescriptor _time;
    private readonly ColumnDescriptor _lat;
    private readonly ColumnDescriptor _lon;
    private readonly ColumnDescriptor? _accuracy;
    private readonly ParquetTimeReader _timeReader;

    private ParquetPingReader(ParquetFileReader file, PingLoadOptions options, PingLoadState state)
    {
        _file = file;
        var flat = new List<ColumnDescriptor>();
        foreach (ColumnDescriptor column in file.Schema.Columns)
        {
            if (column.IsFlat)
            {
                flat.Add(column);
            }
        }

        int[] map = options.Mapping.Resolve([.. flat.Select(c => c.Path[0])]);
        state.Columns ??= [.. Enum.GetValues<PingField>().Where(f => map[(int)f] >= 0).Select(f => $"{f}={flat[map[(int)f]].Path[0]}")];
        _device = flat[map[(int)PingField.DeviceId]];
        _time = flat[map[(int)PingField.Timestamp]];
        _lat = flat[map[(int)PingField.Latitude]];
        _lon = flat[map[(int)PingField.Longitude]];
        _accuracy = map[(int)PingField.Accuracy] >= 0 ? flat[map[(int)PingField.Accuracy]] : null;
        if (_device.PhysicalType is not (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray or PhysicalType.Int32 or PhysicalType.Int64))
        {
            throw new InputFormatException($"column '{_device.DottedPath}' (device id) is {_device.PhysicalType}; a string or integer is needed");
        }

        CheckNumber(_lat);
        CheckNumber(_lon);
        if (_accuracy is not null)
        {
            CheckNumber(_accuracy);
        }

        _timeReader = ParquetTimeReader.For(file, _time, options.TimestampUnit, state);
    }

    /// <summary>Row groups of the file.</summary>
    public int RowGroupCount => _file.RowGroupCount;

    /// <summary>Opens <paramref name="path"/>, resolves its columns and fixes its timestamp unit (noted in <paramref name="state"/>).</summary>
    /// <exception cref="InputFormatException">A required column is missing or has an unusable type.</exception>
    /// <exception cref="Parquet.ParquetFormatException">The file is not valid Parquet.</exception>
    public static ParquetPingReader Open(string path, PingLoadOptions options, PingLoadState state)
    {
        ParquetFileReader file = ParquetFileReader.Open(path);
        try
        {
            return new ParquetPingReader(file, options, state);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Rows in row group <paramref name="rowGroup"/>.</summary>
    public int RowCount(int rowGroup) => checked((int)_file.GetRowCount(rowGroup));

    /// <summary>Decodes row group <paramref name="rowGroup"/> into <paramref name="chunk"/>.</summary>
    public void Decode(int rowGroup, PingChunk chunk)
    {
        int rows = RowCount(rowGroup);
        chunk.Reset(rows);
        Span<bool> ok = chunk.Ok;
        ReadDevices(_file.ReadColumn(rowGroup, _device), chunk);
        _timeReader.Read(_file.ReadColumn(rowGroup, _time), chunk.TimeMs, ok);
        ReadDoubles(_file.ReadColumn(rowGroup, _lat), chunk.Lat, ok, required: true);
        ReadDoubles(_file.ReadColumn(rowGroup, _lon), chunk.Lon, ok, required: true);
        if (_accuracy is null)
        {
            chunk.AccuracyM.Fill(float.NaN);
        }
        else
        {
            ReadAccuracy(_file.ReadColumn(rowGroup, _accuracy), chunk.AccuracyM);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private static void CheckNumber(ColumnDescriptor column)
    {
        if (column.PhysicalType is not (PhysicalType.Double or PhysicalType.Float or PhysicalType.Int32 or PhysicalType.Int64))
        {
            throw new InputFormatException($"column '{column.DottedPath}' is {column.PhysicalType}; a number is needed");
        }
    }

    private static void ReadDevices(ColumnData data, PingChunk chunk)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        int max = data.Column.MaxDefinitionLevel;
        Span<int> ids = chunk.IdOfRow;
        Span<bool> ok = chunk.Ok;
        int v = 0;
        switch (data.Column.PhysicalType)
        {
            case PhysicalType.ByteArray or PhysicalType.FixedLenByteArray when data.Dictionary is ByteArrayValues dictionary:
                {
                    for (int e = 0; e < dictionary.Count; e++)
                    {
                        chunk.AddId(dictionary[e]);
                    }

                    ReadOnlySpan<int> indices = data.DictionaryIndices;
                    for (int i = 0; i < ids.Length; i++)
                    {
                        if (levels.IsEmpty || levels[i] == max)
                        {
                            ids[i] = indices[v++];
                        }
                        else
                        {
                            ids[i] = -1;
                            ok[i] = false;
                        }
                    }

                    break;
                }

            case PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                for (int i = 0; i < ids.Length; i++)
                {
                    if (levels.IsEmpty || levels[i] == max)
                    {
                        ids[i] = chunk.AddId(data.GetBytes(v++));
                    }
                    else
                    {
                        ids[i] = -1;
                        ok[i] = false;
                    }
                }

                break;
            default:
                {
                    bool wide = data.Column.PhysicalType == PhysicalType.Int64;
                    ReadOnlySpan<int> ints = wide ? default : data.GetValues<int>();
                    ReadOnlySpan<long> longs = wide ? data.GetValues<long>() : default;
                    var numericIds = new Dictionary<long, int>();
                    Span<char> text = stackalloc char[24];
                    for (int i = 0; i < ids.Length; i++)
                    {
                        if (levels.IsEmpty || levels[i] == max)
                        {
                            long id = wide ? longs[v] : ints[v];
                            v++;
                            if (!numericIds.TryGetValue(id, out int index))
                            {
                                id.TryFormat(text, out int length, provider: CultureInfo.InvariantCulture);
                                index = chunk.AddId(text[..length]);
                                numericIds.Add(id, index);
                            }

                            ids[i] = index;
                        }
                        else
                        {
                            ids[i] = -1;
                            ok[i] = false;
                        }
                    }

                    break;
                }
        }
    }

    private static void ReadDoubles(ColumnData data, Span<double> values, Span<bool> ok, bool required)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        int max = data.Column.MaxDefinitionLevel;
        int v = 0;
        PhysicalType type = data.Column.PhysicalType;
        if (type == PhysicalType.Double && levels.IsEmpty)
        {
            data.GetValues<double>()[..values.Length].CopyTo(values);
            if (required)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    if (double.IsNaN(values[i]))
                    {
                        ok[i] = false;
                    }
                }
            }

            return;
        }

        ReadOnlySpan<double> doubles = type == PhysicalType.Double ? data.GetValues<double>() : default;
        ReadOnlySpan<float> floats = type == PhysicalType.Float ? data.GetValues<float>() : default;
        ReadOnlySpan<int> ints = type == PhysicalType.Int32 ? data.GetValues<int>() : default;
        ReadOnlySpan<long> longs = type == PhysicalType.Int64 ? data.GetValues<long>() : default;
        for (int i = 0; i < values.Length; i++)
        {
            if (levels.IsEmpty || levels[i] == max)
            {
                values[i] = type switch
                {
                    PhysicalType.Double => doubles[v],
                    PhysicalType.Float => floats[v],
                    PhysicalType.Int32 => ints[v],
                    _ => longs[v],
                };
                v++;
                if (required && double.IsNaN(values[i]))
                {
                    ok[i] = false;
                }
            }
            else
            {
                values[i] = double.NaN;
                if (required)
                {
                    ok[i] = false;
                }
            }
        }
    }

    private static void ReadAccuracy(ColumnData data, Span<float> values)
    {
        if (data.Column.PhysicalType == PhysicalType.Float && data.DefinitionLevels.IsEmpty)
        {
            data.GetValues<float>()[..values.Length].CopyTo(values);
            return;
        }

        double[] buffer = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            Span<double> doubles = buffer.AsSpan(0, values.Length);
            ReadDoubles(data, doubles, default, required: false);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)doubles[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
