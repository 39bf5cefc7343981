using System.Buffers;
using AdintAudit.Data;

namespace AdintAudit.Risk.Mitigation;

/// <summary>Floors every timestamp to a bin and collapses a device's pings that become identical.</summary>
/// <remarks>
/// <para>
/// Bins are aligned on the UTC epoch (a 1-day bin is a UTC day); negative times floor downwards. Flooring is monotonic,
/// so each device's rows stay sorted by time. Within a device, rows with the same binned time AND the same latitude and
/// longitude (exact equality) are one observation after coarsening: only the first of them in table order (the earliest
/// original time) is kept, with its accuracy. Rows with the same bin but another position are all kept, in their
/// original order. Collapsing is what a publisher of binned data would do, and it keeps "number of pings" honest: a
/// burst of 30 pings at one spot within an hour is one hourly observation.
/// </para>
/// <para>O(n + Σ g log g) over groups g of rows sharing a device and bin; one pooled scratch buffer.</para>
/// </remarks>
internal static class TimeCoarsening
{
    public static PingTable Apply(PingTable pings, long binMs)
    {
        int n = pings.Count;
        using var mask = new PooledRowMask(n);
        (double Lat, double Lon, int Row)[] scratch = ArrayPool<(double, double, int)>.Shared.Rent(64);
        try
        {
            Span<bool> keep = mask.Flags;
            MarkFirstOfEachObservation(pings, binMs, keep, ref scratch);

            // Filter always copies into fresh columns that nobody else has seen yet, so flooring them in place is safe.
            PingTable coarse = pings.Filter(keep);
            long[] time = coarse.TimeArray;
            for (int i = 0; i < time.Length; i++)
            {
                time[i] = FloorToBin(time[i], binMs);
            }

            return coarse;
        }
        finally
        {
            ArrayPool<(double, double, int)>.Shared.Return(scratch);
        }
    }

    public static long FloorToBin(long timeMs, long binMs)
    {
        long remainder = timeMs % binMs;
        return timeMs - (remainder < 0 ? remainder + binMs : remainder);
    }

    private static void MarkFirstOfEachObservation(PingTable pings, long binMs, Span<bool> keep, ref (double Lat, double Lon, int Row)[] scratch)
    {
        ReadOnlySpan<long> time = pings.TimeMs;
        ReadOnlySpan<double> lat = pings.Lat;
        ReadOnlySpan<double> lon = pings.Lon;
        ReadOnlySpan<int> start = pings.DeviceStart;
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            int end = start[d + 1];
            int from = start[d];
            while (from < end)
            {
                long bin = FloorToBin(time[from], binMs);
                int to = from + 1;
                while (to < end && FloorToBin(time[to], binMs) == bin)
                {
                    to++;
                }

                if (to - from == 1)
                {
                    keep[from] = true;
                }
                else
                {
                    MarkGroup(lat, lon, from, to, keep, ref scratch);
                }

                from = to;
            }
        }
    }

    private static void MarkGroup(ReadOnlySpan<double> lat, ReadOnlySpan<double> lon, int from, int to, Span<bool> keep,
        ref (double Lat, double Lon, int Row)[] scratch)
    {
        int length = to - from;
        if (scratch.Length < length)
        {
            ArrayPool<(double, double, int)>.Shared.Return(scratch);
            scratch = ArrayPool<(double, double, int)>.Shared.Rent(length);
        }

        Span<(double Lat, double Lon, int Row)> group = scratch.AsSpan(0, length);
        for (int i = 0; i < length; i++)
        {
            group[i] = (lat[from + i], lon[from + i], from + i);
        }

        // Sorting by (lat, lon, row) puts equal positions together with the earliest row first.
        group.Sort();
        for (int i = 0; i < length; i++)
        {
            keep[group[i].Row] = i == 0 || !group[i].Lat.Equals(group[i - 1].Lat) || !group[i].Lon.Equals(group[i - 1].Lon);
        }
    }
}
