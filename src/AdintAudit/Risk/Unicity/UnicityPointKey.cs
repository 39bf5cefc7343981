namespace AdintAudit.Risk.Unicity;

/// <summary>
/// One point of a trace at one resolution, in absolute terms: the time bin floor(UTC ms / bin width) and the
/// <see cref="Geo.GridCell"/> key. Pure functions of a ping and the resolution, so every partition agrees on them.
/// </summary>
/// <param name="Bin">Time bin, aligned on the UTC epoch (negative before 1970).</param>
/// <param name="Cell">Grid cell key (band in the high 32 bits, column in the low 32 bits).</param>
/// <remarks>
/// Ordered by bin, then by cell key as a signed <see cref="long"/> (band, then column): the order in which point ids are
/// numbered, which fixes the order of each trace and so which subsets a seeded draw picks.
/// </remarks>
internal readonly record struct UnicityPointKey(long Bin, long Cell) : IComparable<UnicityPointKey>
{
    /// <summary>Returns the key of a ping.</summary>
    /// <param name="timeMs">UTC epoch milliseconds.</param>
    /// <param name="cell">The ping's grid cell key at the resolution's cell size.</param>
    /// <param name="binMs">Bin width in milliseconds (&gt; 0).</param>
    public static UnicityPointKey Of(long timeMs, long cell, long binMs) => new(FloorDiv(timeMs, binMs), cell);

    /// <inheritdoc/>
    public int CompareTo(UnicityPointKey other)
    {
        int byBin = Bin.CompareTo(other.Bin);
        return byBin != 0 ? byBin : Cell.CompareTo(other.Cell);
    }

    /// <summary>Returns a well-mixed hash for open addressing.</summary>
    public ulong Hash()
    {
        ulong h = ((ulong)Bin * 0x9E3779B97F4A7C15UL) ^ (ulong)Cell;
        h = (h ^ (h >> 32)) * 0xD6E8FEB86659FD93UL;
        return h ^ (h >> 32);
    }

    /// <summary>Division rounding towards negative infinity (bins before 1970 stay aligned).</summary>
    internal static long FloorDiv(long value, long divisor)
    {
        long quotient = Math.DivRem(value, divisor, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    /// <summary>Returns the distinct keys, ascending (sorts <paramref name="keys"/> in place).</summary>
    internal static UnicityPointKey[] SortedDistinct(UnicityPointKey[] keys)
    {
        Array.Sort(keys);
        int w = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (w == 0 || keys[i] != keys[w - 1])
            {
                keys[w++] = keys[i];
            }
        }

        return keys[..w];
    }
}
