using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;

namespace AdintAudit.Data;

/// <summary>Reads the timestamp column of one Parquet file into UTC epoch ms.</summary>
/// <remarks>
/// The unit is fixed when the reader is created (logical or converted type, INT96, the given unit, or detection by
/// magnitude from the first row group that has values), so <see cref="Read"/> holds no state and row groups can be read
/// on several threads at once with the same result.
/// </remarks>
internal sealed class ParquetTimeReader
{
    /// <summary>Values sampled to detect a unit by magnitude.</summary>
    internal const int UnitSample = 4096;

    private readonly ColumnDescriptor _column;
    private TimestampUnit? _unit;
    private bool _isInt96;
    private bool _isText;

    private ParquetTimeReader(ColumnDescriptor column)
    {
        _column = column;
    }

    public static ParquetTimeReader For(ParquetFileReader file, ColumnDescriptor column, TimestampUnit? given, PingLoadState state)
    {
        var reader = new ParquetTimeReader(column);
        LogicalType? logical = column.LogicalType;
        switch (column.PhysicalType)
        {
            case PhysicalType.Int96:
                reader._isInt96 = true;
                state.NoteUnit("ns", "Parquet INT96");
                break;
            case PhysicalType.ByteArray:
                reader._isText = true;
                state.NoteUnit("ISO-8601 text", "no offset = UTC");
                break;
            case PhysicalType.Int64 or PhysicalType.Int32 or PhysicalType.Double or PhysicalType.Float:
                if (logical is { Kind: LogicalTypeKind.Timestamp })
                {
                    reader._unit = logical.Unit switch
                    {
                        TimeUnit.Micros => TimestampUnit.Microseconds,
                        TimeUnit.Nanos => TimestampUnit.Nanoseconds,
                        _ => TimestampUnit.Milliseconds,
                    };
                    state.NoteUnit(TimestampUnits.ShortName(reader._unit.Value), "Parquet logical type");
                }
                else if (column.ConvertedType is ConvertedType.TimestampMillis or ConvertedType.TimestampMicros)
                {
                    reader._unit = column.ConvertedType == ConvertedType.TimestampMillis ? TimestampUnit.Milliseconds : TimestampUnit.Microseconds;
                    state.NoteUnit(TimestampUnits.ShortName(reader._unit.Value), "Parquet converted type");
                }
                else if (given is TimestampUnit forced)
                {
                    reader._unit = forced;
                    state.NoteUnit(TimestampUnits.ShortName(forced), "given");
                }
                else
                {
                    reader.DetectUnit(file, state);
                }

                break;
            default:
                throw new InputFormatException($"column '{column.DottedPath}' (timestamp) is {column.PhysicalType}; a number, timestamp or text is needed");
        }

        return reader;
    }

    /// <summary>Reads one chunk of the column; rows that are null (or all rows, when no unit could be detected) are marked in <paramref name="ok"/>.</summary>
    public void Read(ColumnData data, Span<long> times, Span<bool> ok)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        int max = data.Column.MaxDefinitionLevel;
        int v = 0;
        if (_isText)
        {
            ReadText(data, times, ok);
            return;
        }

        if (_isInt96)
        {
            ReadOnlySpan<byte> raw = data.FixedValues;
            for (int i = 0; i < times.Length; i++)
            {
                if (!levels.IsEmpty && levels[i] != max)
                {
                    ok[i] = false;
                    continue;
                }

                ReadOnlySpan<byte> value = raw.Slice(12 * v++, 12);
                long nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(value);
                int julianDay = BinaryPrimitives.ReadInt32LittleEndian(value[8..]);
                times[i] = ((julianDay - 2_440_588L) * 86_400_000L) + TimestampUnits.FloorDivide(nanosOfDay, 1_000_000);
            }

            return;
        }

        if (_unit is not TimestampUnit unit)
        {
            // No row group of the file has a value: every row is dropped.
            ok.Clear();
            return;
        }

        PhysicalType type = data.Column.PhysicalType;
        bool isReal = type is PhysicalType.Double or PhysicalType.Float;
        ReadOnlySpan<long> longs = type == PhysicalType.Int64 ? data.GetValues<long>() : default;
        ReadOnlySpan<int> ints = type == PhysicalType.Int32 ? data.GetValues<int>() : default;
        ReadOnlySpan<double> doubles = type == PhysicalType.Double ? data.GetValues<double>() : default;
        ReadOnlySpan<float> floats = type == PhysicalType.Float ? data.GetValues<float>() : default;
        double scale = unit switch
        {
            TimestampUnit.Seconds => 1000.0,
            TimestampUnit.Microseconds => 1e-3,
            TimestampUnit.Nanoseconds => 1e-6,
            _ => 1.0,
        };
        if (type == PhysicalType.Int64 && levels.IsEmpty && unit == TimestampUnit.Milliseconds)
        {
            longs[..times.Length].CopyTo(times);
            return;
        }

        for (int i = 0; i < times.Length; i++)
        {
            if (!levels.IsEmpty && levels[i] != max)
            {
                ok[i] = false;
                continue;
            }

            if (isReal)
            {
                double value = type == PhysicalType.Double ? doubles[v] : floats[v];
                v++;
                if (!double.IsFinite(value))
                {
                    ok[i] = false;
                    continue;
                }

                times[i] = (long)Math.Floor(value * scale);
            }
            else
            {
                long value = type == PhysicalType.Int64 ? longs[v] : ints[v];
                v++;
                times[i] = TimestampUnits.ToMilliseconds(value, unit);
            }
        }
    }

    private void ReadText(ColumnData data, Span<long> times, Span<bool> ok)
    {
        ReadOnlySpan<byte> levels = data.DefinitionLevels;
        int max = data.Column.MaxDefinitionLevel;
        int v = 0;
        char[] chars = ArrayPool<char>.Shared.Rent(128);
        try
        {
            for (int i = 0; i < times.Length; i++)
            {
                if (!levels.IsEmpty && levels[i] != max)
                {
                    ok[i] = false;
                    continue;
                }

                ReadOnlySpan<byte> bytes = data.GetBytes(v++);
                if (bytes.Length > chars.Length)
                {
                    ok[i] = false;
                    continue;
                }

                int n = Encoding.UTF8.GetChars(bytes, chars);
                if (!TimestampUnits.TryParseIso(chars.AsSpan(0, n).Trim(), out times[i]))
                {
                    throw new InputFormatException($"column '{_column.DottedPath}': \"{Encoding.UTF8.GetString(bytes)}\" is not an ISO-8601 timestamp");
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Detects the unit from a sample of the first row group that has values; leaves it unknown when none has.</summary>
    private void DetectUnit(ParquetFileReader file, PingLoadState state)
    {
        PhysicalType type = _column.PhysicalType;
        for (int rg = 0; rg < file.RowGroupCount; rg++)
        {
            ColumnData data = file.ReadColumn(rg, _column);
            int count = data.ValueCount;
            if (count == 0)
            {
                continue;
            }

            ReadOnlySpan<long> longs = type == PhysicalType.Int64 ? data.GetValues<long>() : default;
            ReadOnlySpan<int> ints = type == PhysicalType.Int32 ? data.GetValues<int>() : default;
            ReadOnlySpan<double> doubles = type == PhysicalType.Double ? data.GetValues<double>() : default;
            ReadOnlySpan<float> floats = type == PhysicalType.Float ? data.GetValues<float>() : default;
            int step = Math.Max(1, count / UnitSample);
            var sample = new List<long>();
            for (int j = 0; j < count; j += step)
            {
                sample.Add(type switch
                {
                    PhysicalType.Int64 => longs[j],
                    PhysicalType.Int32 => ints[j],
                    PhysicalType.Double => (long)doubles[j],
                    _ => (long)floats[j],
                });
            }

            _unit = TimestampUnits.Detect([.. sample]);
            state.NoteUnit(TimestampUnits.ShortName(_unit.Value), "detected by magnitude");
            return;
        }
    }
}
