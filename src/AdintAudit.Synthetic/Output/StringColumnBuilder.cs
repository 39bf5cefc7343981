namespace AdintAudit.Synthetic.Output;

/// <summary>Builds the concatenated bytes and offsets of a BYTE_ARRAY column; reused between row groups.</summary>
internal sealed class StringColumnBuilder
{
    private byte[] _data = new byte[1 << 16];
    private int[] _offsets = new int[1024];
    private int _rows;
    private int _length;

    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _length);

    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, _rows + 1);

    public void Reset(int rows)
    {
        if (_offsets.Length < rows + 1)
        {
            _offsets = new int[rows + 1];
        }

        _rows = 0;
        _length = 0;
        _offsets[0] = 0;
    }

    public void Add(ReadOnlySpan<byte> value)
    {
        if (_length + value.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_length + value.Length, _data.Length * 2));
        }

        value.CopyTo(_data.AsSpan(_length));
        _length += value.Length;
        _offsets[++_rows] = _length;
    }

    /// <summary>Returns room for up to <paramref name="maxLength"/> bytes; call <see cref="Commit"/> with the bytes used.</summary>
    public Span<byte> Reserve(int maxLength)
    {
        if (_length + maxLength > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_length + maxLength, _data.Length * 2));
        }

        return _data.AsSpan(_length, maxLength);
    }

    public void Commit(int length)
    {
        _length += length;
        _offsets[++_rows] = _length;
    }
}
