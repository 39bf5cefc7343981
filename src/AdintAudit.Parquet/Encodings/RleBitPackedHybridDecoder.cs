namespace AdintAudit.Parquet.Encodings;

/// <summary>
/// Decodes Parquet's RLE / bit-packed hybrid encoding: a sequence of runs, each either one value repeated
/// (<c>header = count &lt;&lt; 1</c>) or groups of 8 bit-packed values (<c>header = groups &lt;&lt; 1 | 1</c>).
/// Used for definition and repetition levels, dictionary indices and RLE booleans.
/// </summary>
internal static class RleBitPackedHybridDecoder
{
    /// <summary>Decodes exactly <paramref name="destination"/>.Length values.</summary>
    /// <param name="data">The encoded runs (without any length prefix).</param>
    /// <param name="bitWidth">Bits per value, 0..32.</param>
    /// <param name="destination">Receives the values.</param>
    /// <returns>Bytes of <paramref name="data"/> consumed.</returns>
    /// <exception cref="ParquetFormatException">The runs end before enough values, or a header is malformed.</exception>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> destination)
    {
        var cursor = new RunCursor(data, bitWidth);
        cursor.Read(destination);
        return cursor.Position;
    }

    /// <summary>Decodes levels (bit width 0..8) into bytes.</summary>
    /// <returns>Bytes of <paramref name="data"/> consumed.</returns>
    public static int DecodeLevels(ReadOnlySpan<byte> data, int bitWidth, Span<byte> destination)
    {
        if (bitWidth == 0)
        {
            destination.Clear();
            return 0;
        }

        int[] scratch = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Min(destination.Length, 1 << 16));
        try
        {
            int done = 0;
            var run = new RunCursor(data, bitWidth);
            while (done < destination.Length)
            {
                int chunk = Math.Min(scratch.Length, destination.Length - done);
                run.Read(scratch.AsSpan(0, chunk));
                for (int i = 0; i < chunk; i++)
                {
                    destination[done + i] = (byte)scratch[i];
                }

                done += chunk;
            }

            return run.Position;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(scratch);
        }
    }

    internal static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new ParquetFormatException("varint past the end of the data");
            }

            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ParquetFormatException("varint longer than 10 bytes");
    }

    /// <summary>Resumable reader over runs, so long level streams decode in bounded chunks.</summary>
    internal ref struct RunCursor
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly int _bitWidth;
        private int _position;
        private int _rleLeft;
        private int _rleValue;
        private int _packedLeft;
        private int _packedStart;
        private int _packedIndex;

        public RunCursor(ReadOnlySpan<byte> data, int bitWidth)
        {
            if (bitWidth is < 0 or > 32)
            {
                throw new ParquetFormatException($"RLE bit width {bitWidth} is out of range");
            }

            _data = data;
            _bitWidth = bitWidth;
        }

        public readonly int Position => _position;

        public void Read(Span<int> destination)
        {
            int produced = 0;
            int byteWidth = (_bitWidth + 7) >> 3;
            while (produced < destination.Length)
            {
                if (_rleLeft > 0)
                {
                    int take = Math.Min(_rleLeft, destination.Length - produced);
                    destination.Slice(produced, take).Fill(_rleValue);
                    produced += take;
                    _rleLeft -= take;
                    continue;
                }

                if (_packedLeft > 0)
                {
                    int take = Math.Min(_packedLeft, destination.Length - produced);
                    long startBit = (long)_packedIndex * _bitWidth;
                    int startByte = _packedStart + (int)(startBit >> 3);
                    int bitShift = (int)(startBit & 7);
                    if (bitShift == 0)
                    {
                        int end = Math.Min(_data.Length, startByte + (int)(((long)take * _bitWidth + 7) >> 3));
                        BitPacking.Unpack32(_data[startByte..end], _bitWidth, destination.Slice(produced, take));
                    }
                    else
                    {
                        for (int i = 0; i < take; i++)
                        {
                            destination[produced + i] = (int)BitPacking.ReadBitsSlow(_data[_packedStart..], startBit + ((long)i * _bitWidth), _bitWidth);
                        }
                    }

                    produced += take;
                    _packedLeft -= take;
                    _packedIndex += take;
                    continue;
                }

                if (_position >= _data.Length)
                {
                    throw new ParquetFormatException($"RLE data ends {destination.Length - produced} values early");
                }

                ulong header = ReadVarint(_data, ref _position);
                if ((header & 1) == 0)
                {
                    if (_position + byteWidth > _data.Length)
                    {
                        throw new ParquetFormatException("RLE run value past the end of the data");
                    }

                    int value = 0;
                    for (int b = 0; b < byteWidth; b++)
                    {
                        value |= _data[_position + b] << (8 * b);
                    }

                    _position += byteWidth;
                    if (_bitWidth < 32 && (uint)value >> _bitWidth != 0)
                    {
                        throw new ParquetFormatException($"RLE run value {value} does not fit in {_bitWidth} bits");
                    }

                    _rleValue = value;
                    _rleLeft = (int)Math.Min(header >> 1, int.MaxValue);
                }
                else
                {
                    ulong groups = header >> 1;
                    long runBytes = (long)Math.Min(groups, int.MaxValue / 8) * _bitWidth;
                    int available = (int)Math.Min(runBytes, _data.Length - _position);
                    _packedStart = _position;
                    _packedIndex = 0;
                    _packedLeft = _bitWidth == 0 ? (int)Math.Min(groups * 8, int.MaxValue) : (int)Math.Min((ulong)((long)available * 8 / _bitWidth), groups * 8);
                    _position += available;
                    if (_packedLeft == 0 && groups > 0)
                    {
                        throw new ParquetFormatException("bit-packed run past the end of the data");
                    }
                }
            }
        }
    }
}
