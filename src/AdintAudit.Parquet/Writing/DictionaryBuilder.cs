using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AdintAudit.Parquet.Writing;

/// <summary>
/// Assigns dictionary indices to byte strings in first-seen order: an open-addressing hash table over entries stored
/// back to back, so building the dictionary of a chunk allocates nothing per value. Reused between column chunks.
/// </summary>
internal sealed class DictionaryBuilder
{
    private int[] _table = new int[1024];
    private int[] _hashes = new int[256];
    private int[] _offsets = new int[257];
    private byte[] _bytes = new byte[4096];

    /// <summary>Number of distinct entries.</summary>
    public int Count { get; private set; }

    /// <summary>Size of the entries in PLAIN encoding (4-byte length + bytes each).</summary>
    public long PlainSize { get; private set; }

    /// <summary>Entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    public void Reset()
    {
        if (Count > 0)
        {
            Array.Clear(_table);
        }

        Count = 0;
        PlainSize = 0;
    }

    /// <summary>Returns the index of <paramref name="value"/>, adding it if new; -1 when adding it would exceed <paramref name="limitBytes"/>.</summary>
    public int Add(ReadOnlySpan<byte> value, long limitBytes)
    {
        int hash = Hash(value);
        int mask = _table.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int entry = _table[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && this[entry].SequenceEqual(value))
            {
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        long size = PlainSize + 4 + value.Length;
        if (size > limitBytes)
        {
            return -1;
        }

        int index = Count;
        Store(value, hash);
        PlainSize = size;
        _table[slot] = index + 1;
        if ((long)Count * 2 > _table.Length)
        {
            Rehash();
        }

        return index;
    }

    private void Store(ReadOnlySpan<byte> value, int hash)
    {
        if (Count + 2 > _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }

        if (Count == _hashes.Length)
        {
            Array.Resize(ref _hashes, _hashes.Length * 2);
        }

        int start = _offsets[Count];
        long end = (long)start + value.Length;
        if (end > _bytes.Length)
        {
            if (end > Array.MaxLength)
            {
                throw new InvalidOperationException("dictionary exceeds 2 GB");
            }

            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(end, (long)_bytes.Length * 2)));
        }

        value.CopyTo(_bytes.AsSpan(start));
        _hashes[Count] = hash;
        Count++;
        _offsets[Count] = (int)end;
    }

    private void Rehash()
    {
        int[] table = new int[_table.Length * 2];
        int mask = table.Length - 1;
        for (int i = 0; i < Count; i++)
        {
            int slot = _hashes[i] & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = i + 1;
        }

        _table = table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> value)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15UL;
        ulong h = (ulong)value.Length * Multiplier;
        int i = 0;
        for (; i + 8 <= value.Length; i += 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(value[i..])) * Multiplier, 31);
        }

        ulong tail = 0;
        for (int shift = 0; i < value.Length; i++, shift += 8)
        {
            tail |= (ulong)value[i] << shift;
        }

        h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 29;
        return (int)(h ^ (h >> 32));
    }
}
