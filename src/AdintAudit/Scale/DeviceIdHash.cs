using System.Text;

namespace AdintAudit.Scale;

/// <summary>
/// The fixed 64-bit hash of a device id that assigns devices to partitions: FNV-1a (64-bit offset basis
/// 0xCBF29CE484222325, prime 0x100000001B3) over the id's UTF-8 bytes, then the SplitMix64 finalizer so that every bit of
/// the result depends on every byte. It never changes between versions or machines, so partition files written by
/// different processes or runs agree.
/// </summary>
/// <remarks>
/// The tests pin the values of a few ids, so a change of the function cannot go unnoticed. Partition <c>p</c> of <c>P</c> holds the devices with <c>Hash(id) % P == p</c>.
/// </remarks>
public static class DeviceIdHash
{
    private const ulong OffsetBasis = 0xCBF29CE484222325UL;
    private const ulong Prime = 0x100000001B3UL;

    /// <summary>Hashes the UTF-8 bytes of a device id.</summary>
    /// <param name="utf8">The id as UTF-8.</param>
    /// <returns>The 64-bit hash.</returns>
    public static ulong Hash(ReadOnlySpan<byte> utf8)
    {
        ulong h = OffsetBasis;
        foreach (byte b in utf8)
        {
            h = (h ^ b) * Prime;
        }

        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }

    /// <summary>Hashes a device id (its UTF-8 encoding).</summary>
    /// <param name="id">The device id.</param>
    /// <returns>The 64-bit hash.</returns>
    public static ulong Hash(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Hash(Encoding.UTF8.GetBytes(id));
    }

    /// <summary>The partition of a device id: <c>Hash(utf8) % partitions</c>.</summary>
    /// <param name="utf8">The id as UTF-8.</param>
    /// <param name="partitions">Number of partitions, at least 1.</param>
    /// <returns>0..<paramref name="partitions"/>-1.</returns>
    public static int Partition(ReadOnlySpan<byte> utf8, int partitions) => (int)(Hash(utf8) % (ulong)partitions);

    /// <summary>The partition of a device id: <c>Hash(id) % partitions</c>.</summary>
    /// <param name="id">The device id.</param>
    /// <param name="partitions">Number of partitions, at least 1.</param>
    /// <returns>0..<paramref name="partitions"/>-1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is less than 1.</exception>
    public static int Partition(string id, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return (int)(Hash(id) % (ulong)partitions);
    }
}
