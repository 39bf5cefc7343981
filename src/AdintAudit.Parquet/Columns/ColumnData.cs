using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Schema;

namespace AdintAudit.Parquet.Columns;

/// <summary>
/// The decoded contents of one column chunk: levels and values in typed buffers, never an object per value.
/// </summary>
/// <remarks>
/// Values are dense: only non-null values are stored, in order, and the definition levels say which level entries
/// they belong to (entry <c>i</c> holds a value when <c>DefinitionLevels[i] == MaxDefinitionLevel</c>).
/// Fixed-width physical types (BOOLEAN as one byte, INT32, INT64, INT96, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY) are in
/// <see cref="FixedValues"/>. BYTE_ARRAY values are either in <see cref="ByteArrays"/> or, when the chunk is
/// dictionary-encoded, kept as <see cref="Dictionary"/> plus <see cref="DictionaryIndices"/>.
/// </remarks>
public sealed class ColumnData
{
    private byte[] _fixed = [];
    private byte[] _definitionLevels = [];
    private byte[] _repetitionLevels = [];
    private int[] _indices = [];

    internal ColumnData(ColumnDescriptor column, int capacity)
    {
        Column = column;
        FixedValueSize = column.PhysicalType switch
        {
            PhysicalType.Boolean => 1,
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            PhysicalType.Int96 => 12,
            PhysicalType.FixedLenByteArray => column.TypeLength,
            _ => 0,
        };
        if (FixedValueSize > 0)
        {
            _fixed = new byte[(long)capacity * FixedValueSize <= Array.MaxLength ? capacity * FixedValueSize : 0];
        }

        if (column.MaxDefinitionLevel > 0)
        {
            _definitionLevels = new byte[capacity];
        }

        if (column.MaxRepetitionLevel > 0)
        {
            _repetitionLevels = new byte[capacity];
        }
    }

    /// <summary>The column these values belong to.</summary>
    public ColumnDescriptor Column { get; }

    /// <summary>Level entries (for a flat column: rows).</summary>
    public int LevelCount { get; private set; }

    /// <summary>Non-null values stored.</summary>
    public int ValueCount { get; private set; }

    /// <summary>Definition level per entry; empty when the column's maximum is 0 (every entry has a value).</summary>
    public ReadOnlySpan<byte> DefinitionLevels => Column.MaxDefinitionLevel == 0 ? default : _definitionLevels.AsSpan(0, LevelCount);

    /// <summary>Repetition level per entry; empty when the column is not repeated.</summary>
    public ReadOnlySpan<byte> RepetitionLevels => Column.MaxRepetitionLevel == 0 ? default : _repetitionLevels.AsSpan(0, LevelCount);

    /// <summary>Bytes per value in <see cref="FixedValues"/>; 0 for BYTE_ARRAY columns.</summary>
    public int FixedValueSize { get; }

    /// <summary>Raw little-endian values of a fixed-width column (BOOLEAN as one byte 0 or 1).</summary>
    public ReadOnlySpan<byte> FixedValues => _fixed.AsSpan(0, FixedValueSize * ValueCount);

    /// <summary>BYTE_ARRAY values when the chunk is not dictionary-encoded.</summary>
    public ByteArrayValues? ByteArrays { get; private set; }

    /// <summary>Distinct BYTE_ARRAY values of a dictionary-encoded chunk (values of fallback pages are appended).</summary>
    public ByteArrayValues? Dictionary { get; private set; }

    /// <summary>For a dictionary-encoded BYTE_ARRAY chunk: the dictionary index of each value.</summary>
    public ReadOnlySpan<int> DictionaryIndices => Dictionary is null ? default : _indices.AsSpan(0, ValueCount);

    /// <summary>Reinterprets the fixed-width values as <typeparamref name="T"/> (int, long, float, double, bool).</summary>
    /// <exception cref="InvalidOperationException">The size of <typeparamref name="T"/> differs from <see cref="FixedValueSize"/>.</exception>
    public ReadOnlySpan<T> GetValues<T>()
        where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() != FixedValueSize)
        {
            throw new InvalidOperationException(
                $"column '{Column.DottedPath}' holds {FixedValueSize}-byte values, not {typeof(T).Name}");
        }

        return MemoryMarshal.Cast<byte, T>(FixedValues);
    }

    /// <summary>Gets the bytes of value <paramref name="valueIndex"/> (dense index) of a byte-array or fixed-width column.</summary>
    public ReadOnlySpan<byte> GetBytes(int valueIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)valueIndex, (uint)ValueCount, nameof(valueIndex));
        if (FixedValueSize > 0)
        {
            return _fixed.AsSpan(valueIndex * FixedValueSize, FixedValueSize);
        }

        return Dictionary is not null ? Dictionary[_indices[valueIndex]] : ByteArrays![valueIndex];
    }

    internal Span<byte> AppendLevels(int count, out Span<byte> repetition)
    {
        int needed = LevelCount + count;
        if (Column.MaxDefinitionLevel > 0 && needed > _definitionLevels.Length)
        {
            Array.Resize(ref _definitionLevels, Grow(_definitionLevels.Length, needed));
        }

        if (Column.MaxRepetitionLevel > 0 && needed > _repetitionLevels.Length)
        {
            Array.Resize(ref _repetitionLevels, Grow(_repetitionLevels.Length, needed));
        }

        Span<byte> definition = Column.MaxDefinitionLevel > 0 ? _definitionLevels.AsSpan(LevelCount, count) : default;
        repetition = Column.MaxRepetitionLevel > 0 ? _repetitionLevels.AsSpan(LevelCount, count) : default;
        LevelCount = needed;
        return definition;
    }

    /// <summary>Reserves room for <paramref name="count"/> fixed-width values and returns the span to fill.</summary>
    internal Span<byte> AppendFixed(int count)
    {
        long needed = ((long)ValueCount + count) * FixedValueSize;
        if (needed > Array.MaxLength)
        {
            throw new ParquetFormatException($"column '{Column.DottedPath}' holds more than 2 GB of values in one row group");
        }

        if (needed > _fixed.Length)
        {
            Array.Resize(ref _fixed, Grow(_fixed.Length, (int)needed));
        }

        Span<byte> span = _fixed.AsSpan(ValueCount * FixedValueSize, count * FixedValueSize);
        ValueCount += count;
        return span;
    }

    internal ByteArrayValues UsePlainByteArrays(int capacity, int byteCapacity)
    {
        ByteArrays ??= new ByteArrayValues(capacity, byteCapacity);
        return ByteArrays;
    }

    /// <summary>Switches a BYTE_ARRAY column to dictionary form (before any value was stored).</summary>
    internal void SetDictionary(ByteArrayValues dictionary) => Dictionary = dictionary;

    /// <summary>Reserves room for <paramref name="count"/> dictionary indices and returns the span to fill.</summary>
    internal Span<int> AppendIndices(int count)
    {
        int needed = ValueCount + count;
        if (needed > _indices.Length)
        {
            Array.Resize(ref _indices, Grow(_indices.Length, needed));
        }

        Span<int> span = _indices.AsSpan(ValueCount, count);
        ValueCount = needed;
        return span;
    }

    /// <summary>Records that <paramref name="count"/> plain BYTE_ARRAY values were appended to <see cref="ByteArrays"/>.</summary>
    internal void AddPlainValues(int count) => ValueCount += count;

    private static int Grow(int current, int needed) => (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)current * 2));
}
