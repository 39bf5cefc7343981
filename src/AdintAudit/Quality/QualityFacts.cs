namespace AdintAudit.Quality;

/// <summary>
/// The dataset-wide facts the quality screen of one partition needs: the dataset window and the shared coordinates
/// (those on at least <see cref="QualityOptions.SharedCoordinateMinDevices"/> devices among the pings that pass the
/// removal checks). Built by <see cref="QualityScreen.Facts"/>; immutable and thread-safe.
/// </summary>
public sealed class QualityFacts
{
    private readonly HashSet<(double Lat, double Lon)> _shared;
    private readonly ulong[] _filter;
    private readonly int _filterMask;

    internal QualityFacts(long windowStartMs, long windowEndMs, string windowSource, HashSet<(double Lat, double Lon)> shared)
    {
        WindowStartMs = windowStartMs;
        WindowEndMs = windowEndMs;
        WindowSource = windowSource;
        _shared = shared;

        // A bit per hash of 16 or more slots per shared coordinate (up to 2^26 bits, 8 MB): most lookups of coordinates
        // that are not shared end at one bit test instead of a hash-set probe.
        int bits = 6;
        while (bits < 26 && (1L << bits) < 16L * shared.Count)
        {
            bits++;
        }

        _filter = new ulong[(1 << bits) / 64];
        _filterMask = (1 << bits) - 1;
        foreach ((double lat, double lon) in shared)
        {
            int h = Hash(lat, lon);
            _filter[h >> 6] |= 1UL << h;
        }
    }

    /// <summary>The dataset window's start (UTC epoch ms, inclusive).</summary>
    public long WindowStartMs { get; }

    /// <summary>The dataset window's end (UTC epoch ms, exclusive).</summary>
    public long WindowEndMs { get; }

    /// <summary>Whether the window was given or derived, for the report.</summary>
    public string WindowSource { get; }

    /// <summary>Number of shared coordinates.</summary>
    public int SharedCoordinateCount => _shared.Count;

    /// <summary>Whether (<paramref name="lat"/>, <paramref name="lon"/>) is a shared coordinate (exact equality; 0 equals -0).</summary>
    /// <param name="lat">Latitude in degrees.</param>
    /// <param name="lon">Longitude in degrees.</param>
    public bool IsShared(double lat, double lon)
    {
        int h = Hash(lat, lon);
        return (_filter[h >> 6] & (1UL << h)) != 0 && _shared.Contains((lat, lon));
    }

    private int Hash(double lat, double lon)
    {
        // + 0.0 turns -0 into 0, as the set's equality treats them as one.
        ulong h = (ulong)BitConverter.DoubleToInt64Bits(lat + 0.0) * 0x9E3779B97F4A7C15UL;
        h ^= (ulong)BitConverter.DoubleToInt64Bits(lon + 0.0) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        return (int)(h & (ulong)_filterMask);
    }
}
