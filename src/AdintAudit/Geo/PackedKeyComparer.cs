namespace AdintAudit.Geo;

/// <summary>
/// Equality of <see cref="long"/> keys that pack two 32-bit numbers (a <see cref="GridCell"/> key: band and column; a
/// device pair: two device numbers), with a hash that mixes all 64 bits.
/// </summary>
/// <remarks>
/// The default <see cref="long.GetHashCode"/> is the XOR of the two halves, so neighbouring cells (band b, column c and
/// b + 1, c + 1) and device pairs with the same XOR collide: on 100 M pings the co-location sweep's dictionaries
/// degenerated into long chains and ran for minutes. Only the hash changes; lookups, and the enumeration order of a
/// dictionary (insertion order), do not.
/// </remarks>
public sealed class PackedKeyComparer : IEqualityComparer<long>
{
    private PackedKeyComparer()
    {
    }

    /// <summary>The comparer.</summary>
    public static PackedKeyComparer Instance { get; } = new();

    /// <inheritdoc/>
    public bool Equals(long x, long y) => x == y;

    /// <inheritdoc/>
    public int GetHashCode(long obj)
    {
        ulong h = (ulong)obj * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32) ^ (int)h;
    }
}
