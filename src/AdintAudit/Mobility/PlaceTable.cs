namespace AdintAudit.Mobility;

/// <summary>
/// Places as columns, sorted by (device, place id), each device's places in one slice; plus the place of every stay.
/// </summary>
public sealed class PlaceTable
{
    internal PlaceTable(string[] deviceIds, int[] deviceStart, int[] device, int[] placeId, double[] lat, double[] lon, int[] stayCount,
        long[] durationMs, int[] placeOfStay, PlaceMethod method)
    {
        DeviceIdArray = deviceIds;
        DeviceStartArray = deviceStart;
        DeviceArray = device;
        PlaceIdArray = placeId;
        LatArray = lat;
        LonArray = lon;
        StayCountArray = stayCount;
        DurationArray = durationMs;
        PlaceOfStayArray = placeOfStay;
        Method = method;
    }

    /// <summary>The clustering that produced the places.</summary>
    public PlaceMethod Method { get; }

    /// <summary>Number of places.</summary>
    public int Count => DeviceArray.Length;

    /// <summary>Number of devices (with or without places).</summary>
    public int DeviceCount => DeviceIdArray.Length;

    /// <summary>Device ids by device number.</summary>
    public IReadOnlyList<string> DeviceIds => DeviceIdArray;

    /// <summary>First place row of each device; <see cref="DeviceCount"/> + 1 entries.</summary>
    public ReadOnlySpan<int> DeviceStart => DeviceStartArray;

    /// <summary>Device number of each place.</summary>
    public ReadOnlySpan<int> Device => DeviceArray;

    /// <summary>Place id within its device (0, 1, …; the order depends on the method, see <see cref="PlaceClusterer"/>).</summary>
    public ReadOnlySpan<int> PlaceId => PlaceIdArray;

    /// <summary>Centre latitude in degrees.</summary>
    public ReadOnlySpan<double> Lat => LatArray;

    /// <summary>Centre longitude in degrees.</summary>
    public ReadOnlySpan<double> Lon => LonArray;

    /// <summary>Stays in the place.</summary>
    public ReadOnlySpan<int> StayCount => StayCountArray;

    /// <summary>Total duration of the place's stays in milliseconds.</summary>
    public ReadOnlySpan<long> DurationMs => DurationArray;

    /// <summary>Place id of each stay of the source <see cref="StayTable"/> (same order); -1 for DBSCAN noise.</summary>
    public ReadOnlySpan<int> PlaceOfStay => PlaceOfStayArray;

    /// <summary>
    /// Merges the places of partitions of a dataset (split by device) into the table the whole dataset gives: rows and
    /// <see cref="PlaceOfStay"/> in global device order, the device column renumbered to global devices. Place ids are
    /// per device and stay as they are.
    /// </summary>
    /// <param name="parts">The places of each partition (same method).</param>
    /// <param name="partStays">The stays each partition's places were clustered from (for the order of <see cref="PlaceOfStay"/>).</param>
    /// <param name="globalDevice">Per partition, the global index of each local device (ascending; together every device once).</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <returns>The merged table; for one partition with the identity map, a table equal to that partition's.</returns>
    /// <remarks>Places are per device, so the merge is exact for any assignment of devices to partitions. O(places + stays + devices).</remarks>
    /// <exception cref="ArgumentException">The lists differ in length, the methods or sizes disagree, or the device maps do not cover every device once.</exception>
    public static PlaceTable Merge(IReadOnlyList<PlaceTable> parts, IReadOnlyList<StayTable> partStays, IReadOnlyList<int[]> globalDevice,
        int globalDeviceCount)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(partStays);
        ArgumentNullException.ThrowIfNull(globalDevice);
        if (parts.Count == 0 || partStays.Count != parts.Count || globalDevice.Count != parts.Count)
        {
            throw new ArgumentException("one stay table and one device map per partition, and at least one partition, are needed", nameof(parts));
        }

        for (int p = 0; p < parts.Count; p++)
        {
            if (parts[p].Method != parts[0].Method || partStays[p].Count != parts[p].PlaceOfStayArray.Length
                || partStays[p].DeviceCount != parts[p].DeviceCount)
            {
                throw new ArgumentException($"partition {p}: another place method, or stays that are not the places' own", nameof(parts));
            }
        }

        var map = PartitionDeviceMap.Create(globalDevice, globalDeviceCount, p => parts[p].DeviceCount);
        int[][] placeStarts = [.. parts.Select(p => p.DeviceStartArray)];
        int[][] stayStarts = [.. partStays.Select(p => p.DeviceStartArray)];
        int[] start = map.MergedStarts(placeStarts);
        return new PlaceTable(
            map.GlobalIds(p => parts[p].DeviceIdArray),
            start,
            PartitionDeviceMap.DeviceColumn(start),
            map.Gather(placeStarts, p => parts[p].PlaceIdArray, start),
            map.Gather(placeStarts, p => parts[p].LatArray, start),
            map.Gather(placeStarts, p => parts[p].LonArray, start),
            map.Gather(placeStarts, p => parts[p].StayCountArray, start),
            map.Gather(placeStarts, p => parts[p].DurationArray, start),
            map.Gather(stayStarts, p => parts[p].PlaceOfStayArray, map.MergedStarts(stayStarts)),
            parts[0].Method);
    }

    internal string[] DeviceIdArray { get; }

    internal int[] DeviceStartArray { get; }

    internal int[] DeviceArray { get; }

    internal int[] PlaceIdArray { get; }

    internal double[] LatArray { get; }

    internal double[] LonArray { get; }

    internal int[] StayCountArray { get; }

    internal long[] DurationArray { get; }

    internal int[] PlaceOfStayArray { get; }
}
