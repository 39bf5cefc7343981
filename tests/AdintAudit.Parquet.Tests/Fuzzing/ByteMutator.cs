namespace AdintAudit.Parquet.Tests.Fuzzing;

/// <summary>
/// Deterministic mutations of a file's bytes, of the kinds that expose parser bugs: bit flips, interesting values,
/// truncation, splices from another file, inserted and deleted ranges, inflated length fields, and corrupted Thrift
/// field headers in the footer.
/// </summary>
internal sealed class ByteMutator(ulong seed)
{
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0F, 0xF0, 0x15, 0x16, 0x19, 0x1C];
    private readonly FuzzRandom _random = new(seed);

    public byte[] Mutate(byte[] input, byte[] donor)
    {
        byte[] bytes = (byte[])input.Clone();
        int rounds = 1 + Next(3);
        for (int r = 0; r < rounds && bytes.Length > 0; r++)
        {
            bytes = Next(11) switch
            {
                9 or 10 => CorruptThriftField(bytes),
                0 => FlipBit(bytes),
                1 => SetInteresting(bytes),
                2 => Truncate(bytes),
                3 => Splice(bytes, donor),
                4 => InsertRange(bytes),
                5 => DeleteRange(bytes),
                6 => InflateInt32(bytes),
                7 => InflateVarint(bytes),
                _ => FlipNearEnd(bytes),
            };
        }

        return bytes;
    }

    private byte[] FlipBit(byte[] bytes)
    {
        bytes[Next(bytes.Length)] ^= (byte)(1 << Next(8));
        return bytes;
    }

    /// <summary>The footer sits at the end: bias some flips there, where the Thrift structures are.</summary>
    private byte[] FlipNearEnd(byte[] bytes)
    {
        int window = Math.Min(bytes.Length, 2048);
        bytes[bytes.Length - 1 - Next(window)] ^= (byte)(1 << Next(8));
        return bytes;
    }

    /// <summary>
    /// Corrupts one Thrift compact-protocol field header in the footer (the <c>FileMetaData</c> between the pages and
    /// the trailing length + <c>PAR1</c>): a header byte is <c>delta &lt;&lt; 4 | type</c>, so this swaps the type nibble
    /// (a string read as a struct, a list as an i64...), the field-id delta (a field jumps to an unknown or repeated
    /// id), or turns it into a stop byte or a list header with a huge element count.
    /// </summary>
    private byte[] CorruptThriftField(byte[] bytes)
    {
        int footerStart = 4;
        if (bytes.Length >= 12)
        {
            int footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
            if (footerLength > 0 && footerLength <= bytes.Length - 12)
            {
                footerStart = bytes.Length - 8 - footerLength;
            }
        }

        int span = bytes.Length - 8 - footerStart;
        if (span <= 0)
        {
            return FlipBit(bytes);
        }

        int at = footerStart + Next(span);
        byte header = bytes[at];
        bytes[at] = Next(5) switch
        {
            0 => (byte)((header & 0xF0) | (1 + Next(12))), // another field type
            1 => (byte)((Next(16) << 4) | (header & 0x0F)), // another field-id delta
            2 => 0x00, // stop: the struct ends early, required fields are missing
            3 => 0xF9, // list header: 15+ elements of type struct, the count in a varint that follows
            _ => 0x0C, // a field whose id comes as a zigzag i16 after the header (long form), of type struct
        };
        return bytes;
    }

    private byte[] SetInteresting(byte[] bytes)
    {
        bytes[Next(bytes.Length)] = s_interesting[Next(s_interesting.Length)];
        return bytes;
    }

    private byte[] Truncate(byte[] bytes) => bytes[..Next(bytes.Length)];

    private byte[] Splice(byte[] bytes, byte[] donor)
    {
        if (donor.Length == 0)
        {
            return bytes;
        }

        int length = 1 + Next(Math.Min(256, donor.Length));
        int from = Next(donor.Length - length + 1);
        int to = Next(Math.Max(1, bytes.Length - length + 1));
        if (to + length > bytes.Length)
        {
            return bytes;
        }

        donor.AsSpan(from, length).CopyTo(bytes.AsSpan(to));
        return bytes;
    }

    private byte[] InsertRange(byte[] bytes)
    {
        int at = Next(bytes.Length + 1);
        byte[] extra = new byte[1 + Next(16)];
        for (int i = 0; i < extra.Length; i++)
        {
            extra[i] = (byte)Next(256);
        }

        return [.. bytes[..at], .. extra, .. bytes[at..]];
    }

    private byte[] DeleteRange(byte[] bytes)
    {
        int at = Next(bytes.Length);
        int length = Math.Min(bytes.Length - at, 1 + Next(16));
        return [.. bytes[..at], .. bytes[(at + length)..]];
    }

    /// <summary>Overwrites 4 bytes with a huge or negative little-endian int (page sizes, footer length, level lengths).</summary>
    private byte[] InflateInt32(byte[] bytes)
    {
        if (bytes.Length < 4)
        {
            return bytes;
        }

        int at = Next(3) == 0 ? bytes.Length - 8 : Next(bytes.Length - 3);
        int value = Next(4) switch
        {
            0 => int.MaxValue,
            1 => int.MinValue,
            2 => -1,
            _ => 1 << (16 + Next(15)),
        };
        BitConverter.TryWriteBytes(bytes.AsSpan(Math.Max(0, at), 4), value);
        return bytes;
    }

    /// <summary>Replaces one byte with a varint continuation, so a Thrift length or count becomes enormous.</summary>
    private byte[] InflateVarint(byte[] bytes)
    {
        int at = Next(bytes.Length);
        int count = Math.Min(bytes.Length - at, 1 + Next(5));
        for (int i = 0; i < count; i++)
        {
            bytes[at + i] |= 0x80;
        }

        return bytes;
    }

    private int Next(int bound) => _random.Next(bound);
}
