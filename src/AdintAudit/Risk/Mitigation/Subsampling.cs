using AdintAudit.Data;

namespace AdintAudit.Risk.Mitigation;

/// <summary>Keeps each ping with a fixed probability, decided by a seeded hash of (device id, time).</summary>
/// <remarks>
/// <para>
/// The decision for a ping is a pure function of (seed, device id string, timestamp): it does not depend on the row's
/// position, on the device's number, on which other devices or rows the table holds, on partitions or on threads. So
/// sub-sampling a filtered table gives the filter of the sub-sampled table, and partitions processed apart agree with
/// the whole. Pings of one device with the same timestamp are kept or dropped together.
/// </para>
/// <para>
/// Hash: FNV-1a 64 over the id's UTF-16 code units, mixed with the seed and then with the time through the SplitMix64
/// finalizer; the top 53 bits give a uniform number u in [0, 1) and the ping is kept when u &lt; probability. O(n) plus
/// one pass over each id.
/// </para>
/// </remarks>
internal static class Subsampling
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    public static PingTable Apply(PingTable pings, double keepProbability, ulong seed)
    {
        using var mask = new PooledRowMask(pings.Count);
        Span<bool> keep = mask.Flags;
        ReadOnlySpan<long> time = pings.TimeMs;
        ReadOnlySpan<int> start = pings.DeviceStart;
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            ulong deviceHash = DeviceHash(seed, pings.DeviceIdArray[d]);
            for (int i = start[d]; i < start[d + 1]; i++)
            {
                keep[i] = Uniform(deviceHash, time[i]) < keepProbability;
            }
        }

        return pings.Filter(keep);
    }

    /// <summary>Returns the hash of (seed, device id) that <see cref="Uniform"/> combines with each ping's time.</summary>
    public static ulong DeviceHash(ulong seed, string deviceId)
    {
        ulong h = FnvOffset;
        foreach (char c in deviceId)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Mix(h ^ Mix(seed));
    }

    /// <summary>Returns the ping's uniform number in [0, 1).</summary>
    public static double Uniform(ulong deviceHash, long timeMs) => (Mix(deviceHash ^ (ulong)timeMs) >> 11) * TwoToMinus53;

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
