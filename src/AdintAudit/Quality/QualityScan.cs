using System.Buffers;
using System.Runtime.InteropServices;
using AdintAudit.Data;
using AdintAudit.Mobility;

namespace AdintAudit.Quality;

/// <summary>
/// What the first sweep over one partition of the devices learns from the pings that pass the removal checks: the
/// distinct devices of every coordinate that may be shared, the longitudes and the time range (for the local clock).
/// Built by <see cref="QualityScreen.Scan"/>; merged by <see cref="QualityScreen.Facts"/> and
/// <see cref="MobilityPipeline.LocalClock"/>.
/// </summary>
/// <remarks>
/// Every figure is a sum or a min/max over devices, and each device lies in one partition, so merging the scans of any
/// partitioning gives the figures of the whole table. Memory: 2.9 MB for the longitude histogram plus about 40 bytes per
/// candidate coordinate.
/// </remarks>
public sealed class QualityScan
{
    private QualityScan(long keptPings, long minKeptTimeMs, long maxKeptTimeMs, LongitudeHistogram keptLongitudes,
        Dictionary<(double Lat, double Lon), int> coordinateDevices)
    {
        KeptPings = keptPings;
        MinKeptTimeMs = minKeptTimeMs;
        MaxKeptTimeMs = maxKeptTimeMs;
        KeptLongitudes = keptLongitudes;
        CoordinateDevices = coordinateDevices;
    }

    /// <summary>Pings that passed the removal checks.</summary>
    public long KeptPings { get; }

    /// <summary>The earliest kept ping (UTC epoch ms); <see cref="long.MaxValue"/> when none was kept.</summary>
    public long MinKeptTimeMs { get; }

    /// <summary>The latest kept ping (UTC epoch ms); <see cref="long.MinValue"/> when none was kept.</summary>
    public long MaxKeptTimeMs { get; }

    /// <summary>The longitudes of the kept pings (owned by the scan; do not add to it).</summary>
    public LongitudeHistogram KeptLongitudes { get; }

    /// <summary>Coordinates whose distinct devices were counted (those in a bucket with enough pings).</summary>
    public int CandidateCoordinates => CoordinateDevices.Count;

    /// <summary>Distinct devices (among the kept pings) of each candidate coordinate.</summary>
    internal Dictionary<(double Lat, double Lon), int> CoordinateDevices { get; }

    /// <summary>Scans the kept rows of a canonical table.</summary>
    /// <param name="pings">The table the removal checks ran on.</param>
    /// <param name="keep">Their verdicts, one per row.</param>
    /// <param name="minDevices">Devices that make a coordinate shared.</param>
    /// <param name="buckets">Pings per coordinate bucket of the whole dataset.</param>
    internal static QualityScan FromKept(PingTable pings, bool[] keep, int minDevices, CoordinateBucketCounts buckets)
    {
        long[] t = pings.TimeArray;
        double[] lat = pings.LatArray;
        double[] lon = pings.LonArray;
        int[] device = pings.DeviceArray;

        // A coordinate on at least minDevices devices has at least as many pings; bucket counts saturate at 65,535.
        int minBucketPings = Math.Min(minDevices, ushort.MaxValue);
        var coordinateDevices = new Dictionary<(double Lat, double Lon), (int LastDevice, int Devices)>();
        var longitudes = new LongitudeHistogram();
        double[] pending = ArrayPool<double>.Shared.Rent(4096);
        int pendingCount = 0;
        long kept = 0;
        long minTime = long.MaxValue;
        long maxTime = long.MinValue;
        for (int i = 0; i < pings.Count; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            kept++;
            minTime = Math.Min(minTime, t[i]);
            maxTime = Math.Max(maxTime, t[i]);
            pending[pendingCount++] = lon[i];
            if (pendingCount == pending.Length)
            {
                longitudes.Add(pending);
                pendingCount = 0;
            }

            if (buckets.AtLeast(lat[i], lon[i], minBucketPings))
            {
                // Rows are grouped by device, so a device is counted once per coordinate by remembering the last one.
                ref (int LastDevice, int Devices) entry = ref CollectionsMarshal.GetValueRefOrAddDefault(
                    coordinateDevices, (lat[i], lon[i]), out bool exists);
                if (!exists || entry.LastDevice != device[i])
                {
                    entry = (device[i], entry.Devices + 1);
                }
            }
        }

        longitudes.Add(pending.AsSpan(0, pendingCount));
        ArrayPool<double>.Shared.Return(pending);
        var devices = new Dictionary<(double Lat, double Lon), int>(coordinateDevices.Count);
        foreach (KeyValuePair<(double Lat, double Lon), (int LastDevice, int Devices)> pair in coordinateDevices)
        {
            devices.Add(pair.Key, pair.Value.Devices);
        }

        return new QualityScan(kept, minTime, maxTime, longitudes, devices);
    }
}
