using System.Runtime.InteropServices;
namespace AdintAudit.Quality;

/// <summary>
/// Pings per hash bucket of their exact coordinate, saturating at 65,535: the cheap first step of the shared-coordinate
/// check. A coordinate on at least N devices has at least N pings, so only coordinates in buckets with at least N pings
/// need an exact count of their devices.
/// </summary>
/// <remarks>
/// The number of buckets grows with the pings (about two per ping, 2^16 to 2^27, 128 B to 256 MB), so that buckets stay
/// sparse and few coordinates need the exact count; counting is order-independent and merging is saturating addition,
/// so one table and its device partitions give the same counts.
/// </remarks>
public sealed class CoordinateBucketCounts
{
    private readonly ushort[] _counts;
    private readonly int _mask;

    /// <summary>Creates empty counts sized for <paramref name="expectedPings"/> pings in total (all partitions).</summary>
    /// <param name="expectedPings">The dataset's rows; every partition of one dataset must pass the same value.</param>
    public CoordinateBucketCounts(long expectedPings)
    {
        int bits = 16;
        while (bits < 27 && (1L << bits) < 2 * expectedPings)
        {
            bits++;
        }

        _counts = new ushort[1 << bits];
        _mask = (1 << bits) - 1;
    }

    /// <summary>Buckets (a power of two).</summary>
    public int Buckets => _counts.Length;

    /// <summary>Counts the pings at (<paramref name="lat"/>[i], <paramref name="lon"/>[i]).</summary>
    /// <param name="lat">Latitudes.</param>
    /// <param name="lon">Longitudes, as many.</param>
    public void Add(ReadOnlySpan<double> lat, ReadOnlySpan<double> lon)
    {
        if (lat.Length != lon.Length)
        {
            throw new ArgumentException("lat and lon differ in length", nameof(lon));
        }

        ushort[] counts = _counts;
        for (int i = 0; i < lat.Length; i++)
        {
            ref ushort c = ref counts[Bucket(lat[i], lon[i])];
            if (c != ushort.MaxValue)
            {
                c++;
            }
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/> (same size) to these.</summary>
    /// <param name="other">Counts of other pings of the same dataset.</param>
    public void Merge(CoordinateBucketCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._counts.Length != _counts.Length)
        {
            throw new ArgumentException("bucket counts of different sizes", nameof(other));
        }

        for (int b = 0; b < _counts.Length; b++)
        {
            _counts[b] = (ushort)Math.Min(ushort.MaxValue, _counts[b] + other._counts[b]);
        }
    }

    /// <summary>Whether the coordinate's bucket holds at least <paramref name="minPings"/> pings.</summary>
    /// <param name="lat">Latitude.</param>
    /// <param name="lon">Longitude.</param>
    /// <param name="minPings">Threshold.</param>
    public bool AtLeast(double lat, double lon, int minPings) => _counts[Bucket(lat, lon)] >= minPings;

    private int Bucket(double lat, double lon)
    {
        // + 0.0 turns -0 into 0: the screen compares coordinates with double.Equals, where they are one coordinate.
        ulong h = (ulong)BitConverter.DoubleToInt64Bits(lat + 0.0) * 0x9E3779B97F4A7C15UL;
        h ^= (ulong)BitConverter.DoubleToInt64Bits(lon + 0.0) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        return (int)(h & (ulong)_mask);
    }

    /// <summary>Writes the size and counts (little-endian), for a partitioned spill's statistics file.</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(_counts.Length);
        writer.Write(MemoryMarshal.AsBytes(_counts.AsSpan()));
    }

    /// <summary>Reads counts written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="InvalidDataException">The size is not one this type creates.</exception>
    internal static CoordinateBucketCounts ReadFrom(BinaryReader reader)
    {
        int buckets = reader.ReadInt32();
        if (buckets < 1 << 16 || buckets > 1 << 27 || (buckets & (buckets - 1)) != 0)
        {
            throw new InvalidDataException($"{buckets} coordinate buckets");
        }

        var counts = new CoordinateBucketCounts(buckets / 2);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(counts._counts.AsSpan()));
        return counts;
    }
}
