using System.Numerics;

namespace AdintAudit.Risk.Unicity;

/// <summary>
/// Read-only open-addressing hash table from <see cref="UnicityPointKey"/> to its index in a key array (linear probing,
/// load factor at most 1/2). Safe to read from many threads.
/// </summary>
/// <remarks>About 40 bytes per key (a key and an index per slot, at least two slots per key).</remarks>
internal sealed class UnicityPointLookup
{
    private readonly UnicityPointKey[] _keys;
    private readonly int[] _index;
    private readonly int _shift;
    private readonly ulong _mask;

    /// <summary>Indexes <paramref name="keys"/>: <see cref="Find"/> returns a key's position in it.</summary>
    /// <param name="keys">Distinct keys.</param>
    public UnicityPointLookup(ReadOnlySpan<UnicityPointKey> keys)
    {
        int bits = Math.Max(4, 64 - BitOperations.LeadingZeroCount((ulong)keys.Length) + 1);
        int slots = 1 << bits;
        _shift = 64 - bits;
        _mask = (ulong)slots - 1;
        _keys = new UnicityPointKey[slots];
        _index = new int[slots];
        _index.AsSpan().Fill(-1);
        for (int i = 0; i < keys.Length; i++)
        {
            ulong slot = keys[i].Hash() >> _shift;
            while (_index[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = keys[i];
            _index[slot] = i;
        }

        Count = keys.Length;
    }

    /// <summary>Number of keys.</summary>
    public int Count { get; }

    /// <summary>Returns the position of <paramref name="key"/> in the indexed keys, or -1 when it is not one of them.</summary>
    public int Find(UnicityPointKey key)
    {
        ulong slot = key.Hash() >> _shift;
        while (true)
        {
            int index = _index[slot];
            if (index < 0 || (_keys[slot].Bin == key.Bin && _keys[slot].Cell == key.Cell))
            {
                return index;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
