namespace AdintAudit.Parquet.Columns;

/// <summary>
/// Variable-length byte values stored back to back: value <c>i</c> is <c>Data[Offsets[i]..Offsets[i + 1]]</c>.
/// One allocation per column chunk instead of one per value.
/// </summary>
public sealed class ByteArrayValues
{
    private int[] _offsets;
    private byte[] _data;

    internal ByteArrayValues(int capacity, int byteCapacity)
    {
        _offsets = new int[Math.Max(capacity, 0) + 1];
        _data = new byte[Math.Max(byteCapacity, 0)];
    }

    /// <summary>Number of values.</summary>
    public int Count { get; private set; }

    /// <summary>Start offsets into <see cref="Data"/>, <see cref="Count"/> + 1 entries.</summary>
    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, Count + 1);

    /// <summary>The concatenated bytes of all values.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _offsets[Count]);

    /// <summary>Gets value <paramref name="index"/>.</summary>
    /// <param name="index">0-based value index, less than <see cref="Count"/>.</param>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            int start = _offsets[index];
            return _data.AsSpan(start, _offsets[index + 1] - start);
        }
    }

    /// <summary>Appends one value.</summary>
    internal void Append(ReadOnlySpan<byte> value)
    {
        Span<byte> target = AppendUninitialized(value.Length);
        value.CopyTo(target);
    }

    /// <summary>Appends one value of <paramref name="length"/> bytes and returns the span to fill.</summary>
    internal Span<byte> AppendUninitialized(int length)
    {
        if (Count + 1 >= _offsets.Length)
        {
            Array.Resize(ref _offsets, checked(Math.Max(_offsets.Length * 2, 16)));
        }

        int start = _offsets[Count];
        long end = (long)start + length;
        if (end > Array.MaxLength)
        {
            throw new ParquetFormatException("byte array values of one column chunk exceed 2 GB");
        }

        if (end > _data.Length)
        {
            Array.Resize(ref _data, (int)Math.Min(Array.MaxLength, Math.Max(end, (long)_data.Length * 2)));
        }

        Count++;
        _offsets[Count] = (int)end;
        return _data.AsSpan(start, length);
    }

    /// <summary>Ensures room for <paramref name="values"/> more values and <paramref name="bytes"/> more bytes.</summary>
    internal void Reserve(int values, int bytes)
    {
        if (Count + values + 1 > _offsets.Length)
        {
            Array.Resize(ref _offsets, Count + values + 1);
        }

        long needed = (long)_offsets[Count] + bytes;
        if (needed > _data.Length && needed <= Array.MaxLength)
        {
            Array.Resize(ref _data, (int)needed);
        }
    }
}
