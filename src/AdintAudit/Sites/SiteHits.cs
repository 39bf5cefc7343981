using AdintAudit.Data;
using AdintAudit.Mobility;

namespace AdintAudit.Sites;

/// <summary>
/// What <see cref="SiteExposureAnalyzer"/> needs from the pings: the pings at one site or more (accuracy filter
/// applied) as a small <see cref="PingTable"/> whose devices are ALL devices of the dataset in global order, and the
/// number of pings that passed the accuracy filter. Collected per partition of a dataset split by device, then merged.
/// </summary>
/// <remarks>
/// Per site the analyzer uses only the pings inside it (its devices, pings and local days); dwell comes from the stays,
/// followed-home and staff from the home/work table (staff: work location within
/// <see cref="SiteExposureOptions.StaffToleranceMeters"/>, home distances from the site centroid), so no other ping matters.
/// </remarks>
public sealed class SiteHits
{
    private SiteHits(PingTable pings, long pingsCounted)
    {
        Pings = pings;
        PingsCounted = pingsCounted;
    }

    /// <summary>The pings at one site or more, sorted by (global device, time); device ids are every device of the dataset.</summary>
    public PingTable Pings { get; }

    /// <summary>Pings of the whole dataset that passed the accuracy filter.</summary>
    public long PingsCounted { get; }

    /// <summary>Collects the pings at sites of one partition.</summary>
    /// <param name="pings">The partition's pings (usually after the quality screen), devices numbered locally.</param>
    /// <param name="globalDevice">Global index of each local device, ascending (the identity for the whole dataset).</param>
    /// <param name="sites">The sites.</param>
    /// <param name="options">Options (the accuracy rule and thread count are used); null for the defaults.</param>
    /// <param name="ct">Cancels between chunks of devices.</param>
    /// <returns>The partial; memory O(hit pings + devices of the partition).</returns>
    /// <exception cref="ArgumentException"><paramref name="globalDevice"/> does not have one entry per device.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static SiteHitsPartial CollectPartial(PingTable pings, ReadOnlySpan<int> globalDevice, SiteCatalog sites, SiteExposureOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(sites);
        if (globalDevice.Length != pings.DeviceCount)
        {
            throw new ArgumentException("one global index per device is needed", nameof(globalDevice));
        }

        (int[] rows, long counted) = SiteExposureAnalyzer.RowsAtSites(pings, sites, options ?? new SiteExposureOptions(), ct);
        return new SiteHitsPartial(SelectRows(pings, rows), globalDevice.ToArray(), counted);
    }

    /// <summary>Returns a table of the given rows (ascending), every device kept.</summary>
    private static PingTable SelectRows(PingTable pings, int[] rows)
    {
        int n = rows.Length;
        var start = new int[pings.DeviceCount + 1];
        var device = new int[n];
        var time = new long[n];
        var lat = new double[n];
        var lon = new double[n];
        var accuracy = new float[n];
        for (int k = 0; k < n; k++)
        {
            int i = rows[k];
            device[k] = pings.DeviceArray[i];
            time[k] = pings.TimeArray[i];
            lat[k] = pings.LatArray[i];
            lon[k] = pings.LonArray[i];
            accuracy[k] = pings.AccuracyArray[i];
            start[device[k] + 1]++;
        }

        for (int d = 0; d < pings.DeviceCount; d++)
        {
            start[d + 1] += start[d];
        }

        return new PingTable(pings.DeviceIdArray, start, device, time, lat, lon, accuracy);
    }

    /// <summary>Merges the partials of every partition into the hits of the whole dataset.</summary>
    /// <param name="parts">One partial per partition, collected with the same sites and options.</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <returns>The hits, rows in global device order; identical for any assignment of devices to partitions.</returns>
    /// <exception cref="ArgumentException">No partial, or the device maps do not cover every device once.</exception>
    public static SiteHits Merge(IReadOnlyList<SiteHitsPartial> parts, int globalDeviceCount)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("at least one partial is needed", nameof(parts));
        }

        PingTable merged = PingTableMerge.Merge([.. parts.Select(p => p.Hits)], [.. parts.Select(p => p.GlobalDevice)], globalDeviceCount);
        return new SiteHits(merged, parts.Sum(p => p.PingsCounted));
    }
}
